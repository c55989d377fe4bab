package dom

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text returns the raw text of a subtree: its text nodes in order, with a
// line break for each <br> (so <pre> keeps its lines).
func Text(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// Collapse trims s and turns every run of whitespace into one space.
func Collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Attr returns the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasWord reports whether w is a whole word of s, words being separated
// by anything but ASCII letters and digits: the class "entry-meta" has
// the word "meta", "metadata" has not.
func HasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if (start == 0 || !isAlnum(s[start-1])) && (end == len(s) || !isAlnum(s[end])) {
			return true
		}
		i = start + 1
	}
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

// inline are the elements IsInline accepts.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Span: true, atom.Strong: true, atom.B: true, atom.Em: true,
	atom.I: true, atom.Small: true, atom.Time: true, atom.Abbr: true, atom.Font: true,
}

// IsInline reports whether elements of kind a stand inside a line of
// text: a dateline or a byline may be split across them ("8.<a>Dezember
// 2010</a>"), and one between two pieces of a sentence is words of it.
func IsInline(a atom.Atom) bool { return inline[a] }
