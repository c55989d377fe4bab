package extract

import (
	"strings"

	"golang.org/x/net/html"
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
	"visually-hidden", // separators for screen readers
	"sr-only",         // same, Bootstrap
	"screen-reader",   // same, WordPress
}

// headingText is the text of a headline element without its kicker,
// section label and screen-reader-only parts.
func headingText(h *html.Node) string {
	var b strings.Builder
	dropped := false
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isKicker(c) {
			dropped = true
			continue
		}
		b.WriteString(textOf(c))
		b.WriteByte(' ')
	}
	// What separated the kicker from the headline goes with it.
	t := strings.Trim(collapse(b.String()), ":|/–—-·•» ")
	if !dropped || t == "" {
		return collapse(textOf(h))
	}
	return t
}

func isKicker(n *html.Node) bool {
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return cls != " " && containsAny(cls, kickerWords)
}
