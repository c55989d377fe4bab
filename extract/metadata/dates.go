package metadata

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/dom"
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
func (m *Meta) dateHints(pageURL string) []rinse.DateHint {
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
	if m.timeFirst {
		add(m.time, "published", "time")
	}
	if !m.shownFirst {
		add(pathDate(pageURL), "published", "url")
	}
	for _, d := range append(m.pubDates, m.dateline) {
		field, origin := "published", "text"
		if isUpdateText(d) {
			field = "updated"
		}
		switch {
		case m.stamps[d]:
			origin = "time" // a <time datetime> value ranked among the texts
		case m.nearDates[d]:
			origin = "dateline" // written by the headline
		}
		add(d, field, origin)
	}
	if !m.timeFirst {
		// A dateline by the headline outranks a <time> elsewhere (a
		// masthead's clock, a box's timestamp).
		add(m.time, "published", "time")
	}
	if m.shownFirst {
		// The URL never outranks a dateline by the headline.
		add(pathDate(pageURL), "published", "url")
	}
	return hs
}

// Structured markup outside <meta>.
//
// Microdata puts dates on visible elements (<span itemprop="datePublished"
// content="…">, <time itemprop="dateModified">); Read only reads
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
// <meta> elements are left to Read.
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

// Dates in URL paths beyond urlDate's /2024/05/17/: some sites name a
// day's folder or page by the compact or the day-first form. The URL
// ranks below every date the page states (see dateHints).

// urlDateForms are the extra path forms, each with the submatch order
// of year, month and day.
var urlDateForms = []struct {
	re            *regexp.Regexp
	yi, mi, di    int
	needDayOver12 bool // day-first forms read only when no month-first reading exists
}{
	// /20200428/ as a whole path segment: a day's folder. Longer runs
	// (archive capture stamps, ids) never match.
	{re: regexp.MustCompile(`/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$)`), yi: 1, mi: 2, di: 3},
	// /29-10-2021 or /news-29-10-2021.html: day first, as Europe writes.
	{re: regexp.MustCompile(`[/-](\d{2})-(\d{2})-((?:19|20)\d{2})(?:[/.-]|$)`), yi: 3, mi: 2, di: 1, needDayOver12: true},
}

// archivePrefix matches a web archive's capture address, whose stamp is
// the capture's time and whose rest is the archived page's URL.
var archivePrefix = regexp.MustCompile(`^/web/\d{8,14}[a-z_]*/`)

// pathDate returns the date a URL's path names, as YYYY-MM-DD, or "".
func pathDate(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if loc := archivePrefix.FindStringIndex(u.Path); loc != nil {
		orig := u.Path[loc[1]:]
		if !strings.Contains(orig, "://") {
			orig = "http://" + orig
		}
		if d := urlDate(orig); d != "" {
			return d
		}
		return pathDate(orig)
	}
	if d := urlDate(raw); d != "" {
		return d
	}
	for _, f := range urlDateForms {
		m := f.re.FindStringSubmatch(u.Path)
		if m == nil || f.needDayOver12 && m[f.di] <= "12" {
			continue
		}
		s := m[f.yi] + "-" + m[f.mi] + "-" + m[f.di]
		if _, err := time.Parse("2006-01-02", s); err == nil {
			return s
		}
	}
	return ""
}

// urlDatePath finds /2024/05/17/ or /2024-05-17 style dates in paths. In
// a slashed path the day stands alone between slashes: the number
// opening a slug (/2024/05/17-things-to-do) is no day.
var urlDatePath = regexp.MustCompile(`/((?:19|20)\d{2})(?:/(0?[1-9]|1[0-2])(?:/(0?[1-9]|[12]\d|3[01]))?(?:/|$)|-(0?[1-9]|1[0-2])(?:-(0?[1-9]|[12]\d|3[01]))?(?:/|-|$))`)

func urlDate(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	m := urlDatePath.FindStringSubmatch(u.Path)
	if m == nil {
		return ""
	}
	month, day := m[2]+m[4], m[3]+m[5]
	if day == "" {
		return ""
	}
	return m[1] + "-" + pad2(month) + "-" + pad2(day)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
