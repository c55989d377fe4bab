package dates

import (
	"time"

	"github.com/rinse-etl/rinse"
)

// Metadata dates the page does not show.
//
// A publication date in metadata is usually right, but content systems
// also write there the day a page was imported, re-saved or scheduled.
// When the page shows that day nowhere (no visible date, <time> or URL
// date on it), another published date in metadata that the page does
// show wins, then the page's best visible date when it lies close by,
// or however far off when it is a dateline the extractor found by the
// headline (origin "dateline"): readers, and the labels of date
// benchmarks, go by what is shown.
//
// A full date in the URL path is set when the page is first published
// and never changes: a stated date more than a day off it (beyond what
// time zones explain) that the page never writes out for its readers is
// a re-save or a placeholder, and the URL wins. A date the page writes
// in a visible dateline always stands.

// maxShownGap bounds how far the best visible date may lie from an
// unshown metadata date to replace it; further off it is as likely the
// date of something else on the page (an event, another article).
const maxShownGap = 45 * 24 * time.Hour

// maxDateline bounds the visible texts that may replace a metadata date:
// a dateline ("Stand: 28.04.2020 18:00 Uhr"), not a headline or sentence
// that mentions a day.
const maxDateline = 40

// metaOrigins are the hint origins that are not shown to readers.
var metaOrigins = map[string]bool{"json-ld": true, "meta": true}

// shownOrigins are the hint origins readers see.
var shownOrigins = map[string]bool{"text": true, "dateline": true, "time": true, "url": true}

// preferShown returns pub, or the date the URL or the page shows in its
// place.
func preferShown(pub time.Time, hints []rinse.DateHint, lang string, now time.Time) time.Time {
	if u, ok := urlDay(hints, now); ok && !pub.IsZero() && midnight(u).Sub(midnight(pub)).Abs() > 24*time.Hour && !writesDay(pub, hints, lang) {
		return u
	}
	if pub.IsZero() || !fromMetadata(pub, hints, lang) || isShown(pub, hints, lang) {
		return pub
	}
	for _, h := range hints {
		if h.Field != "published" || !metaOrigins[h.Origin] {
			continue
		}
		if d, ok := readHint(h, lang); ok && plausiblePublished(d, now) && isShown(d, hints, lang) {
			return d
		}
	}
	if metaOriginsOf(pub, hints, lang) > 1 {
		return pub // JSON-LD and <meta> agree: two sources are rarely both wrong
	}
	if d, dateline, ok := bestShown(hints, lang, now); ok && (dateline || midnight(d).Sub(midnight(pub)).Abs() <= maxShownGap) {
		return d
	}
	return pub
}

// bestShown reads the page's best visible date: the first visible text,
// when it is a dateline.
func bestShown(hints []rinse.DateHint, lang string, now time.Time) (d time.Time, dateline, ok bool) {
	for _, h := range hints {
		if h.Field != "published" || !written(h) {
			continue
		}
		if len(h.Value) > maxDateline {
			return time.Time{}, false, false
		}
		d, ok := readHint(h, lang)
		return d, h.Origin == "dateline", ok && plausiblePublished(d, now)
	}
	return time.Time{}, false, false
}

// fromMetadata reports whether pub was read from a metadata hint.
func fromMetadata(pub time.Time, hints []rinse.DateHint, lang string) bool {
	for _, h := range hints {
		if h.Field != "published" {
			continue
		}
		if d, ok := readHint(h, lang); ok && sameDay(d, pub) {
			return metaOrigins[h.Origin]
		}
	}
	return false
}

// metaOriginsOf counts the metadata origins whose published date falls
// on pub's day.
func metaOriginsOf(pub time.Time, hints []rinse.DateHint, lang string) int {
	seen := map[string]bool{}
	for _, h := range hints {
		if h.Field != "published" || !metaOrigins[h.Origin] || seen[h.Origin] {
			continue
		}
		if d, ok := readHint(h, lang); ok && sameDay(d, pub) {
			seen[h.Origin] = true
		}
	}
	return len(seen)
}

// written reports whether h is a date the page writes for its readers:
// a visible text, not a datetime attribute.
func written(h rinse.DateHint) bool { return h.Origin == "text" || h.Origin == "dateline" }

// writesDay reports whether a date the page writes for its readers
// names the day of d.
func writesDay(d time.Time, hints []rinse.DateHint, lang string) bool {
	for _, h := range hints {
		if !written(h) {
			continue
		}
		if v, ok := readHint(h, lang); ok && sameDay(v, d) {
			return true
		}
	}
	return false
}

// isShown reports whether a visible hint names the day of d.
func isShown(d time.Time, hints []rinse.DateHint, lang string) bool {
	for _, h := range hints {
		if !shownOrigins[h.Origin] {
			continue
		}
		if v, ok := readHint(h, lang); ok && sameDay(v, d) {
			return true
		}
	}
	return false
}

// sameDay compares calendar dates as each time's page stated them.
func sameDay(a, b time.Time) bool { return midnight(a).Equal(midnight(b)) }

// urlDay reads the URL's date when it names a day.
func urlDay(hints []rinse.DateHint, now time.Time) (time.Time, bool) {
	for _, h := range hints {
		if h.Origin == "url" {
			d, prec, ok := parseTimestampZoned(h.Value)
			return d, ok && prec == rinse.PrecisionDay && plausiblePublished(d, now)
		}
	}
	return time.Time{}, false
}
