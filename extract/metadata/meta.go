package metadata

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// Meta is what the page says about itself, before any choice is made.
type Meta struct {
	props      map[string][]string // <meta property|name|itemprop> keyed lower-case
	title      string              // <title>
	h1         string              // first <h1>
	h2         string              // first <h2>, the headline of old layouts
	mainH1     string              // first <h1> marked as the article's headline
	headings   []string            // visible <h1>–<h3> texts in page order, up to maxHeadings
	headNodes  []*html.Node        // the elements of headings
	mainH1Node *html.Node          // the element of mainH1
	lang       string              // <html lang>
	canonical  string
	pageURL    string // the page's own address, when it states none (set by fillMeta)
	relAuthor  []string
	ccNames    []string // the creator named by a Creative Commons attribution
	relTags    []string
	itemAuthor []string            // itemprop="author" text
	relCats    []string            // rel="category" links
	dateline   string              // first short date-like text of a "date" element
	inArticle  int                 // depth of <article> elements around the walk
	inComments int                 // depth of comment sections around the walk
	inForeign  int                 // depth of teasers and image credits around the walk
	bylines    []string            // short texts of "byline"/"author" elements
	replyBy    string              // the name of a comment by the post's author (see postAuthor)
	copyright  string              // the holder the last copyright notice names (see copyrightHolder)
	time       string              // the best <time datetime> (scanPubDates)
	timeFirst  bool                // time ranks above the visible date texts
	shownFirst bool                // the best visible date is a dateline by the headline
	pubDates   []string            // visible date texts, best first (scanPubDates)
	stamps     map[string]bool     // those of pubDates that are <time datetime> values
	nearDates  map[string]bool     // those of pubDates that are written by the headline
	shownBy    []string            // visible "By …"/"Text: …" bylines (scanPubDates)
	nearBy     []string            // those of shownBy by the headline or the text's start
	microdata  map[string][]string // itemprop dates off <meta>, by field
	ld         ldInfo
	layout     pageLayout // what the date scan needs to know of the page
}

func (m *Meta) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range m.props[k] {
			if v = dom.Collapse(v); v != "" {
				return v
			}
		}
	}
	return ""
}

// Read walks the whole tree once, before it is cleaned, collecting
// metadata elements and JSON-LD.
func Read(root *html.Node) *Meta {
	m := &Meta{props: map[string][]string{}}
	var walk func(*html.Node)
	fragment := false // inside <noscript> markup, which is not in the tree
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && !fragment {
			m.layout.note(n)
		}
		if n.Type == html.TextNode && !fragment && len(n.Data) <= 2*maxBylineText &&
			(strings.Contains(n.Data, "©") || strings.Contains(n.Data, "(c)") || strings.Contains(n.Data, "opyright")) {
			// The last notice: the site's own follows the text, image
			// credits sit in it.
			m.copyright = copyrightHolder(n.Data)
		}
		if n.Type == html.ElementNode && m.element(n) {
			return
		}
		if n.DataAtom == atom.Noscript {
			// Script-rendered blogs repeat the post, byline and all, in
			// <noscript>, which parses as one text node: read it as markup.
			fragment = true
			for _, c := range noscriptMarkup(n) {
				walk(c)
			}
			fragment = false
			return
		}
		if n.DataAtom == atom.Article {
			m.inArticle++
			defer func() { m.inArticle-- }()
		}
		if n.Type == html.ElementNode && m.replyBy == "" && len(n.Attr) > 0 {
			m.replyBy = postAuthor(n)
		}
		if n.Type == html.ElementNode && isCommentSection(n) {
			// Names there are commenters', not the page's author.
			m.inComments++
			defer func() { m.inComments-- }()
		}
		if n.Type == html.ElementNode && isForeignBox(n) {
			// Names there sign other articles or credit an image.
			m.inForeign++
			defer func() { m.inForeign-- }()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	m.layout.mains = m.mainHeadings()
	f := scanPubDates(root, m.layout)
	m.pubDates, m.stamps, m.nearDates, m.shownBy, m.nearBy = f.dates, f.stamps, f.near, f.bylines, f.nearBy
	m.time, m.timeFirst, m.shownFirst = f.time, f.timeFirst, f.shownFirst
	if f.micro {
		m.microdata = selectorDates(root)
	}
	return m
}

// element records n and reports whether its subtree is done with.
func (m *Meta) element(n *html.Node) bool {
	if m.byline(n) {
		return true
	}
	switch n.DataAtom {
	case atom.Html:
		m.lang = dom.Attr(n, "lang")
		if m.lang == "" {
			m.lang = dom.Attr(n, "xml:lang")
		}
	case atom.Meta:
		key := dom.Attr(n, "property")
		if key == "" {
			key = dom.Attr(n, "name")
		}
		if key == "" {
			key = dom.Attr(n, "itemprop")
		}
		if key == "" {
			key = dom.Attr(n, "http-equiv")
		}
		if key != "" {
			k := strings.ToLower(strings.TrimSpace(key))
			m.props[k] = append(m.props[k], dom.Attr(n, "content"))
		}
	case atom.Title:
		if m.title == "" {
			m.title = dom.Collapse(dom.Text(n))
		}
		return true
	case atom.H1, atom.H2, atom.H3:
		m.heading(n)
	}
	switch n.DataAtom {
	case atom.H1:
		if m.h1 == "" {
			m.h1 = headingText(n)
		}
		if m.mainH1 == "" && m.isHeadline(n) {
			m.mainH1, m.mainH1Node = headingText(n), n
		}
	case atom.H2:
		if m.h2 == "" {
			m.h2 = dom.Collapse(dom.Text(n))
		}
	case atom.Link, atom.A:
		m.link(n)
	case atom.Script:
		if typ := strings.ToLower(dom.Attr(n, "type")); strings.Contains(typ, "ld+json") || typ == "" && looksLD(n) {
			m.ld.add(dom.Text(n))
		}
		return true
	}
	return false
}

// heading keeps the text of a visible heading outside comments, for
// matching metadata titles against (see matchTitle).
func (m *Meta) heading(n *html.Node) {
	if len(m.headings) >= maxHeadings || m.inComments > 0 {
		return
	}
	if t := headingText(n); t != "" && len(t) <= maxHeadingText {
		m.headings = append(m.headings, t)
		m.headNodes = append(m.headNodes, n)
	}
}

func (m *Meta) link(n *html.Node) {
	rels := strings.Fields(strings.ToLower(dom.Attr(n, "rel")))
	for _, rel := range rels {
		switch {
		case rel == "canonical" && n.DataAtom == atom.Link && m.canonical == "":
			m.canonical = strings.TrimSpace(dom.Attr(n, "href"))
		case rel == "cc:attributionurl" && n.DataAtom == atom.A:
			if t := dom.Collapse(dom.Text(n)); t != "" && len(t) <= maxBylineText {
				m.ccNames = append(m.ccNames, t)
			}
		case rel == "author" && n.DataAtom == atom.A && m.inForeign == 0 && !hiddenInline(n):
			if t := dom.Collapse(dom.Text(n)); t != "" {
				m.relAuthor = append(m.relAuthor, t)
			}
		case rel == "category" && n.DataAtom == atom.A:
			// WordPress writes rel="category tag" on category links.
			if t := dom.Collapse(dom.Text(n)); t != "" {
				m.relCats = append(m.relCats, t)
			}
			return
		}
	}
	if n.DataAtom != atom.A {
		return
	}
	href := dom.Attr(n, "href")
	switch {
	case slices.Contains(rels, "tag"),
		m.inArticle > 0 && (strings.Contains(href, "/tag/") || strings.Contains(href, "/tags/")):
		if t := strings.TrimPrefix(dom.Collapse(dom.Text(n)), "#"); t != "" && len(t) < 60 {
			m.relTags = append(m.relTags, t)
		}
	case m.inArticle > 0 && strings.Contains(href, "/category/"):
		if t := dom.Collapse(dom.Text(n)); t != "" && len(t) < 60 {
			m.relCats = append(m.relCats, t)
		}
	}
}

// ArticleBody is the article's text as its JSON-LD gives it
// (articleBody), for pages that render their text by script; "" when it
// gives none.
func (m *Meta) ArticleBody() string { return m.ld.body }

// IsArticle reports whether the page declares itself a single article.
func (m *Meta) IsArticle() bool {
	t := strings.ToLower(m.first("og:type"))
	return t == "article" || m.ld.rank >= 3 || m.first("article:published_time") != ""
}

// looksLD reports whether an untyped <script> holds JSON-LD: some sites
// leave out the type attribute.
func looksLD(n *html.Node) bool {
	c := n.FirstChild
	if c == nil || c.Type != html.TextNode {
		return false
	}
	t := strings.TrimSpace(c.Data)
	return strings.HasPrefix(t, "{") && strings.Contains(t[:min(len(t), 200)], "schema.org")
}

// isHeadline reports whether the <h1> n is marked as an article's
// headline: inside <article>, or named so by its class or itemprop.
// Other h1 elements are often the site's logo or a section name.
func (m *Meta) isHeadline(n *html.Node) bool {
	if m.inArticle > 0 {
		return true
	}
	cls := strings.ToLower(dom.Attr(n, "class") + " " + dom.Attr(n, "id") + " " + dom.Attr(n, "itemprop"))
	return containsAny(cls, headlineMarks)
}

// headlineMarks in an h1's class, id or itemprop name the article's
// headline.
var headlineMarks = []string{
	"headline",    // itemprop="headline", "article-headline"
	"entry-title", // WordPress
	"post-title",  // blog themes
	"article",     // "article-title", "article__heading"
	"story",       // "story-title"
}

// mainHeadings are the elements that may be the page's headline, most
// likely first: the visible heading the metadata titles match best (see
// matchTitle), the other headings they match, the first <h1> marked as
// the article's. The date scan chooses among them by where the text
// begins (see placement.finish).
func (m *Meta) mainHeadings() []*html.Node {
	titles := []string{m.first("og:title"), m.ld.headline, m.first("twitter:title"), m.title}
	site := m.first("og:site_name")
	var out []*html.Node
	if _, at, _, ok := matchTitle(titles, m.headings, site, ""); ok {
		out = append(out, m.headNodes[at])
	}
	for _, i := range titleHeadings(titles, m.headings, site, "") {
		if !slices.Contains(out, m.headNodes[i]) {
			out = append(out, m.headNodes[i])
		}
	}
	if m.mainH1Node != nil && !slices.Contains(out, m.mainH1Node) {
		out = append(out, m.mainH1Node)
	}
	return out
}
