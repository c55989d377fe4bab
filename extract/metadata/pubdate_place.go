package metadata

import (
	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Where a date sits relative to the headline and the text.
//
// The page's own dateline sits by its headline (above or under it, in
// the header the headline shares with its kicker, byline and lead) or
// between the headline and the text, whatever its container is called.
// The scan counts the bytes of text before each candidate and notes
// where the headline (Meta.mainHeading) and each of its ancestors start
// and end: the article's header is the largest ancestor holding little
// text besides the headline. It also finds the main text: the element
// whose child blocks hold the most prose. Candidates in the header,
// between headline and text, right under the text inside its element
// (an article's footer, not the sidebar beside it) or (on pages without
// a headline) just before it gain nearBonus; those in aside boxes (see placeOf)
// count only there. A masthead's clock a few lines above the headline
// is outside the header: it shares only the page's wrapper with it.

// Sizes, in bytes of text, that make a date near.
const (
	maxHeader  = 500  // the text of a header besides its headline
	nearBefore = 200  // before the text's first prose, on pages without a headline
	nearAfter  = 200  // after the text's last prose: "Published on …" under the article
	maxLead    = 1000 // the longest run between headline and text that is all near
	nearBonus  = 5    // a dateline by the headline: as much as a publication word
	minProse   = 100  // a text node this long is prose
	minBody    = 400  // the main text holds this much prose at least
)

// placement follows the scan through the page.
type placement struct {
	heads              []*html.Node // the elements that may be the headline, most likely first
	head               *html.Node   // the headline among them, after finish; nil when none
	pos                int          // bytes of text walked so far
	headStart, headEnd int          // where the headline's text lies, -1 when unseen
	// spans holds where the text of the heads and their ancestors lies;
	// header is the article's header, after finish.
	spans  map[*html.Node]*[2]int
	header [2]int
	boxes  map[*html.Node]*proseBox
	body   *proseBox  // the main text, after finish; nil when none
	bodyEl *html.Node // the element holding it
}

// proseBox is the prose of an element's child blocks: how much, where
// its first prose text starts and where its last ends.
type proseBox struct{ chars, first, end int }

func (p *placement) init(heads []*html.Node) {
	p.heads, p.headStart, p.headEnd = heads, -1, -1
	p.header = [2]int{-1, -1}
	p.boxes = map[*html.Node]*proseBox{}
	p.spans = map[*html.Node]*[2]int{}
	for _, h := range heads {
		for a := h; a != nil && p.spans[a] == nil; a = a.Parent {
			p.spans[a] = &[2]int{-1, -1}
		}
	}
}

// enter and leave note where the heads and their ancestors lie when the
// walk passes them.
func (p *placement) enter(n *html.Node) {
	if sp := p.spans[n]; sp != nil {
		sp[0] = p.pos
	}
}

func (p *placement) leave(n *html.Node) {
	if sp := p.spans[n]; sp != nil {
		sp[1] = p.pos
	}
}

// text moves past a text node n of size bytes (trimmed), crediting its
// prose to the element holding its block.
func (p *placement) text(n *html.Node, size int, aside bool) {
	if size >= minProse && !aside {
		if box := proseHolder(n); box != nil {
			b := p.boxes[box]
			if b == nil {
				b = &proseBox{first: p.pos}
				p.boxes[box] = b
			}
			b.chars += size
			b.end = p.pos + size
		}
	}
	p.pos += size
}

// proseHolder is the parent of the block around the text node n.
func proseHolder(n *html.Node) *html.Node {
	block := n.Parent
	for block != nil && dom.IsInline(block.DataAtom) && block.Parent != nil {
		block = block.Parent
	}
	if block == nil {
		return nil
	}
	return block.Parent
}

// finish chooses the main text, the headline and its header once the
// walk is done. The headline is the most likely head, unless another
// stands closer above the text: a blog's name in the <h1> matches its
// titles as well as the post's headline does.
func (p *placement) finish() {
	for el, b := range p.boxes {
		if b.chars >= minBody && (p.body == nil || b.chars > p.body.chars || b.chars == p.body.chars && b.first < p.body.first) {
			p.body, p.bodyEl = b, el
		}
	}
	for _, h := range p.heads {
		sp := p.spans[h]
		if sp[0] < 0 || sp[1] < 0 {
			continue // never walked: in a skipped box
		}
		if p.head == nil || p.body != nil && sp[1] <= p.body.first && sp[0] > p.headStart {
			p.head, p.headStart, p.headEnd = h, sp[0], sp[1]
		}
	}
	if p.head == nil {
		return
	}
	own := p.headEnd - p.headStart
	for a := p.head; a != nil && !pageAtoms[a.DataAtom]; a = a.Parent {
		sp := p.spans[a]
		if sp[0] < 0 || sp[1] < 0 || sp[1]-sp[0]-own > maxHeader {
			break
		}
		p.header = *sp
	}
}

// near reports whether the candidate c lies by the headline, where the
// main text begins, or right under it inside the text's element.
func (p *placement) near(c pubCand) bool {
	pos := c.pos
	if p.head != nil && within(c.el, p.head) {
		return false // a year in the headline itself: no dateline
	}
	if p.headStart >= 0 {
		if pos >= p.header[0] && pos <= p.header[1] {
			return true
		}
		if p.body != nil && p.body.first > p.headEnd && p.body.first-p.headEnd <= maxLead &&
			pos >= p.headEnd && pos <= p.body.first {
			return true
		}
	}
	if p.body == nil {
		return false
	}
	if pos >= p.body.end && pos <= p.body.end+nearAfter && within(c.el, p.bodyEl) {
		return true
	}
	return p.headStart < 0 && pos >= p.body.first-nearBefore && pos <= p.body.first
}

// inHeader reports whether c lies in the headline's header, or between
// the headline and the text.
func (p *placement) inHeader(c pubCand) bool {
	if p.head == nil || within(c.el, p.head) {
		return false
	}
	if c.pos >= p.header[0] && c.pos <= p.header[1] {
		return true
	}
	return p.body != nil && p.body.first > p.headEnd && p.body.first-p.headEnd <= maxLead && c.pos >= p.headEnd && c.pos <= p.body.first
}

// score lowers the candidates in lists, raises the others near the
// headline, and drops those of aside boxes that are not near or are
// listed. An element kind that recurs elsewhere does not make a list of
// a date by the headline: pages style their own dateline as their
// teasers'.
func (p *placement) score(cands []pubCand) []pubCand {
	out := cands[:0]
	for _, c := range cands {
		near := p.near(c)
		c.listed = c.listed || c.recurs && !near
		c.near = near && !c.listed
		switch {
		case c.aside && (!near || c.listed):
			continue
		case c.listed:
			c.score -= listPenalty
		case near:
			c.score += nearBonus
		}
		out = append(out, c)
	}
	return out
}

// within reports whether n is box or inside it.
func within(n, box *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == box {
			return true
		}
	}
	return false
}
