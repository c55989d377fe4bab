package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Structured markup outside <meta>.
//
// Microdata puts dates on visible elements (<span itemprop="datePublished"
// content="…">, <time itemprop="dateModified">); readMeta only reads
// <meta> itemprops. One goquery pass over the parsed tree with a group
// selector collects them; each element then goes to the first rule it
// matches.

// selRule maps a CSS selector to a metadata field.
type selRule struct {
	sel   string
	field string // "published" or "updated"
	m     cascadia.Selector
}

// selRules are the selector rules, most trusted first.
var selRules = []selRule{
	{sel: `[itemprop~="datePublished"]`, field: "published"},                          // schema.org microdata
	{sel: `[itemprop~="dateCreated"]`, field: "published"},                            // same, older markup
	{sel: `[itemprop~="dateModified"]`, field: "updated"},                             // the update, kept apart
	{sel: `[property~="dc:date"], [property~="dcterms:created"]`, field: "published"}, // RDFa
}

// selGroup matches any rule; compiled once.
var selGroup = compileSelRules()

func compileSelRules() cascadia.Selector {
	var all []string
	for i := range selRules {
		selRules[i].m = cascadia.MustCompile(selRules[i].sel)
		all = append(all, selRules[i].sel)
	}
	return cascadia.MustCompile(strings.Join(all, ", "))
}

// selectorDates returns the microdata dates by field, in page order.
// <meta> elements are left to readMeta.
func selectorDates(root *html.Node) map[string][]string {
	out := map[string][]string{}
	goquery.NewDocumentFromNode(root).FindMatcher(selGroup).Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		if n.Data == "meta" {
			return
		}
		v := first([]string{dom.Attr(n, "content"), dom.Attr(n, "datetime")})
		if v == "" {
			if v = dom.Collapse(s.Text()); len(v) > maxPubText {
				return
			}
		}
		for _, r := range selRules {
			if r.m.Match(n) {
				out[r.field] = append(out[r.field], v)
				return
			}
		}
	})
	return out
}
