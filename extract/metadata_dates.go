package extract

import (
	"strings"

	"github.com/rinse-etl/rinse"
)

// dateMetas are <meta> keys holding dates, most trusted first.
var dateMetas = []struct {
	key, field string
}{
	{"article:published_time", "published"},
	{"og:article:published_time", "published"},
	{"article:modified_time", "updated"},
	{"og:updated_time", "updated"},
	{"datepublished", "published"}, // itemprop
	{"datemodified", "updated"},    // itemprop
	{"date", "published"},
	{"dc.date", "published"},
	{"dc.date.issued", "published"},
	{"dcterms.date", "published"},
	{"dcterms.created", "published"},
	{"pubdate", "published"},
	{"publishdate", "published"},
	{"publish-date", "published"},
	{"publish_date", "published"},
	{"article.published", "published"},
	{"sailthru.date", "published"},
	{"parsely-pub-date", "published"},
	{"citation_publication_date", "published"},
	{"citation_date", "published"},
	{"og:published_time", "published"},
	{"last-modified", "updated"},
}

// dateHints lists raw dates, most trusted first.
func (m *meta) dateHints(url string) []rinse.DateHint {
	var hs []rinse.DateHint
	add := func(v, field, origin string) {
		if v = strings.TrimSpace(v); v != "" {
			hs = append(hs, rinse.DateHint{Value: v, Field: field, Origin: origin})
		}
	}
	add(m.ld.published, "published", "json-ld")
	add(m.ld.modified, "updated", "json-ld")
	for _, d := range dateMetas {
		add(m.first(d.key), d.field, "meta")
	}
	for _, field := range []string{"published", "updated"} {
		if ds := m.microdata[field]; len(ds) > 0 {
			add(ds[0], field, "meta")
		}
	}
	if len(m.times) > 0 {
		add(m.times[0], "published", "time")
	}
	add(pathDate(url), "published", "url")
	for _, d := range append(m.pubDates, m.dateline) {
		field := "published"
		if isUpdateText(d) {
			field = "updated"
		}
		add(d, field, "text")
	}
	return hs
}
