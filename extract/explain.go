package extract

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/extract/metadata"
	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/rules"
)

// The reasons the extractor gives the explain view (rinse inspect
// --explain). Hooks call these only when a trace is recording; nothing
// here runs on a normal extraction.

// rulesSource is the file that holds nodeRules: its trailing comments
// say why each rule exists, and its lines locate them. Reading them
// from the source keeps one copy of both.
//
//go:embed content_rules.go
var rulesSource string

// ruleDoc locates one nodeRules entry: its line in content_rules.go and
// its comment.
type ruleDoc struct {
	line    int
	comment string
}

// ruleDocs reads, for each entry of nodeRules in order, its line and
// comment from rulesSource; dropTagsLine and hiddenLine locate the
// table of dropped tags and the hidden test.
var ruleDocs = sync.OnceValues(func() ([]ruleDoc, [2]int) {
	var docs []ruleDoc
	var at [2]int
	in := false
	for i, l := range strings.Split(rulesSource, "\n") {
		switch {
		case strings.HasPrefix(l, "var nodeRules = "):
			in = true
		case strings.HasPrefix(l, "var dropTags = "):
			at[0] = i + 1
		case strings.HasPrefix(l, "func hidden("):
			at[1] = i + 1
		case in && l == "}":
			in = false
		case in && strings.HasPrefix(strings.TrimSpace(l), "{"):
			_, comment, _ := strings.Cut(l, "// ")
			docs = append(docs, ruleDoc{line: i + 1, comment: comment})
		}
	}
	return docs, at
})

const rulesFile = "extract/content_rules.go"

// furnitureReason names the node rule that marks el as page furniture.
func furnitureReason(el *html.Node) explain.Reason {
	r := matchRule(el)
	if r == nil {
		return explain.Reason{Class: explain.Furniture, Rule: "page furniture"}
	}
	i := 0
	for &nodeRules[i] != r {
		i++
	}
	docs, _ := ruleDocs()
	why := explain.Reason{Class: explain.Furniture, Rule: ruleName(r)}
	if i < len(docs) {
		why.Source = fmt.Sprintf("%s:%d", rulesFile, docs[i].line)
		why.Why = docs[i].comment
	}
	return why
}

// ruleName says what a node rule matches.
func ruleName(r *nodeRule) string {
	switch {
	case r.tag != "":
		return "<" + r.tag + ">"
	case r.role != "":
		return fmt.Sprintf("role=%q", r.role)
	case r.word != "":
		return fmt.Sprintf("class/id has the word %q", r.word)
	case r.sub != "":
		return fmt.Sprintf("class/id contains %q", r.sub)
	}
	return "aria-modal or position:fixed"
}

// leadReason is why keepLead skipped a child of el, an article header.
func leadReason(el *html.Node) explain.Reason {
	why := furnitureReason(el)
	why.Rule += ", keeping only its standfirst"
	why.Why = "in an article header only paragraphs of prose stay; headings, bylines and short lines go"
	return why
}

// stripReason is why stripTags removed el.
func stripReason(el *html.Node) explain.Reason {
	_, at := ruleDocs()
	if dropTags[el.DataAtom] {
		return explain.Reason{Class: explain.Tag, Rule: "<" + el.Data + ">",
			Source: fmt.Sprintf("%s:%d", rulesFile, at[0]), Why: "never holds main text: scripts, styles, media, form controls"}
	}
	return explain.Reason{Class: explain.Hidden, Rule: "hidden element",
		Source: fmt.Sprintf("%s:%d", rulesFile, at[1]), Why: "hidden, aria-hidden or display:none: the page does not show it"}
}

// dropReason is why a profile's i-th drop selector removed an element.
func dropReason(p *rules.Profile, i int) explain.Reason {
	why := explain.Reason{Class: explain.Profile, Rule: fmt.Sprintf("%s: drop %v", p.Name, p.Drop[i])}
	if i < len(p.DropSources) {
		why.Source = p.DropSources[i]
	}
	return why
}

var (
	linkRowReason = sync.OnceValue(func() explain.Reason {
		return explain.Reason{Class: explain.Links, Rule: "link row", Source: explain.SourceOf(dropLinkRows),
			Why: "a short paragraph or heading that is mostly a link: a teaser or a read-more row"}
	})
	fallbackReason = sync.OnceValue(func() explain.Reason {
		return explain.Reason{Class: explain.Links, Rule: "mostly links", Source: explain.SourceOf(fallback),
			Why: "the best candidate held too little, so the page's blocks were taken but those mostly links"}
	})
)

// explainFallback records that bestBlocks took the whole page's blocks.
func explainFallback(t *explain.Trace, body *html.Node, all, kept []rinse.Block) {
	t.Choose(explain.Choice{Top: body, Core: []*html.Node{body}, Fallback: true})
	t.Filter(all, kept, fallbackReason())
}

// explainNoContent says why mainContent found no content in blocks.
func explainNoContent(t *explain.Trace, blocks []rinse.Block) {
	if n := prose(blocks); n < minContent {
		t.Note(fmt.Sprintf("no document: the content held %d bytes of prose, under the %d a page needs (%s)", n, minContent, explain.SourceOf(mainContent)))
		return
	}
	t.Note(fmt.Sprintf("no document: the content reads as a listing of linked teasers and the metadata declares no article (%s)", explain.SourceOf(listing)))
}

// explainMeta records the values the page's markup offers for each
// field, in the order Fill trusts them, and the profile.
func explainMeta(t *explain.Trace, m *metadata.Meta, pageURL string, prof *rules.Profile) {
	for _, c := range m.Candidates() {
		t.Origin(c.Field, c.Value, c.From)
	}
	t.Origin("url", pageURL, "the page's address (--url, or the WARC record's)")
	if prof != nil {
		t.Origin("profile", prof.Name, "site profile "+prof.File)
		t.Origin("site", prof.Site, "site profile "+prof.Name+" (site:)")
	}
}

// explainAuthor records where an author the content gave came from.
func explainAuthor(t *explain.Trace, doc *rinse.Document, m *metadata.Meta) {
	t.Origin("author", metadata.TextAuthor(doc.Blocks), "credited in the article's text (a dateline or a signature)")
	t.Origin("author", m.SiteOwner(), "the person the site is named after")
}

// explainSelectors records the values a profile's field selectors find
// in body, before any pattern's: FromProfile takes them first.
func explainSelectors(t *explain.Trace, p *rules.Profile, body *html.Node) {
	for field, sel := range map[string]cascadia.Matcher{"title": p.Fields.Title, "author": p.Fields.Author,
		"tags": p.Fields.Tags, "categories": p.Fields.Categories} {
		if sel == nil {
			continue
		}
		from := fmt.Sprintf("profile %s field selector %v (%s)", p.Name, sel, p.FieldSources[field])
		for _, n := range cascadia.QueryAll(body, sel) {
			t.Origin(field, strings.TrimPrefix(dom.Collapse(dom.Text(n)), "#"), from)
		}
	}
}

// explainLifts returns the callback that records the values a profile's
// patterns lift from the whole page, or nil when t is.
func explainLifts(t *explain.Trace, p *rules.Profile) func(rules.Match) {
	if t == nil {
		return nil
	}
	return func(m rules.Match) {
		if m.Value != "" {
			t.Origin(string(m.Pattern.Action), m.Value, fmt.Sprintf("profile %s pattern %s over the whole page (%s)", p.Name, m.Pattern.Re, m.Pattern.Source))
		}
	}
}

// explainDoc records the extractor's document and, for a text dump, where
// its title and site came from.
func (e *Extractor) explainDoc(t *explain.Trace, doc *rinse.Document) {
	t.Extracted(doc)
	if doc.Kind != rinse.KindText {
		return
	}
	if len(doc.Blocks) > 0 {
		t.Origin("title", doc.Blocks[0].Text, "the text dump's first line")
	}
	t.Origin("url", doc.URL, "the page's address (--url)")
	if p := e.opts.Profiles.Get(doc.Profile); p != nil {
		t.Origin("profile", p.Name, "site profile "+p.File)
		t.Origin("site", p.Site, "site profile "+p.Name+" (site:)")
	}
}
