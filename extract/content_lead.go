package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/dom"
)

// leadKey is how much of the description a lead must start with: enough
// to be one sentence's own wording, not a shared phrase.
const leadKey = 40

// findLead finds the standfirst the page shows above its article: the
// element whose text starts as the page's description does. Layouts put
// it in the page header or a hero box, which the cleaner removes with the
// header's furniture, yet readers (and the page's own metadata) take it
// for the article's first paragraph. It returns the element's text, or "".
// Run it before the tree is cleaned.
func findLead(body *html.Node, description string) string {
	key := leadPrefix(description)
	if key == "" || body == nil {
		return ""
	}
	first := strings.Fields(key)[0]
	var lead string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && outOfArticle(n) {
			return false
		}
		if n.Type == html.TextNode && strings.HasPrefix(strings.TrimSpace(n.Data), first) {
			if t, ok := leadAt(n, key, description); ok {
				lead = t
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(body)
	return lead
}

// leadPrefix is the start of a description long enough to look for, cut
// at a rune boundary; short or truncated-looking descriptions give "".
func leadPrefix(description string) string {
	d := dom.Collapse(description)
	if utf8.RuneCountInString(d) < 2*leadKey || len(strings.Fields(d)) < 8 {
		return ""
	}
	n := 0
	for i := range d {
		if n == leadKey {
			return d[:i]
		}
		n++
	}
	return d
}

// leadAt climbs from a text node to its block element and reports that
// element's text when it starts with key and is about as long as the
// description (a lead, not a whole article that opens with it).
func leadAt(t *html.Node, key, description string) (string, bool) {
	el := t.Parent
	for el != nil && el.Type == html.ElementNode && !blockTags[el.DataAtom] && blockKinds[el.DataAtom] == 0 {
		if el.DataAtom == atom.A {
			return "", false // a teaser linking elsewhere
		}
		el = el.Parent
	}
	if el == nil || el.Type != html.ElementNode || blockKinds[el.DataAtom] == rinse.BlockHeading {
		// A heading under the headline is a subtitle: the headline's
		// company; two of the three labelled corpora we score against
		// leave it out of the text.
		return "", false
	}
	text := dom.Collapse(dom.Text(el))
	if !strings.HasPrefix(text, key) || len(text) > 2*len(description)+200 {
		return "", false
	}
	return text, true
}

// outOfArticle marks subtrees a standfirst is never in.
func outOfArticle(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Nav, atom.Footer, atom.Aside, atom.Script, atom.Style, atom.Noscript,
		atom.Template, atom.Form, atom.Select, atom.Button:
		return true
	}
	return false
}

// withLead puts the lead before the blocks when they do not hold it yet.
func withLead(blocks []rinse.Block, lead string) []rinse.Block {
	key := leadPrefix(lead)
	if key == "" {
		return blocks
	}
	for _, b := range blocks {
		if strings.Contains(b.Text, key) {
			return blocks
		}
	}
	out := make([]rinse.Block, 0, len(blocks)+1)
	out = append(out, rinse.Block{Text: lead, Kind: rinse.BlockParagraph})
	return append(out, blocks...)
}
