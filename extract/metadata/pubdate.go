package metadata

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/internal/lexicon"
)

// Visible publication dates.
//
// Many pages state their date only in the text ("Veröffentlicht am 3.
// August 2015", a <span class="date">, a <time> without a readable
// datetime). scanPubDates walks the tree once and keeps short texts that
// hold a plausible year, scored by how strongly the page marks them as
// the publication date; parsing is left to the dates transform (package transform/dates).

// Limits of the scan.
const (
	maxPubText  = 120 // longer texts are prose, not datelines
	maxPubCands = 3   // candidates handed on, best first
	minTeasers  = 2   // this many <article> elements are teasers, not the page
	// maxDatelineText bounds a text that is mostly a date ("Stand:
	// 03.08.2015 10:12 Uhr").
	maxDatelineText = 40
	// maxDatelineWords bounds the words of a dateline ("Posted on March
	// 3, 2020 at 5:00 pm by Jane Smith"); more make a sentence.
	maxDatelineWords = 8
)

type pubCand struct {
	text   string
	score  int
	order  int
	kind   string     // the element's tag and class, see markLists
	el     *html.Node // the element the date sits in
	pos    int        // the bytes of text before it in the page
	aside  bool       // inside a box whose class names a sidebar or teaser
	listed bool       // in an item of a dated list, see markLists
	recurs bool       // its element kind dates many things, see markLists
	near   bool       // by the headline or the text's start, not listed
	time   bool       // a <time datetime> value
}

type pubScan struct {
	cands   []pubCand
	upd     []pubCand // update statements
	seen    map[*html.Node]bool
	bylines []string // visible bylines, see byline.go
	// bylineAt holds where each of bylines lies: its text node and the
	// bytes of text before it.
	bylineAt []pubCand
	// headerNames are names beside a date (see datedName) and news
	// agencies named alone, kept as bylines when they lie in the
	// headline's header.
	headerNames []pubCand
	micro       bool // an element outside <head> has a date itemprop/property
	// headed holds the ancestors of <h1> elements and the element after
	// each (see pageLayout.headed): they hold the page's headline, so a
	// skip word in their class is layout ("sticky-sidebar-parent"),
	// never a sidebar or a comment.
	headed map[*html.Node]bool
	// articles counts <article> elements up to minTeasers.
	articles int
	place    placement // where the headline and the text sit
}

// pubFound is what scanPubDates finds.
type pubFound struct {
	dates []string // visible date texts, best first, then the best update statement
	// time is the best <time datetime> value; timeFirst is set unless a
	// date text lies near the headline and time does not.
	time      string
	timeFirst bool
	stamps    map[string]bool // the dates that are <time datetime> values, not visible text
	near      map[string]bool // the dates that are written text by the headline (see placement)
	// shownFirst is set when the best date lies near the headline (see
	// placement): a dateline the page shows its readers.
	shownFirst bool
	bylines    []string // visible bylines, in page order
	nearBy     []string // those of bylines by the headline or the text's start (see placement)
	micro      bool     // the page has microdata dates (see selectorDates)
}

// scanPubDates returns the best visible date texts, best first, then
// the best update statement (see isUpdateText); the best <time
// datetime> value; the visible bylines in page order; and whether the
// page has microdata dates (so that the selector pass is only run when
// it can find any).
func scanPubDates(root *html.Node, layout pageLayout) pubFound {
	s := &pubScan{seen: map[*html.Node]bool{}, articles: layout.articles, headed: layout.headed()}
	s.place.init(layout.mainHeadings())
	s.walk(root, 0, false)
	s.place.finish()
	markLists(s.cands, s.place.spans)
	s.cands = s.place.score(s.cands)
	s.upd = s.place.score(s.upd)
	f := pubFound{bylines: s.bylines, micro: s.micro}
	for i, at := range s.bylineAt {
		if s.place.near(at) {
			f.nearBy = append(f.nearBy, s.bylines[i])
		}
	}
	for _, c := range s.headerNames {
		if s.place.inHeader(c) {
			f.bylines = append(f.bylines, c.text)
			f.nearBy = append(f.nearBy, c.text)
		}
	}
	f.dates = bestTexts(nil, s.cands, maxPubCands)
	f.dates = bestTexts(f.dates, s.upd, len(f.dates)+1)
	f.stamps, f.near = map[string]bool{}, map[string]bool{}
	for _, c := range s.cands { // best first: the best placed of equal texts decides
		if _, seen := f.stamps[c.text]; seen || !slices.Contains(f.dates, c.text) {
			continue
		}
		f.stamps[c.text] = c.time
		f.near[c.text] = c.near && !c.time
	}
	f.shownFirst = len(s.cands) > 0 && s.cands[0].near
	textNear := false
	for _, c := range s.cands { // best first
		if c.time {
			f.time, f.timeFirst = c.text, c.near || !textNear
			break
		}
		textNear = textNear || c.near
	}
	return f
}

// bestTexts sorts cands best first and appends their best distinct
// texts to out until it holds max.
func bestTexts(out []string, cands []pubCand, max int) []string {
	slices.SortStableFunc(cands, func(a, b pubCand) int { return b.score - a.score })
	for _, c := range cands {
		if len(out) >= max {
			break
		}
		if !slices.Contains(out, c.text) {
			out = append(out, c.text)
		}
	}
	return out
}

// walk visits n with ctx, the score its ancestors give a date inside;
// aside is set inside a box whose class names a sidebar or a teaser.
func (s *pubScan) walk(n *html.Node, ctx int, aside bool) {
	switch n.Type {
	case html.TextNode:
		s.place.text(n, s.text(n, ctx, aside), aside)
		return
	case html.ElementNode:
		if pubSkipAtoms[n.DataAtom] {
			return
		}
		cls := classIDProp(n)
		if !s.headed[n] {
			switch placeOf(n, cls, ctx) {
			case regionAway:
				return
			case regionAside:
				aside = true
			}
		}
		s.place.enter(n)
		ctx = s.elementScore(n, cls, ctx, aside)
		if !s.micro {
			s.micro = hasDateProp(n)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c, ctx, aside)
	}
	s.place.leave(n)
}

// classIDProp is n's class, id and itemprop, lower-case, or "" without
// them (most elements: no string is built for those).
func classIDProp(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" || a.Key == "itemprop" {
			return strings.ToLower(dom.Attr(n, "class") + " " + dom.Attr(n, "id") + " " + dom.Attr(n, "itemprop"))
		}
	}
	return ""
}

func (s *pubScan) elementScore(n *html.Node, cls string, ctx int, aside bool) int {
	switch {
	case n.DataAtom == atom.Article && s.articles >= minTeasers:
		// Many <article> elements are teasers, each with its date.
	case n.DataAtom == atom.Article || n.DataAtom == atom.Main || isArticleItem(n):
		ctx += 2
	case n.DataAtom == atom.Header:
		ctx++
	case n.DataAtom == atom.Time:
		if v := dom.Attr(n, "datetime"); v != "" && hasYear(v) {
			score := ctx + 4
			if _, ok := attrOK(n, "pubdate"); ok || strings.Contains(cls, "publish") {
				score += 3
			}
			s.cands = append(s.cands, s.cand(v, score, n, aside))
			s.cands[len(s.cands)-1].time = true
		}
	}
	if strings.Contains(cls, "datepublished") {
		ctx += 5
	}
	if containsAny(cls, pubMarks) {
		ctx += 3
	}
	return ctx
}

// text considers one text node and returns the length of its trimmed
// text.
func (s *pubScan) text(n *html.Node, ctx int, aside bool) int {
	t := strings.TrimSpace(n.Data)
	size := len(t)
	if len(t) > maxPubText {
		if d := leadDateline(t); d != "" {
			s.add(d, ctx, n.Parent, aside)
		}
		return size
	}
	if t == "" {
		return size
	}
	if !hasYear(t) {
		if !aside {
			s.byline(n, t)
			if lexicon.IsAgency(t) {
				s.headerNames = append(s.headerNames, s.cand(t, 0, n.Parent, false)) // "<p class="credit">JIJI</p>"
			}
		}
		return size
	}
	if rest := afterLeadingDate(t); rest != "" && !aside {
		s.byline(n, rest) // "12.03.2021 09:15 von Anna": the date, then the byline
	}
	if !aside {
		s.datedByline(n, t)
		if name := datedName(t); name != "" {
			s.headerNames = append(s.headerNames, s.cand(name, 0, n.Parent, false))
		}
	}
	if digitRuns(t) < 2 {
		// "Dezember 2010" alone: the day sits in a sibling ("8.<a>…").
		if t = s.blockText(n); t == "" {
			return size
		}
	}
	low := strings.ToLower(t)
	if containsAny(low, notPubWords) {
		return size
	}
	if containsAny(low, updWords) {
		s.upd = append(s.upd, s.cand(dom.Collapse(t), ctx, n.Parent, aside))
		return size
	}
	score := ctx
	if containsAny(low, pubWords) {
		score += 4
	}
	if digitRuns(t) >= 3 && len(t) <= maxDatelineText {
		score++ // a full numeric date, not a year in a title
	}
	if letterWords(t) > maxDatelineWords {
		score -= 2 // a sentence that mentions a day: news, not a dateline
	}
	s.add(dom.Collapse(t), score, n.Parent, aside)
	return size
}

// blockText is the text of the nearest non-inline ancestor of n when it
// is short and not yet taken, else "".
func (s *pubScan) blockText(n *html.Node) string {
	block := n.Parent
	for block != nil && dom.IsInline(block.DataAtom) && block.Parent != nil {
		block = block.Parent
	}
	if block == nil || s.seen[block] {
		return ""
	}
	s.seen[block] = true
	if bt := dom.Collapse(spacedText(block)); len(bt) <= maxPubText {
		return bt
	}
	return ""
}

func (s *pubScan) add(t string, score int, el *html.Node, aside bool) {
	s.cands = append(s.cands, s.cand(t, score, el, aside))
}

// addByline records the byline name of text node n.
func (s *pubScan) addByline(n *html.Node, name string) {
	s.bylines = append(s.bylines, name)
	s.bylineAt = append(s.bylineAt, pubCand{el: n.Parent, pos: s.place.pos})
}

// cand is a candidate date t of element el, placed where the walk is.
func (s *pubScan) cand(t string, score int, el *html.Node, aside bool) pubCand {
	return pubCand{text: t, score: score, order: len(s.cands), kind: elementKind(el), el: el, pos: s.place.pos, aside: aside}
}

// isArticleItem reports whether n is a schema.org article in microdata:
// layouts without <article> mark the article so.
func isArticleItem(n *html.Node) bool {
	t := strings.ToLower(dom.Attr(n, "itemtype"))
	return strings.Contains(t, "schema.org/") && (strings.HasSuffix(t, "article") || strings.HasSuffix(t, "posting"))
}

// hasDateProp reports whether n carries a microdata or RDFa date.
func hasDateProp(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "itemprop" || a.Key == "property") && strings.Contains(strings.ToLower(a.Val), "date") {
			return true
		}
	}
	return false
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
