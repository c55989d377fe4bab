package metadata

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Where a date sits.
//
// Some boxes hold only dates of other things than the page: comments,
// lists of other articles, embedded posts, consent banners (pubAway
// words, foreign boxes). Others usually do (sidebars, teasers, widgets:
// pubAside words, <aside>), but pages reuse those styles around their
// own dateline ("teaser-small__metadata" after the headline): dates
// there count only near the headline (see placement). Layout classes
// carry the same words ("with-sidebar-right", "sticky-sidebar-parent")
// on the containers of the whole page: those are told apart by their
// prefix, by being the page's <body> or <main>, or by holding the
// headline. A news dateline may also open the first paragraph, where
// the scan would otherwise pass it over as prose.

// layoutPrefixes start class names that describe the layout around an
// element ("with-sidebar-right", "has-comments"), not the element.
var layoutPrefixes = []string{"with-", "has-", "no-", "without-"}

// pageAtoms hold the whole page: their classes
// describe the page ("single-post comments-open"), never a side section.
var pageAtoms = map[atom.Atom]bool{atom.Html: true, atom.Body: true, atom.Main: true}

// region is what a box says of the dates inside it.
type region uint8

const (
	regionPage  region = iota // the page's own, or anything
	regionAside               // most likely other things', unless by the headline
	regionAway                // never the page's
)

// placeOf classifies the element n with the lower-case class, id and
// itemprop words cls; ctx is the score its ancestors give a date (an
// article's footer holds its date, the page's footer copyright years).
func placeOf(n *html.Node, cls string, ctx int) region {
	switch {
	case pageAtoms[n.DataAtom]:
		return regionPage
	case n.DataAtom == atom.Footer && ctx < 2, n.DataAtom == atom.Figcaption:
		return regionAway
	case cls == "":
		if n.DataAtom == atom.Aside {
			return regionAside
		}
		return regionPage
	case hasAnyWord(cls, foreignMarks): // see isForeignBox
		return regionAway
	}
	out := regionPage
	if n.DataAtom == atom.Aside {
		out = regionAside
	}
	if !containsAny(cls, pubAway) && !containsAny(cls, pubAside) {
		return out // most elements: no word to split the class for
	}
	for _, tok := range strings.Fields(cls) {
		if hasAnyPrefix(tok, layoutPrefixes) {
			continue
		}
		if containsAny(tok, pubAway) {
			return regionAway
		}
		if containsAny(tok, pubAside) {
			out = regionAside
		}
	}
	return out
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// markByline marks the element right after the headline h1, which holds
// the article's byline and date whatever its class says
// ("teaser-small__metadata" on a page that reuses its teaser styles).
func markByline(h1 *html.Node, out map[*html.Node]bool) {
	for sib := h1.NextSibling; sib != nil; sib = sib.NextSibling {
		if sib.Type == html.ElementNode {
			out[sib] = true
			return
		}
	}
}

// pageLayout is what the date scan needs to know of the whole page,
// noted by the metadata walk (Read) so that no walk of its own is
// needed: how many <article> elements there are (up to minTeasers),
// the <h1> elements and the headings that may be the headline (see
// Meta.mainHeadings).
type pageLayout struct {
	articles  int
	headlines []*html.Node
	mains     []*html.Node
}

// mainHeadings are the elements that may be the page's headline, most
// likely first: mains, else the first <h1>.
func (l *pageLayout) mainHeadings() []*html.Node {
	if len(l.mains) == 0 && len(l.headlines) > 0 {
		return l.headlines[:1]
	}
	return l.mains
}

// note records n, an element of the page.
func (l *pageLayout) note(n *html.Node) {
	switch n.DataAtom {
	case atom.Article:
		l.articles = min(l.articles+1, minTeasers)
	case atom.H1:
		l.headlines = append(l.headlines, n)
	}
}

// headed returns the ancestors of the <h1> elements and of the heading
// the metadata titles match best, and the element following each: they
// hold the page's headline, byline and date.
func (l *pageLayout) headed() map[*html.Node]bool {
	out := map[*html.Node]bool{}
	heads := l.headlines
	if len(l.mains) > 0 {
		heads = append(heads[:len(heads):len(heads)], l.mains[0]) // the headline the titles match best
	}
	for _, h1 := range heads {
		for a := h1.Parent; a != nil && !out[a]; a = a.Parent {
			out[a] = true
		}
		markByline(h1, out)
	}
	return out
}

// dashes end a news dateline at the start of a paragraph ("27.1.2022 -
// Bei der Erinnerung …", "BERLIN, 3. Mai 2021 – Die …").
var dashes = []string{" - ", " – ", " — "}

// leadDateline returns the dateline that opens a paragraph, or "".
func leadDateline(t string) string {
	head := t[:min(len(t), maxDatelineText+3)]
	for _, d := range dashes {
		i := strings.Index(head, d)
		if i <= 0 || !hasYear(t[:i]) || digitRuns(t[:i]) < 2 || strings.Contains(t[i-3:i], ":") {
			continue // no date before the dash, or a time range "9:00 - 12:00"
		}
		return t[:i]
	}
	return ""
}

// Dates in lists.
//
// Lists of other articles (most read, latest news, a category's teasers,
// archives) and comment threads date every item: the items are sibling
// elements of one tag and class, each holding a date. The page's own
// date is set once. A candidate inside such an item is demoted below any
// single dateline, whatever the list's container says or does not say;
// the same element kind dating many things (<small class="teaser-date">
// over and over, wherever the items sit) counts as a list too.

// Demotion of listed dates.
const (
	minListItems = 3 // this many dated items, or dates in one kind of element, make a list
	listPenalty  = 4 // outweighs a date mark or a publication word
	listDepth    = 6 // how far up from a date its list item may be
)

// elementKind is el's tag and class, "" for elements without a class:
// bare tags recur everywhere and say nothing.
func elementKind(el *html.Node) string {
	if el == nil || el.Type != html.ElementNode {
		return ""
	}
	cls := strings.Join(strings.Fields(dom.Attr(el, "class")), " ")
	if cls == "" {
		return ""
	}
	return el.Data + "." + cls
}

// markLists sets listed on candidates that sit in a list item, and
// recurs on those whose element kind recurs outside aside boxes. An
// element holding one of heads (see placement.heads) is the article,
// never an item of a list.
func markLists(cands []pubCand, heads map[*html.Node]*[2]int) {
	count := map[string]int{}
	holders := map[*html.Node]bool{}
	for _, c := range cands {
		if c.kind != "" && !c.aside {
			count[c.kind]++
		}
		for a, i := c.el, 0; a != nil && i <= listDepth; a, i = a.Parent, i+1 {
			holders[a] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		c.listed = inDatedList(c.el, holders, heads)
		c.recurs = count[c.kind] >= minListItems
	}
}

// inDatedList reports whether an ancestor of el (el included, up to
// listDepth and below any element in heads) has minListItems-1 siblings
// of its tag and class that hold dates too.
func inDatedList(el *html.Node, holders map[*html.Node]bool, heads map[*html.Node]*[2]int) bool {
	for a, i := el, 0; a != nil && a.Parent != nil && i < listDepth; a, i = a.Parent, i+1 {
		if a.Type != html.ElementNode || pageAtoms[a.DataAtom] || heads[a] != nil {
			return false
		}
		cls := dom.Attr(a, "class")
		items := 1
		for _, sibs := range [2]func(*html.Node) *html.Node{
			func(n *html.Node) *html.Node { return n.PrevSibling },
			func(n *html.Node) *html.Node { return n.NextSibling },
		} {
			for s := sibs(a); s != nil && items < minListItems; s = sibs(s) {
				if s.Type == html.ElementNode && s.DataAtom == a.DataAtom && s.Data == a.Data && holders[s] && dom.Attr(s, "class") == cls {
					items++
				}
			}
		}
		if items >= minListItems {
			return true
		}
	}
	return false
}
