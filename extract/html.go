package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/internal/dom"
)

// nodeStat holds what scoring needs of a subtree, computed bottom-up once.
type nodeStat struct {
	text   int // non-space bytes of text
	link   int // of which inside links
	commas int
}

func (s nodeStat) density() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.link) / float64(s.text)
}

// measure fills stats for n's subtree, leaving out skipped elements, and
// returns n's totals.
func measure(n *html.Node, inLink bool, stats map[*html.Node]nodeStat, skip map[*html.Node]bool) nodeStat {
	var s nodeStat
	switch n.Type {
	case html.TextNode:
		for i := 0; i < len(n.Data); i++ {
			switch c := n.Data[i]; c {
			case ' ', '\n', '\t', '\r', '\f':
			case ',':
				s.commas++
				s.text++
			default:
				s.text++
			}
		}
		if inLink {
			s.link = s.text
		}
		return s
	case html.ElementNode, html.DocumentNode:
	default:
		return s
	}
	inLink = inLink || isLink(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if skip[c] {
			continue
		}
		cs := measure(c, inLink, stats, skip)
		s.text += cs.text
		s.link += cs.link
		s.commas += cs.commas
	}
	stats[n] = s
	return s
}

// stripTags removes comments, hidden elements and the elements that never
// hold main text, telling t (when not nil) why.
func stripTags(n *html.Node, t *explain.Trace) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode, c.Type == html.DoctypeNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && (dropTags[c.DataAtom] || hidden(c)):
			if t != nil {
				t.Drop(c, stripReason(c))
			}
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			stripTags(c, t)
		}
		c = next
	}
}

// unwrapNoscript replaces every <noscript> element by its children.
func unwrapNoscript(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			unwrapNoscript(c)
			if c.DataAtom == atom.Noscript {
				for g := c.FirstChild; g != nil; g = c.FirstChild {
					c.RemoveChild(g)
					n.InsertBefore(g, c)
				}
				n.RemoveChild(c)
			}
		}
		c = next
	}
}

// cleaner marks page furniture by the rules in nodeRules. Marked
// elements are skipped rather than removed, so a fallback pass can still
// see the whole page when the rules took too much.
type cleaner struct {
	stats        map[*html.Node]nodeStat
	total        int // text of the whole body
	keepComments bool
	skip         map[*html.Node]bool
	// tookMost is set when a skipped element held most of the page.
	tookMost bool
	// comments are the comment sections kept with keepComments;
	// dropped the ones dropped without it.
	comments, dropped []*html.Node
	// keep holds the ancestors of the longest paragraph.
	keep map[*html.Node]bool
	// holdsHeading marks the ancestors of the main heading that hold
	// more than a page header (see keepHeading).
	holdsHeading map[*html.Node]bool
	// trace, when not nil, is told why each element is skipped.
	trace *explain.Trace
}

// keepLongest marks the ancestors of the longest prose paragraph of the
// page, so no class rule can take it.
func (c *cleaner) keepLongest(body *html.Node) {
	var best *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			if ch.DataAtom == atom.P || ch.DataAtom == atom.Pre || ch.DataAtom == atom.Blockquote {
				if s := c.stats[ch]; s.density() < 0.3 && (best == nil || s.text > c.stats[best].text) {
					best = ch
				}
				continue
			}
			walk(ch)
		}
	}
	walk(body)
	c.keep = map[*html.Node]bool{}
	if best == nil || c.stats[best].text < 150 {
		return
	}
	for p := best.Parent; p != nil; p = p.Parent {
		c.keep[p] = true
	}
}

func (c *cleaner) clean(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		if c.furniture(ch) {
			c.skip[ch] = true
			if c.trace != nil {
				c.trace.Drop(ch, furnitureReason(ch))
			}
			c.tookMost = c.tookMost || c.stats[ch].text*2 > c.total
		} else {
			c.clean(ch)
		}
	}
}

// protected elements are never dropped by class or tag hints.
var protected = map[atom.Atom]bool{atom.Html: true, atom.Body: true, atom.Main: true, atom.Article: true}

func (c *cleaner) furniture(el *html.Node) bool {
	if protected[el.DataAtom] {
		return false
	}
	r := matchRule(el)
	if r != nil && r.comments && c.wrapsPage(el) {
		// A wrapper of the whole page, or of the article's headline, is
		// not a comment section whatever its id says ("…/comments/5933/"
		// in an address); the comment list inside it still is.
		return false
	}
	if r != nil && r.comments && c.keepComments {
		c.comments = append(c.comments, el)
		return false
	}
	if r == nil {
		return false
	}
	s := c.stats[el]
	if r.comments {
		c.dropped = append(c.dropped, el)
		return true
	}
	if r.hard {
		return !c.wrapsPage(el)
	}
	if c.holdsHeading[el] && r.tag == "" && r.role == "" && !r.lead {
		// A class word ("author-admin", "authored-by-…" on a post's
		// wrapper) does not make furniture of the article under its
		// headline.
		return false
	}
	if r.tag == "" && !r.inText && midText(el) {
		// "The nature of my <a class="popup">avocations</a> for the
		// last thirty years": words of a sentence, whatever their class.
		return false
	}
	// The page's longest paragraph is article text: its ancestors are
	// content, whatever their classes say ("box article modal-enabled").
	if c.keep[el] {
		return false
	}
	if r.soft && s.text >= 150 && s.density() < 0.1 {
		return false
	}
	if r.lead && s.text >= minLead && s.density() < 0.5 && c.keepLead(el) {
		return false
	}
	// A wrapper that holds most of the page, or a long stretch of prose,
	// is content whatever its class says ("entry-content no-share",
	// "field--label-hidden", "post-wrap with-sidebar").
	if s.text*2 > c.total && s.density() < 0.5 || s.text >= 400 && s.text*5 > c.total && s.density() < 0.25 {
		return false
	}
	return true
}

// wrapsPage reports whether el holds the main heading or nearly all the
// page's text (wholePage of it).
func (c *cleaner) wrapsPage(el *html.Node) bool {
	return c.holdsHeading[el] || float64(c.stats[el].text) >= wholePage*float64(c.total)
}

// wholePage is the share of the page's text an element holds when it
// wraps the page.
const wholePage = 0.95

// minLead is the shortest standfirst, in non-space bytes, kept from an
// article header.
const minLead = 100

// keepLead skips everything in el but its paragraphs of prose (a
// standfirst between the headline and the byline), and reports whether
// it kept any.
func (c *cleaner) keepLead(el *html.Node) bool {
	kept := false
	for ch := el.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		s := c.stats[ch]
		switch {
		case s.text < minLead || s.density() >= 0.1 || blockKinds[ch.DataAtom] == rinse.BlockHeading:
			// Headings hold the headline and its subtitle, kept in the
			// metadata, not the text.
			c.skip[ch] = true
		case ch.DataAtom == atom.P || !hasBlockChild(ch):
			// Prose has words; a share address or a code does not.
			if kept = kept || wordCount(ch) >= 12; !kept {
				c.skip[ch] = true
			}
		case c.keepLead(ch):
			kept = true
		default:
			c.skip[ch] = true
		}
		if c.trace != nil && c.skip[ch] {
			c.trace.Drop(ch, leadReason(el))
		}
	}
	return kept
}

// wordCount counts the space-separated words of n's text.
func wordCount(n *html.Node) int {
	return len(strings.Fields(dom.Text(n)))
}

// findBody returns the <body> element, or the root when there is none.
func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil && b.DataAtom == atom.Body {
			return b
		}
	}
	if n.Type == html.DocumentNode {
		return n
	}
	return nil
}

// measureText counts the non-space bytes of s.
func measureText(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r', '\f':
		default:
			n++
		}
	}
	return n
}
