package dates

import (
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

func TestPreferShown(t *testing.T) {
	tests := []struct {
		name  string
		hints []rinse.DateHint
		want  string
	}{
		{"metadata date shown on the page stays",
			[]rinse.DateHint{pubHint("2021-03-02T09:00:00+01:00", "meta"), pubHint("2. März 2021", "text")}, "2021-03-02"},
		{"a later metadata date that the page shows",
			[]rinse.DateHint{pubHint("2021-03-01T09:00:00+01:00", "meta"), pubHint("2021-03-04", "meta"), pubHint("04.03.2021", "text")}, "2021-03-04"},
		{"unshown metadata date, a dateline nearby",
			[]rinse.DateHint{pubHint("2021-03-05T11:52:23", "meta"), pubHint("Stand: 04.03.2021 18:00 Uhr", "text")}, "2021-03-04"},
		{"JSON-LD and meta agree: the dateline is another date",
			[]rinse.DateHint{pubHint("2021-03-05T10:00:00+01:00", "json-ld"), pubHint("2021-03-05T10:00:00+01:00", "meta"), pubHint("Freitag, 6. März 2021", "text")}, "2021-03-05"},
		{"the best visible text is a headline, not a dateline",
			[]rinse.DateHint{pubHint("2021-03-05", "json-ld"), pubHint("Neue Regeln für Vereine gelten ab dem 1.3.2021 bundesweit", "text"), pubHint("04.03.2021", "text")}, "2021-03-05"},
		{"a visible date far off is something else",
			[]rinse.DateHint{pubHint("2021-03-05", "meta"), pubHint("12.09.2020", "text")}, "2021-03-05"},
		{"a dateline by the headline over an unshown date however far off",
			[]rinse.DateHint{pubHint("2022-11-17T10:33:13Z", "meta"), pubHint("2022-03-09", "time"), pubHint("09.03.2022", "dateline")}, "2022-03-09"},
		{"JSON-LD and <meta> agreeing stand against a dateline",
			[]rinse.DateHint{pubHint("2022-11-17T10:33:13Z", "json-ld"), pubHint("2022-11-17", "meta"), pubHint("09.03.2022", "dateline")}, "2022-11-17"},
		{"the URL's day over a re-saved date no text writes out",
			[]rinse.DateHint{pubHint("2019-06-17T18:28:00+0200", "json-ld"), pubHint("2019-06-17", "time"), pubHint("2017-07-12", "url"), pubHint("Jun 17", "text")}, "2017-07-12"},
		{"a dateline the page writes stands against the URL",
			[]rinse.DateHint{pubHint("2019-06-17T18:28:00+0200", "json-ld"), pubHint("2017-07-12", "url"), pubHint("17. Juni 2019", "text")}, "2019-06-17"},
		{"a dateline ranked above the URL stands against it",
			[]rinse.DateHint{pubHint("Posted on 3 May 2023", "text"), pubHint("2023-05-17", "url")}, "2023-05-03"},
		{"a URL a day off is a time zone, not a re-save",
			[]rinse.DateHint{pubHint("2020-02-25T09:00:00+01:00", "meta"), pubHint("2020-02-24", "url")}, "2020-02-25"},
		{"a URL month says nothing of the day",
			[]rinse.DateHint{pubHint("2020-02-25T09:00:00+01:00", "meta"), pubHint("2020-01", "url")}, "2020-02-25"},
		{"a date only in the text is not metadata",
			[]rinse.DateHint{pubHint("2021-03-05T10:00:00", "time"), pubHint("04.03.2021", "text")}, "2021-03-05"},
	}
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range tests {
		pub := hintDate(tc.hints, "published", "de", now)
		if got := preferShown(pub, tc.hints, "de", now).Format("2006-01-02"); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}
