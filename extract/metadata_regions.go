package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Regions of a page whose names are not the article's author: comment
// sections (commenters), sliders and related lists (other articles'
// writers), licence boxes and captions (photographers).

// isCommentSection reports whether n holds comments or the comment form.
func isCommentSection(n *html.Node) bool {
	if n.DataAtom == atom.Form || n.DataAtom == atom.Label {
		return true
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(cls, "comment") || strings.Contains(cls, "respond") || strings.Contains(cls, "reply")
}

// isForeignBox reports whether n lists or slides other articles, whose
// bylines ("slider-teaser__author") sign those articles, or credits an
// image ("license-info", <figcaption>).
func isForeignBox(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Figcaption:
		return true
	case atom.Html, atom.Body, atom.Article, atom.Main:
		return false // their classes list the page's features ("has-slider")
	}
	return hasClassWord(attr(n, "class")+" "+attr(n, "id"), foreignMarks)
}

// foreignMarks, as a part of a class or id ("license-info",
// "slider-teaser__author"), mark lists of other articles and the licences
// of images. Credits and captions are not among them: pages call their
// own byline "article__credits" and put the headline and byline in a
// hero image's "caption".
var foreignMarks = map[string]bool{
	"slider": true, "swiper": true, "carousel": true, "related": true,
	"license": true, "licence": true,
}

// hasClassWord reports whether a part of a class or id in cls, split at
// anything but letters and digits, is one of words (lower-case).
func hasClassWord(cls string, words map[string]bool) bool {
	for _, w := range strings.FieldsFunc(cls, func(r rune) bool { return !isAlnum(byte(r)) || r > 127 }) {
		if words[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// inForeignBox reports whether an ancestor of n lists other articles or
// credits an image (see isForeignBox).
func inForeignBox(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && isForeignBox(p) {
			return true
		}
	}
	return false
}
