package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Inline elements inside sentences. Class-based furniture rules and link
// density are written for blocks; a link or span standing between two
// pieces of a sentence is words of that sentence, whatever its class.

// isLink reports whether n counts as a link for the link density that
// tells navigation from prose: any <a> but a script link in the middle
// of a sentence, which opens a note on its words rather than a page
// ("The nature of my <a href="javascript:void(0)">avocations</a> for").
func isLink(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	href := strings.TrimSpace(dom.Attr(n, "href"))
	script := len(href) >= len("javascript:") && strings.EqualFold(href[:len("javascript:")], "javascript:")
	return !script || !midText(n)
}

// midText reports whether the inline element el stands between two
// pieces of text in its parent, as a word or phrase of a sentence.
func midText(el *html.Node) bool {
	if !dom.IsInline(el.DataAtom) {
		return false
	}
	return textSibling(el, func(n *html.Node) *html.Node { return n.PrevSibling }) &&
		textSibling(el, func(n *html.Node) *html.Node { return n.NextSibling })
}

// textSibling reports whether the first sibling of el in direction next
// that is not blank is a text node with words.
func textSibling(el *html.Node, next func(*html.Node) *html.Node) bool {
	for sib := next(el); sib != nil; sib = next(sib) {
		if sib.Type == html.CommentNode {
			continue
		}
		if sib.Type != html.TextNode {
			return false
		}
		if t := strings.TrimSpace(sib.Data); t != "" {
			return strings.IndexFunc(t, unicode.IsLetter) >= 0
		}
	}
	return false
}
