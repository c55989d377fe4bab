package transform

import (
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

func TestSameInstantLocal(t *testing.T) {
	tests := []struct {
		name  string
		hints []rinse.DateHint
		want  string // the published instant as RFC 3339
	}{
		{"zoneless local time of the same instant",
			[]rinse.DateHint{pubHint("2022-05-03T02:10:45Z", "json-ld"), pubHint("2022-05-02 19:10:45", "time"), pubHint("Tuesday, May 3rd 2022", "text")},
			"2022-05-02T19:10:45-07:00"},
		{"a half-hour zone",
			[]rinse.DateHint{pubHint("2021-01-10T20:00:00Z", "meta"), pubHint("2021-01-11 01:30:00", "meta")},
			"2021-01-11T01:30:00+05:30"},
		{"another time is not the same instant",
			[]rinse.DateHint{pubHint("2022-05-03T02:10:45Z", "json-ld"), pubHint("2022-05-02 19:11:02", "time")},
			"2022-05-03T02:10:45Z"},
		{"a day without a time says nothing of the zone",
			[]rinse.DateHint{pubHint("2022-05-03T10:10:45Z", "json-ld"), pubHint("2022-05-03", "time")},
			"2022-05-03T10:10:45Z"},
	}
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range tests {
		if got := hintDate(tc.hints, "published", "en", now).Format(time.RFC3339); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestZoneless(t *testing.T) {
	for raw, want := range map[string]bool{
		"2023-11-08 17:49:09":           true,
		"2023-11-08T17:49:09Z":          false,
		"2023-11-08T17:49:09+01:00":     false,
		"2023-11-08T17:49:09.123-0500":  false,
		"Wed, 08 Nov 2023 17:49:09 GMT": false,
	} {
		d, _, ok := parseTimestampZoned(raw)
		if !ok {
			t.Fatalf("%q not parsed", raw)
		}
		if got := zoneless(d, raw); got != want {
			t.Errorf("zoneless(%q) = %v, want %v", raw, got, want)
		}
	}
}
