package metadata

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/rules"
)

// Fill sets doc's metadata fields (URL, site, title, description,
// author, categories, tags, date hints, language, region) from what the
// page in declares and shows.
func (m *Meta) Fill(doc *rinse.Document, in *rinse.Page) {
	doc.URL = first([]string{resolve(in.URL, m.canonical), resolve(in.URL, m.first("og:url")), in.URL})
	doc.Site = rinse.Host(doc.URL)
	doc.SiteName = first([]string{m.first("og:site_name"), m.ld.publisher, m.first("application-name")})
	metaTitles := []string{m.first("og:title"), m.ld.headline, m.first("twitter:title"), m.title}
	raw := first(append(metaTitles, m.h1))
	doc.Title = cleanTitle(raw, doc.SiteName, doc.Site, first([]string{m.h1, m.h2}))
	if h := m.mainH1; len(strings.Fields(h)) >= 4 && len(h) <= 250 && !isSiteName(h, doc.SiteName, doc.Site) {
		// The article's own headline, as readers see it, over the
		// SEO wording of metadata titles.
		doc.Title = tidyTitle(h)
	}
	// A metadata title the page shows as a heading: the heading's
	// wording, without what the title adds around it.
	doc.Title = tidyTitle(shownTitle(doc.Title, m.headings, metaTitles, doc.SiteName, doc.Site))
	doc.Description = first([]string{m.first("og:description"), m.first("description"), m.ld.description, m.first("twitter:description")})
	m.pageURL = doc.URL
	doc.Author = m.author()
	// Sections arrive as lists in one value too ("Politik, Inland").
	doc.Categories = splitKeywords(m.props["article:section"])
	doc.Categories = appendUnique(doc.Categories, splitKeywords(m.ld.sections)...)
	doc.Categories = appendUnique(doc.Categories, m.relCats...)
	doc.Tags = splitKeywords(m.props["article:tag"])
	doc.Tags = appendUnique(doc.Tags, m.relTags...)
	if len(doc.Tags) == 0 {
		// Keywords are written for search engines, often a site-wide
		// list: the page's own tags (article:tag, tag links), where it
		// has any, say more. Structured keywords come before the meta.
		doc.Tags = appendUnique(doc.Tags, m.ld.keywords...)
	}
	if len(doc.Tags) == 0 {
		doc.Tags = appendUnique(doc.Tags, splitKeywords(m.props["news_keywords"])...)
		doc.Tags = appendUnique(doc.Tags, splitKeywords(m.props["keywords"])...)
	}
	doc.Tags, doc.Categories = unquoteAll(doc.Tags), unquoteAll(doc.Categories)
	doc.DateHints = m.dateHints(doc.URL)
	lang := first([]string{m.lang, m.first("content-language"), m.ld.language, m.first("og:locale")})
	if lang == "" && in.Header != nil {
		lang = in.Header.Get("Content-Language")
	}
	doc.Language = rinse.LanguageCode(lang)
	doc.Region = pageRegion(doc.URL, lang, m.first("og:locale"))
}

// urlLocale finds a locale segment in a URL path: "/en-gb/", "/en_GB/".
var urlLocale = regexp.MustCompile(`(?i)/[a-z]{2}[-_]([a-z]{2})(?:/|$)`)

// regionTLDs are country domains whose pages name their region even
// when their markup does not.
var regionTLDs = map[string]string{".uk": "GB", ".ie": "IE", ".au": "AU", ".nz": "NZ", ".in": "IN", ".za": "ZA"}

// pageRegion is the region of the page's language tag ("en-GB",
// "en_GB"), else of a locale in its URL path, else of its country domain.
func pageRegion(pageURL string, tags ...string) string {
	for _, tag := range tags {
		if _, r, ok := strings.Cut(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"), "-"); ok && len(r) == 2 {
			return strings.ToUpper(r)
		}
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	if m := urlLocale.FindStringSubmatch(u.Path); m != nil {
		return strings.ToUpper(m[1])
	}
	host := u.Hostname()
	if i := strings.LastIndexByte(host, '.'); i >= 0 {
		return regionTLDs[host[i:]]
	}
	return ""
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func appendUnique(list []string, vs ...string) []string {
next:
	for _, v := range vs {
		v = dom.Collapse(v)
		if v == "" {
			continue
		}
		for _, h := range list {
			if strings.EqualFold(h, v) {
				continue next
			}
		}
		list = append(list, v)
	}
	return list
}

// splitKeywords splits a keywords meta value.
func splitKeywords(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, k := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
			out = appendUnique(out, k)
		}
	}
	return out
}

// resolve makes ref absolute against base when it can.
func resolve(base, ref string) string {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || ref == "" {
		return ""
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		return b.ResolveReference(r).String()
	}
	if !r.IsAbs() {
		return ""
	}
	return r.String()
}

// unquoteAll drops the quotation marks some themes print around each
// tag ("„Review”"): the tag is the word inside.
func unquoteAll(list []string) []string {
	var out []string
	for _, v := range list {
		r, first := utf8.DecodeRuneInString(v)
		l, last := utf8.DecodeLastRuneInString(v)
		if len(v) > first+last && strings.ContainsRune(authorQuotes, r) && strings.ContainsRune(authorQuotes, l) {
			v = strings.TrimSpace(v[first : len(v)-last])
		}
		out = appendUnique(out, v)
	}
	return out
}

// FromProfile fills doc's empty fields from a site profile: first from
// its field selectors over body, then from what its patterns lifted.
// Patterns run over the whole page here, because bylines and category
// rows usually sit outside the main content; the boilerplate stage runs
// them again over the content to drop what they match.
func FromProfile(doc *rinse.Document, f rules.Fields, body *html.Node, lifted rules.Lifted) {
	setIfEmpty(&doc.Title, selectText(body, f.Title))
	setIfEmpty(&doc.Author, strings.Join(cleanAuthors(selectAll(body, f.Author), true), "; "))
	if d := selectText(body, f.Date); d != "" {
		doc.DateHints = append(doc.DateHints, rinse.DateHint{Value: d, Field: "published", Origin: "text"})
	}
	doc.Tags = appendUnique(doc.Tags, trimHashes(selectAll(body, f.Tags))...)
	doc.Categories = appendUnique(doc.Categories, selectAll(body, f.Categories)...)
	setIfEmpty(&doc.Title, lifted.Title)
	setIfEmpty(&doc.Author, lifted.Author)
	doc.Categories = appendUnique(doc.Categories, lifted.Categories...)
	doc.Tags = appendUnique(doc.Tags, lifted.Tags...)
	doc.DateHints = append(doc.DateHints, lifted.Dates...)
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
