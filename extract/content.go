package extract

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/dom"
)

// paragraphTags carry prose; their text scores their ancestors.
var paragraphTags = map[atom.Atom]bool{
	atom.P: true, atom.Pre: true, atom.Td: true, atom.Blockquote: true,
}

// notParagraphs never score as prose of their own: teaser lists are
// made of them.
var notParagraphs = map[atom.Atom]bool{atom.Li: true, atom.Dd: true, atom.Dt: true, atom.A: true}

// massGain is how much more mass an element must have than the
// scorer's choice to replace it.
const massGain = 2.5

// rivalShare is the least score, as a share of the top candidate's, of a
// runner-up elsewhere on the page that may replace the choice by mass.
const rivalShare = 0.6

// scorer finds the element that holds the main content.
type scorer struct {
	stats  map[*html.Node]nodeStat
	skip   map[*html.Node]bool
	scores map[*html.Node]float64
	order  []*html.Node // scored elements in document order, for stable ties
	// prose sums, per element, the text outside links of the paragraphs
	// inside it (nested paragraphs counted once).
	prose map[*html.Node]int
	steps int
	ctx   context.Context
	// main is the page's one <main> (or role=main) element, nil when it
	// has none or several: candidates outside it do not compete.
	main *html.Node
}

// addParagraphs credits every prose element's ancestors, readability-style.
func (s *scorer) addParagraphs(n *html.Node) error {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || s.skip[c] {
			continue
		}
		if s.steps++; s.steps&1023 == 0 && s.ctx.Err() != nil {
			return fmt.Errorf("scoring content: %w: %w", rinse.ErrTimeout, s.ctx.Err())
		}
		para := s.isParagraph(c)
		if para {
			s.credit(c)
		}
		if err := s.addParagraphs(c); err != nil {
			return err
		}
	}
	return nil
}

// isParagraph: a prose tag, or a div-like element with enough text of
// its own (text directly inside, not in child elements).
func (s *scorer) isParagraph(el *html.Node) bool {
	if paragraphTags[el.DataAtom] {
		return s.stats[el].text >= 25
	}
	if notParagraphs[el.DataAtom] {
		return false
	}
	own := 0
	for c := el.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			own += len(strings.TrimSpace(c.Data))
		}
	}
	return own >= 80
}

func (s *scorer) credit(el *html.Node) {
	st := s.stats[el]
	if st.density() > 0.5 {
		return
	}
	score := 1 + float64(min(st.commas, 10)) + float64(min(st.text/100, 3))
	div := 1.0
	for p, level := el.Parent, 0; p != nil && p.Type == html.ElementNode && level < 3; p, level = p.Parent, level+1 {
		if _, ok := s.scores[p]; !ok {
			s.scores[p] = classWeight(p) + tagWeight(p)
			s.order = append(s.order, p)
		}
		s.scores[p] += score / div
		div = float64(level+2) * 1.5
	}
}

// tagWeight is readability's prior for the kinds of element that wrap
// articles.
func tagWeight(el *html.Node) float64 {
	switch el.DataAtom {
	case atom.Article, atom.Main:
		return 10
	case atom.Div, atom.Section:
		return 5
	case atom.Pre, atom.Td, atom.Blockquote:
		return 3
	case atom.Ol, atom.Ul, atom.Dl, atom.Li, atom.Form, atom.Th:
		return -3
	}
	return 0
}

// best returns the top candidate, its score scaled by link density. With
// a main element, candidates outside it do not compete, unless none is
// inside.
func (s *scorer) best() (*html.Node, float64) {
	if s.main != nil {
		if top, sc := s.bestIn(s.main); top != nil {
			return top, sc
		}
	}
	return s.bestIn(nil)
}

// bestIn returns the top candidate within in (nil: anywhere).
func (s *scorer) bestIn(in *html.Node) (*html.Node, float64) {
	var top *html.Node
	var topScore float64
	for _, n := range s.order {
		if in != nil && !within(n, []*html.Node{in}) {
			continue
		}
		sc := s.scores[n] * (1 - s.stats[n].density())
		if top == nil || sc > topScore || sc == topScore && s.stats[n].text > s.stats[top].text {
			top, topScore = n, sc
		}
	}
	return top, topScore
}

// selection returns the elements that make up the article: the top
// candidate, lifted to its parent when the parent scores nearly as well,
// plus siblings that look like part of the same text.
func (s *scorer) selection(top *html.Node, topScore float64) []*html.Node {
	for p := top.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
		ps := s.scores[p] * (1 - s.stats[p].density())
		if ps < topScore*0.75 || s.stats[p].density() > 0.3 {
			break
		}
		top, topScore = p, max(ps, topScore)
	}
	if split := s.splitContent(top); split != nil {
		return split
	}
	parent := top.Parent
	if parent == nil {
		return []*html.Node{top}
	}
	threshold := max(10, topScore*0.2)
	var out []*html.Node
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c == top || c.Type == html.ElementNode && !s.skip[c] && s.siblingBelongs(c, threshold) {
			out = append(out, c)
		}
	}
	return out
}

func (s *scorer) siblingBelongs(c *html.Node, threshold float64) bool {
	st := s.stats[c]
	// Teaser rows score too, but their linked headlines give them away.
	if sc, ok := s.scores[c]; ok && sc*(1-st.density()) >= threshold && st.density() < 0.2 {
		return true
	}
	if c.DataAtom != atom.P && c.DataAtom != atom.Blockquote && c.DataAtom != atom.Pre {
		return false
	}
	return st.text >= 80 && st.density() < 0.25
}

// widen climbs from the selection's parent while an ancestor adds
// little but prose around it (a lead paragraph in a wrapper of its own):
// the furniture around articles is mostly links, and the cleaner took
// the rest. It returns nil when nothing around the selection qualifies.
func (s *scorer) widen(parent *html.Node, chosen []*html.Node) *html.Node {
	var in nodeStat
	for _, n := range chosen {
		in.text += s.stats[n].text
		in.link += s.stats[n].link
	}
	var wide *html.Node
	if s.main != nil && len(chosen) == 1 && chosen[0] == s.main {
		return nil
	}
	for p := parent; p != nil && p.Type == html.ElementNode && p.DataAtom != atom.Body; p = p.Parent {
		all := s.stats[p]
		extra, link := all.text-in.text, all.link-in.link
		if extra > 0 && (float64(link) > 0.2*float64(extra) || extra > 2*in.text) {
			break
		}
		wide = p
		if p == s.main {
			break // the page's main element bounds its article
		}
	}
	return wide
}

// splitContent finds articles cut into sibling content elements of one
// kind (CMS blocks such as <div class="outer"> each holding a heading and
// some paragraphs): from top, up to a few levels, the first ancestor with
// siblings of the same tag and class that hold prose gives the article
// as that ancestor and those siblings, in page order.
func (s *scorer) splitContent(top *html.Node) []*html.Node {
	x := top
	for level := 0; level < 6 && x.Parent != nil && x.DataAtom != atom.Body; level, x = level+1, x.Parent {
		class := dom.Attr(x, "class")
		if class == "" {
			continue
		}
		var out []*html.Node
		similar := 0
		for c := x.Parent.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c == x:
				out = append(out, c)
			case c.Type == html.ElementNode && !s.skip[c] && c.DataAtom == x.DataAtom && dom.Attr(c, "class") == class:
				if st := s.stats[c]; st.text >= 50 && st.density() < 0.25 {
					out = append(out, c)
					similar++
				}
			}
		}
		if similar > 0 {
			return out
		}
	}
	return nil
}

// mass rates an element as the article's container: its prose counts
// for it, any other text (menus, teasers, bylines) against it.
func (s *scorer) mass(n *html.Node) int { return 2*s.prose[n] - s.stats[n].text }

// minProseRun is the shortest run of inline text, in non-space bytes,
// that counts as prose rather than a label, a menu entry or a byline.
const minProseRun = 40

// addProse finds the runs of inline text in n's subtree (text between
// block boundaries, as a reader sees paragraphs and list items) and
// credits the long ones with few links to every ancestor, in s.prose.
// It returns the run still open at n's end, for n's parent to continue.
func (s *scorer) addProse(n *html.Node, inLink bool) (run nodeStat) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			st := measureText(c.Data)
			run.text += st
			if inLink {
				run.link += st
			}
		case c.Type != html.ElementNode || s.skip[c]:
		case blockTags[c.DataAtom] || blockKinds[c.DataAtom] != 0 || c.DataAtom == atom.Br || c.DataAtom == atom.Td || c.DataAtom == atom.Th:
			s.creditRun(n, run)
			run = nodeStat{}
			s.creditRun(c, s.addProse(c, inLink))
		default:
			sub := s.addProse(c, inLink || isLink(c))
			run.text += sub.text
			run.link += sub.link
		}
	}
	return run
}

func (s *scorer) creditRun(at *html.Node, run nodeStat) {
	if run.text < minProseRun || run.density() > 0.5 {
		return
	}
	for p := at; p != nil && p.Type == html.ElementNode; p = p.Parent {
		s.prose[p] += run.text - run.link
	}
}

// massive returns the ancestor of the chosen elements with the greatest
// mass when it outweighs them by far: articles cut into many small
// wrappers (a CMS block per paragraph, a lead in a box of its own), none
// of which scores well alone. Elsewhere only the scorer's close
// runners-up qualify (see rival): an element with more prose is as often
// a list of teasers with summaries.
func (s *scorer) massive(body *html.Node, chosen []*html.Node, topScore float64) *html.Node {
	s.creditRun(body, s.addProse(body, false))
	var best *html.Node
	bm := 0
	for p := chosen[0].Parent; p != nil && p != body && p.Type == html.ElementNode; p = p.Parent {
		if m := s.mass(p); m > bm {
			best, bm = p, m
		}
	}
	have := 0
	for _, n := range chosen {
		have += s.mass(n)
	}
	if best == nil || float64(bm) < massGain*float64(have) {
		best, _ = s.rival(chosen, topScore, have)
	}
	return best
}

// rival returns, among the scorer's close runners-up outside the chosen
// elements, one whose mass outweighs the choice by far: a short box of
// comma-rich prose (an "about us" blurb in the footer) can outscore an
// article of plain sentences, never outweigh it.
func (s *scorer) rival(chosen []*html.Node, topScore float64, have int) (*html.Node, int) {
	var best *html.Node
	bm := int(massGain * float64(have))
	for _, n := range s.order {
		sc := s.scores[n] * (1 - s.stats[n].density())
		if sc < rivalShare*topScore || within(n, chosen) || within(chosen[0], []*html.Node{n}) {
			continue
		}
		if m := s.mass(n); m > bm {
			best, bm = n, m
		}
	}
	return best, bm
}
