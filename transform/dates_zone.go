package transform

import (
	"regexp"
	"time"

	"github.com/rinse-etl/rinse"
)

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
