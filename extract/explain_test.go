package extract

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/rules"
)

// TestRuleDocsLocateEveryNodeRule keeps the explain view's "file:line"
// and comment of each furniture rule true: they are read from
// content_rules.go's text, so a change of its layout must show here.
func TestRuleDocsLocateEveryNodeRule(t *testing.T) {
	docs, at := ruleDocs()
	if len(docs) != len(nodeRules) {
		t.Fatalf("%d rule docs for %d node rules", len(docs), len(nodeRules))
	}
	lines := strings.Split(rulesSource, "\n")
	for i, d := range docs {
		l := strings.TrimSpace(lines[d.line-1])
		if !strings.HasPrefix(l, "{") || d.comment == "" || !strings.HasSuffix(l, d.comment) {
			t.Errorf("rule %d: line %d is %q, comment %q", i, d.line, l, d.comment)
		}
	}
	if !strings.HasPrefix(lines[at[0]-1], "var dropTags = ") || !strings.HasPrefix(lines[at[1]-1], "func hidden(") {
		t.Errorf("dropTags at line %d, hidden at line %d", at[0], at[1])
	}
	r := furnitureReason(parseBody(t, `<nav><p>x</p></nav>`).FirstChild)
	if r.Rule != "<nav>" || !strings.HasPrefix(r.Source, rulesFile+":") || r.Why == "" {
		t.Errorf("reason for <nav> = %+v", r)
	}
}

// TestTracingChangesNoResult extracts every fixture page with and
// without a trace: recording must not change what the stage returns.
func TestTracingChangesNoResult(t *testing.T) {
	set, err := rules.Load(os.DirFS("../configs"), "sites")
	if err != nil {
		t.Fatal(err)
	}
	e := NewExtractor(ExtractorOptions{Profiles: set})
	var files []string
	for _, dir := range []string{"testdata/pages", "../testdata/pages"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, f := range files {
		kind := rinse.KindHTML
		switch filepath.Ext(f) {
		case ".txt":
			kind = rinse.KindText
		case ".html", ".htm":
		default:
			continue
		}
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		page := func() *rinse.Page { return &rinse.Page{Source: f, Body: body, Kind: kind, HTTPStatus: 200} }
		plain, perr := e.Process(context.Background(), page())
		tr := explain.New()
		traced, terr := e.Process(explain.With(context.Background(), tr), page())
		if !reflect.DeepEqual(plain, traced) || (perr == nil) != (terr == nil) || perr != nil && perr.Error() != terr.Error() {
			t.Errorf("%s: the trace changed the result (errors %v / %v)", f, perr, terr)
		}
		n++
	}
	if n < 40 {
		t.Errorf("only %d fixture pages found", n)
	}
}
