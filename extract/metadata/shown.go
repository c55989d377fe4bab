package metadata

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Author names the markup shows, collected by the metadata walk: elements
// marked as bylines or authors, itemprop="author", and the same inside
// <noscript> when a page renders its post by script.

// byline records author names shown on the page: itemprop="author"
// elements and short elements whose class or id says byline or author.
func (m *Meta) byline(n *html.Node) bool {
	if n.DataAtom == atom.Meta || n.DataAtom == atom.Link || n.DataAtom == atom.Script || m.inComments > 0 {
		return false
	}
	if strings.Contains(dom.Attr(n, "itemprop"), "author") {
		if t := dom.Collapse(dom.Text(n)); t != "" && len(t) <= 120 {
			m.itemAuthor = append(m.itemAuthor, t)
			return true
		}
		return false
	}
	if len(n.Attr) == 0 {
		return false // most elements: no class or id to read
	}
	cls := strings.ToLower(dom.Attr(n, "class") + " " + dom.Attr(n, "id"))
	if m.dateline == "" && (dom.HasWord(cls, "date") || strings.Contains(cls, "dateline") || strings.Contains(cls, "published") || dom.HasWord(cls, "time")) {
		if t := dom.Collapse(spacedText(n)); len(t) >= 6 && len(t) <= 60 && strings.ContainsAny(t, "0123456789") {
			m.dateline = t
		}
	}
	if !strings.Contains(cls, "byline") && !dom.HasWord(cls, "author") && !strings.Contains(cls, "author-name") && !strings.Contains(cls, "authorname") {
		return false
	}
	if m.inForeign > 0 || hasAnyWord(cls, foreignMarks) {
		return false // "license-author": an image's credit
	}
	if t := dom.Collapse(bylineText(n)); t != "" && (len(t) <= maxBylineText || longByline(t)) {
		m.bylines = append(m.bylines, t)
		return true
	}
	return false
}

// maxBylineBox bounds the text of an element marked as a byline that
// opens with a byline word: four names and a team fit ("Posted by A, B,
// C and D - Example Safety team"); longer is an author's biography.
const maxBylineBox = 120

// longByline reports whether t, longer than most bylines, is one: it
// opens with a byline word, fits maxBylineBox and yields names. Else the
// walk goes on into the element, whose parts may hold the byline alone.
func longByline(t string) bool {
	return len(t) <= maxBylineBox && hasBylineStart(strings.ToLower(t)) && len(cleanAuthors([]string{t}, true)) > 0
}

// bylineText is the text of a subtree with its text nodes kept apart: a
// byline's name, date and link sit in elements of their own
// ("<span>Anna Muster</span><span>vor 5 Stunden</span>") that textOf
// would glue together.
func bylineText(n *html.Node) string {
	return joinedText(n, func(last, next byte) bool { return true })
}

// hiddenInline reports whether n is hidden by its own style attribute:
// an invisible rel="author" link ("Google" on Blogger) shows no byline.
func hiddenInline(n *html.Node) bool {
	st := strings.ReplaceAll(strings.ToLower(dom.Attr(n, "style")), " ", "")
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// noscriptMarkup parses the markup inside a <noscript> element when it
// may name the author; other <noscript> elements (tracking pixels,
// style fixes) are not worth parsing.
func noscriptMarkup(n *html.Node) []*html.Node {
	c := n.FirstChild
	if c == nil || c.Type != html.TextNode || !strings.Contains(c.Data, "<") ||
		!strings.Contains(c.Data, "author") && !strings.Contains(c.Data, "byline") {
		return nil
	}
	nodes, err := html.ParseFragment(strings.NewReader(c.Data), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return nil
	}
	return nodes
}
