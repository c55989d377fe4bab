package metadata

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Where a date sits.
//
// Skip words in a class (pubSkip) mark sidebars and comments, but layout
// classes carry the same words ("with-sidebar-right", "sticky-sidebar-
// parent") on the containers of the whole page: those are told apart by
// their prefix, by being the page's <body> or <main>, or by holding the
// headline. A news dateline may also open the first paragraph, where the
// scan would otherwise pass it over as prose.

// layoutPrefixes start class names that describe the layout around an
// element ("with-sidebar-right", "has-comments"), not the element.
var layoutPrefixes = []string{"with-", "has-", "no-", "without-"}

// pageAtoms hold the whole page: their classes
// describe the page ("single-post comments-open"), never a side section.
var pageAtoms = map[atom.Atom]bool{atom.Html: true, atom.Body: true, atom.Main: true}

// skipsDates reports whether an element with the lower-case class, id
// and itemprop words cls holds dates of other things (see pubSkip).
func skipsDates(n *html.Node, cls string) bool {
	if pageAtoms[n.DataAtom] {
		return false
	}
	for _, tok := range strings.Fields(cls) {
		if hasAnyPrefix(tok, layoutPrefixes) {
			continue
		}
		if containsAny(tok, pubSkip) {
			return true
		}
	}
	return false
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
// needed: how many <article> elements there are (up to minTeasers) and
// the <h1> elements.
type pageLayout struct {
	articles  int
	headlines []*html.Node
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

// headed returns the ancestors of the <h1> elements, and the element
// following each: they hold the page's headline, byline and date.
func (l *pageLayout) headed() map[*html.Node]bool {
	out := map[*html.Node]bool{}
	for _, h1 := range l.headlines {
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
// Lists of other articles (most read, latest news, a category's teasers)
// date every item with the same element: <small class="teaser-date">
// over and over. The page's own date is set once. Candidates whose
// element kind recurs are demoted below any single dateline, whatever
// their container says; the skip words of pubSkip catch only lists
// that name themselves.

// Demotion of listed dates.
const (
	minListItems = 3 // dates set by the same kind of element this often are a list
	listPenalty  = 4 // outweighs a date mark or a publication word
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

// demoteLists lowers the score of candidates whose kind recurs.
func demoteLists(cands []pubCand) {
	count := map[string]int{}
	for _, c := range cands {
		if c.kind != "" {
			count[c.kind]++
		}
	}
	for i := range cands {
		if count[cands[i].kind] >= minListItems {
			cands[i].score -= listPenalty
		}
	}
}
