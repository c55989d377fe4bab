package explain_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
)

// The tests here run the standard stages, as rinse inspect --explain
// does, and read the written page back as a browser's DOM would.

// stages builds the standard stages with the shipped profiles, the
// clock fixed.
func stages(t testing.TB) (pipeline.Stages, *rules.Set) {
	t.Helper()
	set, err := rules.Load(configs.Sites, "sites")
	if err != nil {
		t.Fatal(err)
	}
	st, err := assemble.Build(assemble.Options{Version: "test", MaxPageBytes: 8 << 20, Profiles: set,
		EntityFS: configs.Entities, Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	return st, set
}

// readPage reads a fixture as rinse inspect does.
func readPage(t testing.TB, path, url string) *rinse.Page {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := &rinse.Page{Source: filepath.Base(path), URL: url, Body: body, Kind: rinse.KindHTML}
	if strings.HasSuffix(path, ".txt") {
		p.Kind = rinse.KindText
	}
	return p
}

// explainPage runs a fixture through st with a trace and returns the
// rendered page.
func explainPage(t testing.TB, st pipeline.Stages, path, url string) []byte {
	t.Helper()
	page := readPage(t, path, url)
	tr := explain.New()
	doc, stage, err := assemble.RunOne(explain.With(context.Background(), tr), st, page)
	var buf bytes.Buffer
	if err := tr.Render(&buf, explain.Page{Source: page.Source, URL: url, Doc: doc, Stage: stage, Err: err}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// viewRow is one block of the written page.
type viewRow struct {
	fate, kind string
	text       string   // all of it, as shown
	removed    []string // the struck-through runs
	rules      []string // each reason's rule and source
	why        []string // each reason's line as shown
}

// viewField is one row of the metadata table.
type viewField struct{ name, value, from string }

// parseView reads the rows and fields back from a written page.
func parseView(t testing.TB, page []byte) ([]viewRow, []viewField) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var rows []viewRow
	var fields []viewField
	walk(root, func(n *html.Node) bool {
		switch {
		case hasClass(n, "row"):
			rows = append(rows, readRow(n))
			return false
		case n.Data == "tr" && attr(n, "data-field") != "":
			var cells []string
			walk(n, func(c *html.Node) bool {
				if c.Data == "td" {
					cells = append(cells, text(c))
				}
				return true
			})
			if len(cells) == 3 {
				fields = append(fields, viewField{cells[0], cells[1], cells[2]})
			}
		}
		return true
	})
	return rows, fields
}

func readRow(n *html.Node) viewRow {
	r := viewRow{fate: attr(n, "data-fate")}
	walk(n, func(c *html.Node) bool {
		switch {
		case hasClass(c, "kind"):
			r.kind = text(c)
		case hasClass(c, "text"):
			r.text = text(c)
		case c.Data == "del":
			r.removed = append(r.removed, text(c))
			r.rules = append(r.rules, attr(c, "data-rule"))
		case hasClass(c, "why"):
			r.why = append(r.why, text(c))
		}
		return true
	})
	return r
}

// walk calls fn on n and its descendants, in document order, not below
// a node fn returns false for.
func walk(n *html.Node, fn func(*html.Node) bool) {
	if n.Type == html.ElementNode && !fn(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}
