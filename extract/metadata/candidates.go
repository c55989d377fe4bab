package metadata

// Candidate is one value the page offers for a field, and where the
// page says it.
type Candidate struct {
	Field, Value, From string
}

// Candidates lists the values the page declares or shows, field by
// field, roughly in the order Fill trusts them. It changes and decides
// nothing: the explain view (rinse inspect --explain) looks a chosen
// value up here to say where it came from.
func (m *Meta) Candidates() []Candidate {
	var out []Candidate
	add := func(field, from string, values ...string) {
		for _, v := range values {
			if v != "" {
				out = append(out, Candidate{field, v, from})
			}
		}
	}
	props := func(field string, keys ...string) {
		for _, k := range keys {
			add(field, "meta "+k, m.props[k]...)
		}
	}
	props("title", "og:title")
	add("title", "JSON-LD headline", m.ld.headline)
	props("title", "twitter:title")
	add("title", "the article's <h1>", m.mainH1)
	add("title", "<title>", m.title)
	add("title", "the first <h1>", m.h1)
	add("title", "the first <h2>", m.h2)
	props("description", "og:description", "description")
	add("description", "JSON-LD description", m.ld.description)
	props("description", "twitter:description")
	add("author", "JSON-LD author", m.ld.authors...)
	props("author", "author", "article:author", "og:article:author", "dc.creator", "parsely-author")
	add("author", "an itemprop=author element", m.itemAuthor...)
	add("author", "a rel=author link", m.relAuthor...)
	add("author", "a byline element", m.bylines...)
	add("author", "a byline shown in the text (\"By …\")", m.shownBy...)
	props("site_name", "og:site_name")
	add("site_name", "JSON-LD publisher", m.ld.publisher)
	props("site_name", "application-name")
	add("url", "link rel=canonical", m.canonical)
	props("url", "og:url")
	props("categories", "article:section")
	add("categories", "JSON-LD articleSection", m.ld.sections...)
	add("categories", "a rel=category link", m.relCats...)
	props("tags", "article:tag")
	add("tags", "a tag link", m.relTags...)
	add("tags", "JSON-LD keywords", m.ld.keywords...)
	props("tags", "news_keywords", "keywords")
	add("language", "<html lang>", m.lang)
	props("language", "content-language")
	add("language", "JSON-LD inLanguage", m.ld.language)
	props("language", "og:locale")
	return out
}
