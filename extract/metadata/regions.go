package metadata

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Regions of a page whose names are not the article's author: comment
// sections (commenters), sliders and related lists (other articles'
// writers), licence boxes and captions (photographers).

// isCommentSection reports whether n holds comments or the comment form.
func isCommentSection(n *html.Node) bool {
	if n.DataAtom == atom.Form || n.DataAtom == atom.Label {
		return true
	}
	return attrContains(n, commentMarks)
}

// commentMarks in a class or id mark comment sections and reply forms.
var commentMarks = []string{"comment", "respond", "reply"}

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
	return attrHasWord(n, foreignMarks)
}

// attrHasWord reports whether n's class or id holds one of words
// (lower-case) as a whole word (see hasWord): "license-info" has
// "license". It runs on every element: lower-case values are not copied.
func attrHasWord(n *html.Node, words []string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			if hasAnyWord(strings.ToLower(a.Val), words) {
				return true
			}
		}
	}
	return false
}

// hasAnyWord reports whether one of words is a whole word of s.
func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if dom.HasWord(s, w) {
			return true
		}
	}
	return false
}

// attrContains reports whether n's class or id contains one of marks
// (lower-case) anywhere, as in "author-info__card".
func attrContains(n *html.Node, marks []string) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		if containsAny(strings.ToLower(a.Val), marks) { // no copy when already lower-case
			return true
		}
	}
	return false
}

// foreignMarks, as a part of a class or id ("license-info",
// "slider-teaser__author"), mark lists of other articles and the licences
// of images. Credits and captions are not among them: pages call their
// own byline "article__credits" and put the headline and byline in a
// hero image's "caption".
var foreignMarks = []string{"slider", "swiper", "carousel", "related", "license", "licence"}

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
