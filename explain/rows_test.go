package explain

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

// summary writes a row as "fate kind: text [rules]", removed text in
// [-…-].
func summary(r row) string {
	var b strings.Builder
	switch {
	case r.Gone:
		b.WriteString("removed ")
	case len(r.Reasons) > 0:
		b.WriteString("partial ")
	default:
		b.WriteString("kept ")
	}
	b.WriteString(r.Kind + ": ")
	for _, s := range r.Segments {
		if s.Why != nil {
			b.WriteString("[-" + s.Text + "-]")
		} else {
			b.WriteString(s.Text)
		}
	}
	for _, why := range r.Reasons {
		b.WriteString(" {" + why.Rule + "}")
	}
	return b.String()
}

func paras(texts ...string) []rinse.Block {
	var out []rinse.Block
	for _, s := range texts {
		out = append(out, rinse.Block{Kind: rinse.BlockParagraph, Text: s})
	}
	return out
}

// find returns the first element with the given id under n.
func find(n *html.Node, id string) *html.Node {
	for _, a := range n.Attr {
		if a.Key == "id" && a.Val == id {
			return n
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, id); f != nil {
			return f
		}
	}
	return nil
}

func TestRowsLineEachRecordUpWithThePage(t *testing.T) {
	body := parseBody(t, `<nav id=nav><p>Home</p></nav><p>Share me</p><p>Body text. #One</p>`+
		`<p>Explore more</p><p>Footer</p>`)
	tr := New()
	tr.Original(body, paras("Home", "Share me", "Body text. #One", "Explore more", "Footer"))
	tr.Drop(find(body, "nav"), Reason{Class: Furniture, Rule: "<nav>"})
	tr.Filter(paras("Share me", "Body text. #One", "Explore more", "Footer"),
		paras("Body text. #One", "Explore more", "Footer"), Reason{Class: Links, Rule: "link row"})
	tr.Extracted(&rinse.Document{Blocks: paras("Body text. #One", "Explore more", "Footer")})
	tr.Edit(Edit{Text: "Body text. #One", Start: 10, End: 15, Kept: true, Rest: "Body text.", Why: Reason{Class: Pattern, Rule: "tags"}})
	tr.Edit(Edit{Text: "Explore more", End: 7, After: true, Why: Reason{Class: Pattern, Rule: "drop-after"}})
	var got []string
	for _, r := range tr.rows() {
		got = append(got, summary(r))
	}
	want := []string{
		"removed p: [-Home-] {<nav>}",
		"removed p: [-Share me-] {link row}",
		"partial p: Body text. [-#One-] {tags}",
		"removed p: [-Explore more-] {drop-after}",
		"removed p: [-Footer-] {after drop-after}",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

func TestRowsSayWhatLiesOutsideTheChosenContent(t *testing.T) {
	body := parseBody(t, `<div id=side><p>Side note</p></div><div id=main><p>Main text</p></div><p>Stray</p>`)
	tr := New()
	tr.Original(body, paras("Side note", "Main text", "Stray"))
	main := find(body, "main")
	tr.Choose(Choice{Top: main, Score: 12.5, Core: []*html.Node{main}})
	tr.Extracted(&rinse.Document{Blocks: paras("Main text", "Lead from the description")})
	rows := tr.rows()
	if len(rows) != 4 {
		t.Fatalf("rows = %d, want 4: %+v", len(rows), rows)
	}
	side := rows[0]
	if !side.Gone || side.Reasons[0].Class != Content || !strings.Contains(side.Reasons[0].Why, "scored 12.5") ||
		!strings.Contains(side.Reasons[0].Why, `<div id="main">`) {
		t.Errorf("side row = %+v, want outside the main content with the score", side)
	}
	if rows[1].Gone || len(rows[1].Reasons) != 0 {
		t.Errorf("main row = %+v, want kept", rows[1])
	}
	if rows[3].Added == "" || rows[3].Gone {
		t.Errorf("the lead no unit holds = %+v, want an added row", rows[3])
	}
}

func TestRowsWithoutDocumentSayThePageFailed(t *testing.T) {
	body := parseBody(t, `<p>Only text</p>`)
	tr := New()
	tr.Original(body, paras("Only text"))
	rows := tr.rows()
	if len(rows) != 1 || !rows[0].Gone || rows[0].Reasons[0].Rule != "no document" {
		t.Errorf("rows = %+v", rows)
	}
}

func TestApplyCuts(t *testing.T) {
	why := Reason{Rule: "cut"}
	for _, tc := range []struct {
		name string
		segs []segment
		cut  string
		want string
	}{
		{"middle", []segment{{"a #b c", nil}}, "#b", "a [-#b-] c"},
		{"spaces collapsed", []segment{{"a #b #c", nil}}, " #b\n #c", "a [-#b #c-]"},
		{"only kept text", []segment{{"x", &why}, {" x", nil}}, "x", "[-x-] [-x-]"},
		{"not held: shown after", []segment{{"abc", nil}}, "zzz", "abc[- zzz-]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := row{Segments: applyCuts(tc.segs, []cut{{tc.cut, why}})}
			got := strings.TrimPrefix(summary(r), "kept : ")
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSqueeze(t *testing.T) {
	for in, want := range map[string]string{
		"a  b": "a b", " a\n\tb ": " a b ", "\n\n": " ", "": "",
	} {
		if got := squeeze(in); got != want {
			t.Errorf("squeeze(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClipShortensOnlyDroppedTags(t *testing.T) {
	long := strings.Repeat("é", maxTagText)
	tag := clip(row{Gone: true, Reasons: []Reason{{Class: Tag}}, Segments: []segment{{long, &Reason{Class: Tag}}}})
	if s := tag.Segments[0].Text; len(s) > maxTagText+len(" …") || !strings.HasSuffix(s, " …") || !strings.HasPrefix(s, "é") {
		t.Errorf("clipped tag text = %q", s)
	}
	kept := clip(row{Segments: []segment{{long, nil}}})
	if kept.Segments[0].Text != long {
		t.Error("clip shortened a kept row")
	}
}

func TestRowsSayTheHeadlineIsTheTitle(t *testing.T) {
	body := parseBody(t, `<h1>The Headline</h1><div id=main><p>Main text</p></div>`)
	tr := New()
	tr.Original(body, paras("The Headline", "Main text"))
	main := find(body, "main")
	tr.Choose(Choice{Top: main, Score: 3, Core: []*html.Node{main}})
	tr.Extracted(&rinse.Document{Title: "The headline", Blocks: paras("Main text")})
	r := tr.rows()[0]
	if !r.Gone || r.Reasons[0].Class != Content || !strings.HasSuffix(r.Reasons[0].Why, "the title field holds this text") {
		t.Errorf("headline row = %+v", r)
	}
}
