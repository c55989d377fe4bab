package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse/evaluate"
)

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"paragraphs", "<p>Tide came in.</p><p>Boats  rose\n with it.</p>", "Tide came in.\n\nBoats rose with it."},
		{"inline runs together", "<p>re<b>built</b> <i>in</i> May</p>", "rebuilt in May"},
		{"nested blocks", "<div><h2>Port</h2><div><p>Quiet night.</p></div></div>", "Port\n\nQuiet night."},
		{"line break", "<p>North pier<br>South pier</p>", "North pier\n\nSouth pier"},
		{"cells apart", "<table><tr><td>Oars</td><td>12</td></tr></table>", "Oars\n\n12"},
		{"list items", "<ul><li>nets</li><li>rope</li></ul>", "nets\n\nrope"},
		{"scripts and styles dropped", "<p>Calm<script>var x=1</script></p><style>p{}</style>", "Calm"},
		{"entities decoded", "<p>Fish &amp; chips&nbsp;&#8212; cheap</p>", "Fish & chips — cheap"},
		{"empty", "<div> <p></p> </div>", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := htmlText(strings.NewReader(tc.in))
			if err != nil || got != tc.want {
				t.Errorf("htmlText(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestLabelDay(t *testing.T) {
	for in, want := range map[string]string{
		"2019-03-04T22:30:00-05:00": "2019-03-04", // the label's own day, not UTC's
		"2019-03-04 10:00:00":       "2019-03-04",
		"2019-03-04":                "2019-03-04",
		" 2019-03-04T10:00Z ":       "2019-03-04",
		"March 4, 2019":             "",
		"2019-13-40":                "",
		"":                          "",
	} {
		if got := labelDay(&in); got != want {
			t.Errorf("labelDay(%q) = %q, want %q", in, got, want)
		}
	}
	if got := labelDay(nil); got != "" {
		t.Errorf("labelDay(nil) = %q", got)
	}
}

func TestScoreHeldout(t *testing.T) {
	dated := &evaluate.Case{Date: "2020-05-06", Meta: map[string][]string{evaluate.FieldAuthor: {"Ann Lee"}}}
	undated := &evaluate.Case{Meta: map[string][]string{}}
	for _, tc := range []struct {
		name string
		got  []evaluate.PageResult
		want heldoutMeta
	}{
		{"both right", []evaluate.PageResult{{Case: dated, Got: evaluate.Extracted{Date: "2020-05-06T08:00:00Z", Author: " Ann  Lee\n"}}},
			heldoutMeta{Dated: 1, DateCorrect: 1, Bylined: 1, BylineCorrect: 1}},
		{"wrong day, prefixed byline", []evaluate.PageResult{{Case: dated, Got: evaluate.Extracted{Date: "2020-05-07", Author: "By Ann Lee"}}},
			heldoutMeta{Dated: 1, Bylined: 1}},
		{"failed page misses", []evaluate.PageResult{{Case: dated, Got: evaluate.Extracted{Date: "2020-05-06", Author: "Ann Lee", Err: errors.New("boom")}}},
			heldoutMeta{Dated: 1, Bylined: 1}},
		{"unlabelled page not counted", []evaluate.PageResult{{Case: undated, Got: evaluate.Extracted{Date: "2020-05-06", Author: "Ann Lee"}}},
			heldoutMeta{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := scoreHeldout(tc.got); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// writePage makes a test-pages/<name> folder; an empty field is left out.
func writePage(t *testing.T, root, name, source, expected, meta string) {
	t.Helper()
	dir := filepath.Join(root, "test-pages", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for file, body := range map[string]string{"source.html": source, "expected.html": expected, "expected-metadata.json": meta} {
		if body == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, file), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadReadability(t *testing.T) {
	root := t.TempDir()
	article := "<p>The ferry runs again from Monday, the council said.</p>"
	writePage(t, root, "ferry", "<html><body>"+article+"</body></html>", article,
		`{"byline": " Ann Lee ", "publishedTime": "2021-04-02T09:00:00+02:00", "readerable": true}`)
	writePage(t, root, "index", "<html><body><a href=/>Home</a></body></html>", "<p>Home</p>", `{"readerable": false}`)
	writePage(t, root, "blank", "<html><body></body></html>", "<div> </div>", `{"byline": null}`)
	writePage(t, root, "broken", "", article, `{"readerable": true}`)

	suite, skip, err := loadReadability(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := (skipCounts{NotReaderable: 1, EmptyText: 1, Unreadable: 1}); skip != want {
		t.Errorf("skipped %+v, want %+v", skip, want)
	}
	if len(suite.Cases) != 1 || suite.Kind != evaluate.Zyte {
		t.Fatalf("suite %s with %d cases, want one zyte case", suite.Kind, len(suite.Cases))
	}
	c := suite.Cases[0]
	if c.ID != "ferry" || c.Date != "2021-04-02" || c.Meta[evaluate.FieldAuthor][0] != "Ann Lee" ||
		!strings.HasPrefix(c.Text, "The ferry runs") || len(c.Raw) == 0 {
		t.Errorf("case %+v", c)
	}
	links, err := linkPages(suite)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(links)
	if data, err := os.ReadFile(filepath.Join(links, "ferry.html")); err != nil || !strings.Contains(string(data), "ferry runs") {
		t.Errorf("linked page: %q %v", data, err)
	}
}

// TestReadabilityMissing checks that a machine without the pages skips
// the suite (errNoPages) instead of failing the comparison.
func TestReadabilityMissing(t *testing.T) {
	if _, err := loadSuite(readabilitySuite, "", filepath.Join(t.TempDir(), "nowhere")); !errors.Is(err, errNoPages) {
		t.Errorf("missing folder: %v, want errNoPages", err)
	}
	empty := t.TempDir()
	writePage(t, empty, "index", "<p>x</p>", "<p>x</p>", `{"readerable": false}`)
	if _, _, err := loadReadability(empty); !errors.Is(err, errNoPages) {
		t.Errorf("no usable page: %v, want errNoPages", err)
	}
}

func TestEscapeModPath(t *testing.T) {
	for in, want := range map[string]string{
		"codeberg.org/readeck/go-readability/v2": "codeberg.org/readeck/go-readability/v2",
		"github.com/PuerkitoBio/goquery":         "github.com/!puerkito!bio/goquery",
	} {
		if got := escapeModPath(in); got != want {
			t.Errorf("escapeModPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrintMetaMisses(t *testing.T) {
	c := &evaluate.Case{ID: "harbour", Date: "2020-05-06", Meta: map[string][]string{evaluate.FieldAuthor: {"Ann Lee"}}}
	var b strings.Builder
	printMetaMisses(&b, "x", []evaluate.PageResult{{Case: c, Got: evaluate.Extracted{Date: "2020-05-07", Author: "Ann Lee"}}}, 5)
	out := b.String()
	if !strings.Contains(out, `harbour: want "2020-05-06" got "2020-05-07"`) || strings.Contains(out, `want "Ann Lee"`) {
		t.Errorf("misses:\n%s", out)
	}
}
