package explain

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse"
)

// parseBody parses markup and returns its <body>.
func parseBody(t *testing.T, markup string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(markup))
	if err != nil {
		t.Fatal(err)
	}
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.DataAtom == atom.Body {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if b := find(c); b != nil {
				return b
			}
		}
		return nil
	}
	return find(root)
}

func TestAlign(t *testing.T) {
	p := func(s string) rinse.Block { return rinse.Block{Kind: rinse.BlockParagraph, Text: s} }
	tr := func(s string) rinse.Block { return rinse.Block{Kind: rinse.BlockTableRow, Text: s} }
	for _, tc := range []struct {
		name   string
		markup string
		blocks []rinse.Block
		// want lists each unit as its text, then its nodes' texts
		// joined with "/"; "-" for a unit without nodes.
		want []string
	}{
		{"inline markup", `<p>Hello <b>world</b></p>`, []rinse.Block{p("Hello world")},
			[]string{"Hello world=Hello /world"}},
		{"image between blocks", `<p>One</p><img alt=" Site  logo "><p>Two</p>`, []rinse.Block{p("One"), p("Two")},
			[]string{"One=One", "[image] Site logo=[image] Site logo", "Two=Two"}},
		{"image without alt is no unit", `<p>One</p><img src=x.png>`, []rinse.Block{p("One")},
			[]string{"One=One"}},
		{"table row separators", `<table><tr><td>A</td><td>B</td></tr></table>`, []rinse.Block{tr("A | B")},
			[]string{"A | B=A/B"}},
		{"text the page does not hold", `<p>One</p>`, []rinse.Block{p("Restored lead"), p("One")},
			[]string{"Restored lead=-", "One=One"}},
		{"row after its cells' own blocks", `<table><tr><td><p>Cell</p></td><td>B</td></tr></table>`,
			[]rinse.Block{p("Cell"), tr("B")}, []string{"Cell=Cell", "B=B"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, u := range align(parseBody(t, tc.markup), tc.blocks) {
				var nodes []string
				for _, n := range u.nodes {
					nodes = append(nodes, nodeText(n))
				}
				s := strings.Join(nodes, "/")
				if u.nodes == nil {
					s = "-"
				}
				got = append(got, u.block.Text+"="+s)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("units\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestTextKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"A | B", "A B"},
		{"Hello,  World", "hello world"},
		{" | ", "|"},
	} {
		if textKey(tc.a) != textKey(tc.b) {
			t.Errorf("textKey(%q) = %q, textKey(%q) = %q: want equal", tc.a, textKey(tc.a), tc.b, textKey(tc.b))
		}
	}
	if textKey("|") == textKey("") || textKey("|") == textKey("·") {
		t.Error("texts without letters collide")
	}
}
