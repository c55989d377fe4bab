package dom

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHasWord(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want bool
	}{
		{"entry-meta", "meta", true},
		{"metadata", "meta", false},
		{"post meta_box", "meta", true},
		{"comment2 comment", "comment", true},
		{"comments", "comment", false},
		{"", "x", false},
	} {
		if got := HasWord(c.s, c.w); got != c.want {
			t.Errorf("HasWord(%q, %q) = %v", c.s, c.w, got)
		}
	}
}

func TestTextAndAttr(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<p id="x" class="lead">One <b>two</b><br>three</p>`))
	if err != nil {
		t.Fatal(err)
	}
	var p *html.Node
	for n := range root.Descendants() {
		if n.DataAtom == atom.P {
			p = n
		}
	}
	if got := Text(p); got != "One two\nthree" {
		t.Errorf("Text = %q", got)
	}
	if Collapse(Text(p)) != "One two three" || Attr(p, "class") != "lead" || Attr(p, "title") != "" {
		t.Error("Collapse or Attr disagree")
	}
	if !IsInline(atom.Span) || IsInline(atom.Div) {
		t.Error("IsInline disagrees")
	}
}
