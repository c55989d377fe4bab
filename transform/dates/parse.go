package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// PrecisionTime is the precision ParseTimestamp reports for values that
// carry a time of day.
const PrecisionTime = "time"

// timestampLayout is one layout ParseTimestamp tries.
type timestampLayout struct {
	layout string
	prec   string
}

// timestampLayouts in the order tried: the forms metadata uses most come
// first. Values without a zone are taken as UTC. Fractional seconds are
// accepted after any seconds field (time.Parse does that on its own).
var timestampLayouts = []timestampLayout{
	{time.RFC3339, PrecisionTime},                        // 2023-03-14T09:00:00+01:00, Z
	{"2006-01-02T15:04:05Z0700", PrecisionTime},          // +0100 without colon
	{"2006-01-02T15:04:05", PrecisionTime},               // no zone
	{"2006-01-02T15:04Z07:00", PrecisionTime},            // no seconds
	{"2006-01-02T15:04", PrecisionTime},                  // no seconds, no zone
	{"2006-01-02T15:04:05 Z07:00", PrecisionTime},        // space before the offset
	{"2006-01-02 15:04:05Z07:00", PrecisionTime},         // SQL-ish with offset
	{"2006-01-02 15:04:05 -0700", PrecisionTime},         // Go's time.String style
	{"2006-01-02 15:04:05 -07:00", PrecisionTime},        // with colon
	{"2006-01-02 15:04:05 MST", PrecisionTime},           // zone abbreviation
	{"2006-01-02 15:04:05", PrecisionTime},               // SQL DATETIME
	{"2006-01-02 15:04", PrecisionTime},                  // no seconds
	{"20060102T150405Z0700", PrecisionTime},              // ISO 8601 basic
	{"20060102T150405", PrecisionTime},                   // ISO 8601 basic, no zone
	{"20060102T15:04:05Z07:00", PrecisionTime},           // basic date, extended time (seen in JSON-LD)
	{"2006/01/02 15:04:05", PrecisionTime},               // slashes with time
	{"2006/01/02 15:04", PrecisionTime},                  // same, no seconds
	{"Mon Jan 02 2006 15:04:05 GMT-0700", PrecisionTime}, // JavaScript Date.toString, "(zone name)" cut
	{time.RFC1123Z, PrecisionTime},                       // Mon, 02 Jan 2006 15:04:05 -0700
	{time.RFC1123, PrecisionTime},                        // Mon, 02 Jan 2006 15:04:05 MST
	{"Mon, 2 Jan 2006 15:04:05 -0700", PrecisionTime},    // RFC 2822, one-digit day
	{"Mon, 2 Jan 2006 15:04:05 MST", PrecisionTime},      // RFC 2822 with zone name
	{"Mon, 2 Jan 2006 15:04 -0700", PrecisionTime},       // RFC 2822 without seconds
	{"2 Jan 2006 15:04:05 -0700", PrecisionTime},         // RFC 2822 without weekday
	{"2 Jan 2006 15:04:05 MST", PrecisionTime},           // same, zone name
	{time.RFC850, PrecisionTime},                         // Monday, 02-Jan-06 15:04:05 MST
	{time.ANSIC, PrecisionTime},                          // Mon Jan _2 15:04:05 2006
	{time.UnixDate, PrecisionTime},                       // Mon Jan _2 15:04:05 MST 2006
	{"January 2, 2006 3:04 PM", PrecisionTime},           // US news bylines
	{"January 2, 2006 15:04", PrecisionTime},             // same, 24 h
	{"Jan 2, 2006 3:04 PM", PrecisionTime},               // same, short month
	{"2006-01-02", precDay},                              // ISO date
	{"2006/01/02", precDay},                              // slashes
	{"2006.01.02", precDay},                              // dots
	{"20060102", precDay},                                // basic
	{"2006-01", precMonth},                               // ISO month
	{"2006", precYear},                                   // ISO year
}

// zoneOffsets fixes zone abbreviations time.Parse would read as UTC+0.
var zoneOffsets = map[string]int{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"CET": 1, "CEST": 2, "BST": 1, "EET": 2, "EEST": 3, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
}

// urlDate finds a date in a URL path: /2023/03/14/, /2023-03-14-slug, /2023/03/.
var urlDate = regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])(?:[/_-](0?[1-9]|[12]\d|3[01]))?(?:[/_.-]|$)`)

// Unix epochs count only within these bounds (1995 to 2100): other long
// numbers in metadata are ids.
const (
	minEpoch = 788918400
	maxEpoch = 4102444800
)

// ParseTimestamp parses a date or timestamp as found in page metadata or a
// URL and returns it in UTC with its precision: PrecisionTime when it has a
// time of day (the source offset honoured), else rinse.PrecisionDay,
// PrecisionMonth or PrecisionYear with the time at midnight UTC of the
// period's first day. It accepts ISO 8601 and its common variants, RFC
// 1123/2822, SQL-style "2023-03-14 09:00:00", Unix epochs in seconds or
// milliseconds, dates in URL paths and written dates in the languages
// Find knows ("14 March 2023", "14. März 2023", "2023年3月14日").
func ParseTimestamp(s string) (t time.Time, precision string, ok bool) {
	t, precision, ok = parseTimestampZoned(s)
	return t.UTC(), precision, ok
}

// parseTimestampZoned is ParseTimestamp keeping the source's offset as the
// time's location: the same instant, but its calendar date is the one the
// page stated, which is what a "publication date" means to its readers.
func parseTimestampZoned(s string) (t time.Time, precision string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}, "", false
	}
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i] // JavaScript appends the zone's long name in parentheses
	}
	if t, ok := parseEpoch(s); ok {
		return t, PrecisionTime, true
	}
	if s[0] >= '0' && s[0] <= '9' || s[0] >= 'A' && s[0] <= 'Z' {
		for _, l := range timestampLayouts {
			if t, err := time.Parse(l.layout, s); err == nil {
				return fixZone(t), l.prec, true // the instant; its zone keeps the calendar date as published
			}
		}
	}
	if strings.Contains(s, "/") {
		if t, prec, ok := parseURLDate(s); ok {
			return t, prec, true
		}
	}
	ds := findDates(s, "", time.Time{}, time.Time{}, 1)
	if len(ds) == 1 && ds[0].Precision != precDecade {
		return ds[0].Date, ds[0].Precision, true
	}
	return time.Time{}, "", false
}

// parseEpoch reads Unix seconds (10 digits) or milliseconds (13 digits).
func parseEpoch(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	if len(s) == 13 {
		n /= 1000
	}
	if n < minEpoch || n > maxEpoch {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}

// fixZone gives a known zone abbreviation its offset.
func fixZone(t time.Time) time.Time {
	name, off := t.Zone()
	h, ok := zoneOffsets[name]
	if !ok || off != 0 {
		return t
	}
	y, mo, d := t.Date()
	return time.Date(y, mo, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.FixedZone(name, h*3600))
}

func parseURLDate(s string) (time.Time, string, bool) {
	m := urlDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, "", false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if m[3] == "" {
		return time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), precMonth, true
	}
	d, _ := strconv.Atoi(m[3])
	t, ok := validDate(y, mo, d)
	return t, precDay, ok
}
