package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// kickerWords in a class or id mark the parts of a headline element that
// are not the headline: the kicker above it, a section label, text only
// screen readers get.
var kickerWords = []string{
	"kicker",          // "article-heading__kicker"
	"dachzeile",       // German kicker
	"roofline",        // same, translated
	"topline",         // same
	"overline",        // same
	"eyebrow",         // same, US newsrooms
	"label",           // "topic-label"
	"section",         // "entry-section" links to the section
	"category",        // category links in the heading
	"sub-heading",     // a heading's lead-in line
	"toptitle",        // "entry-title__toptitle"
	"top-title",       // same
	"supertitle",      // same
	"small",           // "h1small": a smaller line set above or below the headline
	"pretitle",        // same
	"pre-title",       // same
	"visually-hidden", // separators for screen readers
	"invisible",       // Drupal's "element-invisible", same
	"sr-only",         // same, Bootstrap
	"screen-reader",   // same, WordPress
}

// headingText is the text of a headline element without its kicker,
// section label and screen-reader-only parts.
func headingText(h *html.Node) string {
	h = soleChild(h)
	var b strings.Builder
	dropped := false
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isKicker(c) {
			dropped = true
			continue
		}
		b.WriteString(dom.Text(c))
		b.WriteByte(' ')
	}
	// What separated the kicker from the headline goes with it.
	t := strings.Trim(dom.Collapse(b.String()), ":|/–—-·•» ")
	if !dropped || t == "" {
		return dom.Collapse(dom.Text(h))
	}
	return t
}

// soleChild descends through elements that wrap a heading's whole text
// (<h1><span itemprop="headline">…</span></h1>), so the kicker inside the
// wrapper is found.
func soleChild(n *html.Node) *html.Node {
	for {
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			case c.Type == html.ElementNode && only == nil:
				only = c
			default:
				return n
			}
		}
		if only == nil || isKicker(only) {
			return n
		}
		n = only
	}
}

func isKicker(n *html.Node) bool {
	if n.DataAtom == atom.Small {
		return true // "<small>Unit of the week</small><br>Headline"
	}
	cls := strings.ToLower(dom.Attr(n, "class") + " " + dom.Attr(n, "id"))
	return cls != " " && containsAny(cls, kickerWords)
}
