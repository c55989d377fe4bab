package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// mainHeading returns the heading that names the page: the first h1, h2
// or h3 whose text is the title the metadata chose (case and spacing
// aside), or nil. Skipped elements are not searched.
func mainHeading(body *html.Node, title string, skip map[*html.Node]bool) *html.Node {
	title = dom.Collapse(title)
	if title == "" || body == nil {
		return nil
	}
	var found *html.Node
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skip[c] {
				continue
			}
			switch c.DataAtom {
			case atom.H1, atom.H2, atom.H3:
				if strings.EqualFold(dom.Collapse(dom.Text(c)), title) {
					found = c
					return true
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(body)
	return found
}

// keepHeading protects the article under the main heading from class
// rules: every ancestor of the heading that holds more than a page header
// would (the heading, a byline, a date: headingShare of the text and
// minContent besides) is marked in holdsHeading.
func (c *cleaner) keepHeading(body *html.Node, title string) {
	h := mainHeading(body, title, nil)
	if h == nil {
		return
	}
	c.holdsHeading = map[*html.Node]bool{}
	own := c.stats[h].text
	for p := h.Parent; p != nil; p = p.Parent {
		if c.stats[p].text >= headingShare*own+minContent {
			c.holdsHeading[p] = true
		}
	}
}

// headingShare: an ancestor of the main heading holding headingShare
// times its text (and minContent more) holds more than a header.
const headingShare = 3

// mainElement returns the page's main element: its only <main>, or else
// its only element with role=main; nil when it has none or several.
func mainElement(body *html.Node, skip map[*html.Node]bool) *html.Node {
	var mains, roles []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skip[c] {
				continue
			}
			if c.DataAtom == atom.Main {
				mains = append(mains, c)
			} else if dom.Attr(c, "role") == "main" {
				roles = append(roles, c)
			}
			walk(c)
		}
	}
	walk(body)
	switch {
	case len(mains) == 1:
		return mains[0]
	case len(mains) == 0 && len(roles) == 1:
		return roles[0]
	}
	return nil
}
