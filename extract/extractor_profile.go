package extract

import (
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/rules"
)

// applyProfile removes the profile's drop selectors from body and fills
// empty fields from its field selectors and field patterns. Patterns run
// over the whole page here, because bylines and category rows usually
// sit outside the main content; the Boilerplate transform runs them again
// over the content to drop what they match.
func applyProfile(doc *rinse.Document, p *rules.Profile, body *html.Node) {
	for _, sel := range p.Drop {
		for _, n := range cascadia.QueryAll(body, sel) {
			if n.Parent != nil {
				n.Parent.RemoveChild(n)
			}
		}
	}
	f := p.Fields
	setIfEmpty(&doc.Title, selectText(body, f.Title))
	setIfEmpty(&doc.Author, strings.Join(cleanAuthors(selectAll(body, f.Author), true), "; "))
	if d := selectText(body, f.Date); d != "" {
		doc.DateHints = append(doc.DateHints, rinse.DateHint{Value: d, Field: "published", Origin: "text"})
	}
	doc.Tags = appendUnique(doc.Tags, trimHashes(selectAll(body, f.Tags))...)
	doc.Categories = appendUnique(doc.Categories, selectAll(body, f.Categories)...)
	if p.Patterns.Len() == 0 {
		return
	}
	var l rules.Lifted
	p.Patterns.Apply(collectBlocks(true, nil, body), &l)
	setIfEmpty(&doc.Title, l.Title)
	setIfEmpty(&doc.Author, l.Author)
	doc.Categories = appendUnique(doc.Categories, l.Categories...)
	doc.Tags = appendUnique(doc.Tags, l.Tags...)
	doc.DateHints = append(doc.DateHints, l.Dates...)
}

func setIfEmpty(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func selectAll(root *html.Node, m cascadia.Matcher) []string {
	if m == nil {
		return nil
	}
	var out []string
	for _, n := range cascadia.QueryAll(root, m) {
		if t := dom.Collapse(dom.Text(n)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func selectText(root *html.Node, m cascadia.Matcher) string {
	if all := selectAll(root, m); len(all) > 0 {
		return all[0]
	}
	return ""
}

func trimHashes(vs []string) []string {
	for i, v := range vs {
		vs[i] = strings.TrimPrefix(v, "#")
	}
	return vs
}
