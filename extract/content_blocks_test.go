package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse/internal/dom"
)

func byID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode && dom.Attr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := byID(c, id); f != nil {
			return f
		}
	}
	return nil
}

// TestBlocksAroundLayoutTables: a widened selection whose core sits in
// a layout table's cell, or holds a table, keeps the core's blocks.
func TestBlocksAroundLayoutTables(t *testing.T) {
	const markup = `<body><div id="wide">
<p>A lead paragraph that stands above the layout table and reads as prose for any reader of the whole page.</p>
<table><tr><td><a href="/">Home</a> <a href="/news">News</a></td>
<td><div id="core"><p>The council met on Tuesday and approved the plan after a long debate.</p>
<table><tr><td>Item</td><td>Cost</td></tr><tr><td>Bridge</td><td>2 million</td></tr></table>
<p>Work starts in May.</p></div></td></tr></table>
<p>About the author: a bio that follows the article and is not part of it.</p></div></body>`
	body := parseBody(t, markup)
	var got []string
	for _, b := range blocksAround(nil, byID(body, "wide"), []*html.Node{byID(body, "core")}) {
		got = append(got, b.Text)
	}
	want := []string{
		"A lead paragraph that stands above the layout table and reads as prose for any reader of the whole page.",
		"The council met on Tuesday and approved the plan after a long debate.",
		"Item | Cost", "Bridge | 2 million", "Work starts in May.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks\n%q\nwant\n%q", got, want)
	}
}
