package dates

import (
	"regexp"
	"strings"
	"time"

	"github.com/rinse-etl/rinse"
)

// readHint parses one hint. Visible texts ("Stand: 03.08.2015", "Februar
// 2018 (12)") must name a day: a month alone is an archive link, not a
// publication date; their numeric dates are read in the page's language.
func readHint(h rinse.DateHint, lang string) (time.Time, bool) {
	t, prec, ok := parseTimestampZoned(h.Value)
	visible := written(h) || h.Origin == "time"
	if ok && (prec == rinse.PrecisionDay || prec == PrecisionTime || !visible) {
		return t, true
	}
	if !visible {
		return time.Time{}, false
	}
	for _, d := range Find(h.Value, lang, time.Time{}) {
		if d.Precision == rinse.PrecisionDay {
			return d.Date, true
		}
	}
	return time.Time{}, false
}

// utcMarks show a timestamp was written in UTC, not in the page's zone.
var utcMarks = []string{"Z", "+00:00", "+0000", "GMT", "UTC"}

// localDay corrects a publication timestamp written in UTC (raw is how
// the page wrote it): near midnight its calendar date is a day off the
// one the page's readers saw. When the URL or the best visible date says
// the day before (or after), and no other hint confirms the UTC day, the
// shown day is the date.
func localDay(t time.Time, raw string, hints []rinse.DateHint, lang string) time.Time {
	if _, off := t.Zone(); off != 0 || !containsAnyStr(raw, utcMarks) {
		return t
	}
	if lt, ok := sameInstantLocal(t, raw, hints); ok {
		return lt
	}
	day := midnight(t)
	var shown time.Time
	texts := 0
	for _, h := range hints {
		if h.Value == raw {
			continue
		}
		d, ok := readHint(h, lang)
		if !ok {
			continue
		}
		local := h.Origin == "url" || written(h) || h.Origin == "time" && dayOnly(h.Value)
		if _, off := d.Zone(); midnight(d).Equal(day) && (off != 0 || local) {
			return t // the page's own zone or its URL agree with the UTC day
		}
		if written(h) {
			texts++
		}
		// The URL, a <time> that gives only the day and the page's best
		// visible date: further text candidates are as often other
		// articles' dates.
		if !shown.IsZero() || !local || written(h) && texts > 1 {
			continue
		}
		// Only a time near midnight can fall on another local day: zones
		// run from UTC-10 to UTC+10 for nearly all pages.
		switch diff := midnight(d).Sub(day); {
		case diff == 24*time.Hour && t.Hour() >= 14, diff == -24*time.Hour && t.Hour() < 10:
			shown = midnight(d)
		}
	}
	if shown.IsZero() && localMidnight(t, lang) {
		return midnight(t).Add(24 * time.Hour)
	}
	if shown.IsZero() {
		return t
	}
	return shown
}

// centralEuropean are the languages of pages whose clocks run one or two
// hours east of UTC.
var centralEuropean = map[string]bool{
	"de": true, "fr": true, "it": true, "es": true, "nl": true, "pl": true, "cs": true,
	"sk": true, "sl": true, "hr": true, "sr": true, "hu": true, "da": true, "sv": true,
	"no": true, "nb": true, "ca": true, "lb": true,
}

// localMidnight reports whether a UTC timestamp on a Central European
// page is its local midnight: systems store a date picked without a time
// so, "2022-11-06T23:00:00Z" for the 7th. Elsewhere 22:00 or 23:00 UTC
// sharp is just an hour when posts are scheduled.
func localMidnight(t time.Time, lang string) bool {
	base, _ := splitDateLang(lang)
	return centralEuropean[base] && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 && (t.Hour() == 22 || t.Hour() == 23)
}

// dayOnly reports whether a timestamp names a day without a time of day:
// then it is the day as the page's readers saw it.
func dayOnly(v string) bool {
	_, prec, ok := parseTimestampZoned(v)
	return !ok || prec != PrecisionTime
}

// onlyInText reports whether visible text, and no other hint, names
// pub's day.
func onlyInText(pub time.Time, hints []rinse.DateHint, lang string) bool {
	inText := false
	for _, h := range hints {
		if h.Field != "published" {
			continue
		}
		if d, ok := readHint(h, lang); ok && sameDay(d, pub) {
			if !written(h) {
				return false
			}
			inText = true
		}
	}
	return inText
}

// sameClock reports whether d, read from raw, can be the instant t: a
// day alone can, a time of day must be t's minute in some zone
// (zones are whole quarter hours apart). The
// <time> of a comment posted on the update's day is not the update.
func sameClock(d time.Time, raw string, t time.Time) bool {
	if dayOnly(raw) {
		return true
	}
	return (d.Sub(t) % (15 * time.Minute)).Abs() < time.Minute
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func containsAnyStr(s string, subs []string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// shownDate picks between the stated publication and update dates by
// what the page shows. A page that shows only its update date presents
// itself as of that date (an "updated" recipe or guide); a page with no
// publication date at all is dated by its update.
func shownDate(pub, upd time.Time, hints []rinse.DateHint, lang string) time.Time {
	switch {
	case upd.IsZero():
		return pub
	case pub.IsZero():
		return upd
	case midnight(upd).Before(midnight(pub)) && onlyInText(pub, hints, lang):
		// Nothing is published after its last change: a date from the
		// text alone that comes later is an event the page announces.
		return upd
	case !midnight(upd).After(midnight(pub)):
		return pub
	}
	showsPub, showsUpd := false, false
	for _, h := range hints {
		if !written(h) && h.Origin != "time" {
			continue
		}
		d, ok := readHint(h, lang)
		if !ok {
			continue
		}
		switch midnight(d) {
		case midnight(pub):
			showsPub = true
		case midnight(upd):
			showsUpd = showsUpd || sameClock(d, h.Value, upd)
		}
	}
	if showsUpd && !showsPub {
		return upd
	}
	return pub
}

// zoneOffset finds a written offset after a time of day ("10:00:00+02:00",
// "10:00 -0500"); a timestamp without one is the page's local time.
var zoneOffset = regexp.MustCompile(`\d:\d{2}(?::\d{2})?(?:\.\d+)?\s*[+-]\d{2}:?\d{2}`)

// zoneless reports whether raw, parsed as t, stated no zone at all.
func zoneless(t time.Time, raw string) bool {
	_, off := t.Zone()
	return off == 0 && !containsAnyStr(raw, utcMarks) && !zoneOffset.MatchString(raw)
}

// maxZoneShift bounds the offsets of real time zones (UTC-12 to UTC+14).
const maxZoneShift = 14 * time.Hour

// sameInstantLocal finds the page's local zone for the UTC timestamp t:
// pages often repeat their publication time without a zone in a <time>
// or meta element ("2023-11-08 17:49:09" next to "2023-11-09T01:49:09Z").
// A zoneless timestamp on the same minute and second, a whole number of
// quarter hours away, is that instant in local time: t is returned in
// that zone so that its calendar date is the one readers saw.
func sameInstantLocal(t time.Time, raw string, hints []rinse.DateHint) (time.Time, bool) {
	for _, h := range hints {
		if h.Value == raw || h.Origin == "url" || h.Field != "published" {
			continue
		}
		d, prec, ok := parseTimestampZoned(h.Value)
		if !ok || prec != PrecisionTime || !zoneless(d, h.Value) {
			continue
		}
		shift := d.Sub(t)
		if shift == 0 || shift.Abs() > maxZoneShift || shift%(15*time.Minute) != 0 || d.Second() != t.Second() {
			continue
		}
		return t.In(time.FixedZone("", int(shift/time.Second))), true
	}
	return time.Time{}, false
}

// Archived pages.
//
// A web archive serves a page as it was on the day of capture, with the
// capture's time in its address (/web/20170304101112/http://…). Dates a
// page shows of itself on that very day are its clock ("Donnerstag, 16.
// Februar 2012" in the masthead), not its publication: they are dropped
// from the visible hints. Metadata and the original URL are kept.

// captureStamp finds a web archive's capture time in a URL.
var captureStamp = regexp.MustCompile(`/web/((?:19|20)\d{6})\d{0,6}[a-z_]*/[a-z]+:/`)

// captureDay returns the day an archived page was captured.
func captureDay(url string) (time.Time, bool) {
	m := captureStamp.FindStringSubmatch(url)
	if m == nil {
		return time.Time{}, false
	}
	d, err := time.Parse("20060102", m[1])
	return d, err == nil
}

// dropCaptureDay leaves out the visible hints that name the capture day
// of an archived page.
func dropCaptureDay(url string, hints []rinse.DateHint, lang string) []rinse.DateHint {
	day, ok := captureDay(url)
	if !ok {
		return hints
	}
	out := make([]rinse.DateHint, 0, len(hints))
	for _, h := range hints {
		if written(h) || h.Origin == "time" {
			if d, ok := readHint(h, lang); ok && sameDay(d, day) {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}
