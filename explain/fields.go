package explain

import (
	"strings"
	"time"

	"github.com/rinse-etl/rinse"
)

// field is one metadata value of the view and where it came from.
type field struct {
	Name, Value, From string
}

// notFound is said of a value no recorded candidate holds.
const notFound = "no recorded candidate holds this value as it is"

// fields lists d's metadata with the origin of each value: the first
// recorded candidate (in the order the stages trust them) that holds it,
// exactly or as part of a longer value. It never decides anything: it
// looks the final values up among what the stages recorded.
func (t *Trace) fields(d *rinse.Document) []field {
	var out []field
	add := func(name, value, from string) {
		if value != "" {
			out = append(out, field{name, value, from})
		}
	}
	for _, f := range []struct{ name, value string }{
		{"title", d.Title}, {"author", d.Author}, {"description", d.Description},
		{"site_name", d.SiteName}, {"url", d.URL},
	} {
		add(f.name, f.value, t.from(f.name, f.value))
	}
	add("site", d.Site, t.siteFrom(d.Site))
	add("language", d.Language, t.languageFrom(d.Language))
	for _, c := range d.Categories {
		add("categories", c, t.from("categories", c))
	}
	for _, g := range d.Tags {
		add("tags", g, t.from("tags", g))
	}
	add("profile", d.Profile, t.from("profile", d.Profile))
	add("published_at", day(d.PublishedAt), "parsed by transform/dates from the date hints below")
	add("updated_at", day(d.UpdatedAt), "parsed by transform/dates from the date hints below")
	return out
}

// from names the first candidate for field that holds value.
func (t *Trace) from(field, value string) string {
	v := strings.Join(strings.Fields(value), " ")
	for _, o := range t.origins {
		if o.field == field && strings.EqualFold(strings.Join(strings.Fields(o.value), " "), v) {
			return o.from
		}
	}
	for _, o := range t.origins {
		if o.field == field && containsFold(o.value, v) {
			return o.from + " (part of its value)"
		}
	}
	return notFound
}

// siteFrom: the site is the host of the page's address, or else a
// profile's.
func (t *Trace) siteFrom(site string) string {
	if f := t.from("url", site); f != notFound {
		return "the host of the address from " + strings.TrimSuffix(f, " (part of its value)")
	}
	return t.from("site", site)
}

// languageFrom: the language stage detects the language from the text,
// the declaration a hint; a value other than the extractor's is its own.
func (t *Trace) languageFrom(lang string) string {
	if t.extracted == nil || t.extracted.Language != lang {
		return "detected from the text by transform/language (the page declared " + quoteOr(t.declared(), "nothing") + ")"
	}
	if f := t.from("language", lang); f != notFound {
		return f + "; confirmed by transform/language"
	}
	return "kept by transform/language"
}

// declared is the language the extractor found, if any.
func (t *Trace) declared() string {
	if t.extracted == nil {
		return ""
	}
	return t.extracted.Language
}

func quoteOr(s, none string) string {
	if s == "" {
		return none
	}
	return `"` + s + `"`
}

func containsFold(s, sub string) bool {
	return sub != "" && strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
