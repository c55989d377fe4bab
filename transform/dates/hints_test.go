package dates

import (
	"context"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

func TestReadHint(t *testing.T) {
	tests := []struct {
		hint rinse.DateHint
		lang string
		want string // YYYY-MM-DD, "" = not read
	}{
		{rinse.DateHint{Value: "Stand: 03.08.2015", Origin: "text"}, "de", "2015-08-03"},
		{rinse.DateHint{Value: "Stand: 03.08.2015", Origin: "text"}, "", ""},   // ambiguous without a language
		{rinse.DateHint{Value: "Februar 2018 (12)", Origin: "text"}, "de", ""}, // an archive link, no day
		{rinse.DateHint{Value: "01-11-2023 10:29", Origin: "time"}, "de", "2023-11-01"},
		{rinse.DateHint{Value: "2018-02", Origin: "meta"}, "", "2018-02-01"}, // metadata may be coarse
		{rinse.DateHint{Value: "Posted on March 3, 2020 at 5:00 pm", Origin: "text"}, "en", "2020-03-03"},
		{rinse.DateHint{Value: "März 2020", Origin: "dateline"}, "de", ""}, // a dateline must name a day too
	}
	for _, tc := range tests {
		got, ok := readHint(tc.hint, tc.lang)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tc.want {
			t.Errorf("readHint(%q, %q) = %q, want %q", tc.hint.Value, tc.lang, s, tc.want)
		}
	}
}

// pubHint is a published-date hint from origin, as the extractor makes.
func pubHint(value, origin string) rinse.DateHint {
	return rinse.DateHint{Value: value, Field: "published", Origin: origin}
}

func TestLocalDay(t *testing.T) {
	tests := []struct {
		name  string
		hints []rinse.DateHint
		want  string
	}{
		{"UTC after midnight, page shows the day before",
			[]rinse.DateHint{pubHint("2023-11-09T06:35:29Z", "json-ld"), pubHint("Nov 8, 2023 / 10:35 PM PST", "text")}, "2023-11-08"},
		{"URL holds the day before",
			[]rinse.DateHint{pubHint("2020-02-25T02:25:54+00:00", "meta"), pubHint("2020-02-24", "url")}, "2020-02-24"},
		{"a time in the page's own zone agrees with the UTC day",
			[]rinse.DateHint{pubHint("2023-10-30T23:01:18Z", "json-ld"), pubHint("2023-10-31T00:01:18+01:00", "time"), pubHint("30. Oktober 2023", "text")}, "2023-10-30"},
		{"midday: no zone moves the day",
			[]rinse.DateHint{pubHint("2023-11-02T12:27:17+00:00", "json-ld"), pubHint("Friday, November 3, 2023", "text")}, "2023-11-02"},
		{"a stated offset is the page's own zone",
			[]rinse.DateHint{pubHint("2023-11-09T06:35:29+01:00", "json-ld"), pubHint("8. November 2023", "text")}, "2023-11-09"},
		{"a <time> that gives only the day is the local day",
			[]rinse.DateHint{pubHint("Wed, 04 May 2022 00:25:56 GMT", "json-ld"), pubHint("2022-05-03", "time")}, "2022-05-03"},
		{"a zoneless <time> of the same instant gives the zone",
			[]rinse.DateHint{pubHint("2022-05-04T00:25:56Z", "json-ld"), pubHint("2022-05-03T20:25:56", "time")}, "2022-05-03"},
		{"midnight in Central Europe, stored in UTC",
			[]rinse.DateHint{pubHint("2022-11-06T23:00:00.000Z", "meta")}, "2022-11-07"},
		{"a page that shows the UTC day keeps it",
			[]rinse.DateHint{pubHint("2022-11-06T23:00:00Z", "meta"), pubHint("6. November 2022", "text")}, "2022-11-06"},
		{"an evening time with minutes is no midnight",
			[]rinse.DateHint{pubHint("2022-11-06T23:14:00Z", "meta")}, "2022-11-06"},
		{"only the best visible date counts",
			[]rinse.DateHint{pubHint("2023-11-09T06:35:29Z", "json-ld"), pubHint("9 November 2023", "text"), pubHint("8 November 2023", "text")}, "2023-11-09"},
	}
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range tests {
		if got := hintDate(tc.hints, "published", "de", now).Format("2006-01-02"); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestShownDate(t *testing.T) {
	day := func(s string) time.Time {
		if d, err := time.Parse(time.RFC3339, s); err == nil {
			return d
		}
		d, _ := time.Parse("2006-01-02", s)
		return d
	}
	tests := []struct {
		name     string
		pub, upd string
		hints    []rinse.DateHint
		want     string
	}{
		{"page shows only the update", "2021-01-01", "2023-04-01", []rinse.DateHint{pubHint("01.04.2023, 12:00 Uhr", "text")}, "2023-04-01"},
		{"page shows both", "2021-01-01", "2023-04-01", []rinse.DateHint{pubHint("1 January 2021", "text"), pubHint("1 April 2023", "text")}, "2021-01-01"},
		{"page shows neither", "2021-01-01", "2023-04-01", []rinse.DateHint{pubHint("5 May 2022", "text")}, "2021-01-01"},
		{"no publication date", "", "2019-06-13", nil, "2019-06-13"},
		{"a <time> on the update's day at another time is not the update", "2021-01-01", "2023-04-01T09:13:22Z",
			[]rinse.DateHint{pubHint("2023-04-01T13:47:02+01:00", "time")}, "2021-01-01"},
		{"the update's instant in another zone", "2021-01-01", "2023-04-01T09:13:22Z",
			[]rinse.DateHint{pubHint("2023-04-01T14:43:22+05:30", "time")}, "2023-04-01"},
		{"a later date only in the text is an event, not the publication", "2020-02-05", "2020-01-29",
			[]rinse.DateHint{pubHint("Das nächste Treffen ist am 5. Februar 2020", "text"), pubHint("Zuletzt am 29. Januar 2020 geändert", "text")}, "2020-01-29"},
		{"update before publication is ignored", "2021-01-01", "2020-01-01", []rinse.DateHint{pubHint("1 January 2020", "text")}, "2021-01-01"},
	}
	for _, tc := range tests {
		var pub, upd time.Time
		if tc.pub != "" {
			pub = day(tc.pub)
		}
		if tc.upd != "" {
			upd = day(tc.upd)
		}
		if got := shownDate(pub, upd, tc.hints, "de").Format("2006-01-02"); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

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

func TestCaptureDay(t *testing.T) {
	for url, want := range map[string]string{
		"https://web.archive.org/web/20170304101112/http://news.example.it/artikel/1": "2017-03-04",
		"https://web.archive.org/web/20150612083015id_/https://blog.example.de/post":  "2015-06-12",
		"https://news.example.com/2017/03/04/story":                                   "",
		"https://example.com/web/20170304/not-an-archive":                             "",
	} {
		d, ok := captureDay(url)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("captureDay(%q) = %q, want %q", url, got, want)
		}
	}
}

func TestDatesArchivedPage(t *testing.T) {
	in := &rinse.Document{
		URL:         "https://web.archive.org/web/20170304101112/http://news.example.it/artikel/1",
		Language:    "de",
		ProcessedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		DateHints:   []rinse.DateHint{pubHint("Samstag, 4. März 2017", "text"), pubHint("1. März 2017", "text")},
	}
	out, err := New(Options{}).Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.PublishedAt.Format("2006-01-02"); got != "2017-03-01" {
		t.Errorf("PublishedAt = %s, want the article's day, not the capture's", got)
	}
}
