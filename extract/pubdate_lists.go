package extract

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse/internal/dom"
)

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
