package dates

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

// dateStrings renders dates as "text|2006-01-02|precision" for comparison.
func dateStrings(ds []rinse.Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Text + "|" + d.Date.Format("2006-01-02") + "|" + d.Precision
	}
	return out
}

var dateRef = time.Date(2023, 5, 1, 10, 30, 0, 0, time.FixedZone("", 2*3600))

func TestFindDatesForms(t *testing.T) {
	cases := []struct {
		name, lang, text string
		noRef            bool
		want             []string
	}{
		{"day month year", "en", "He arrived on 1 August 1975 in Pyongyang.", false, []string{"1 August 1975|1975-08-01|day"}},
		{"month day year", "en", "The treaty was signed on August 1, 1975, in Helsinki.", false, []string{"August 1, 1975|1975-08-01|day"}},
		{"abbreviated ordinal", "en", "Filed Aug. 1st, 1975 by the clerk.", false, []string{"Aug. 1st, 1975|1975-08-01|day"}},
		{"iso", "en", "Release date: 1975-08-01 (limited).", false, []string{"1975-08-01|1975-08-01|day"}},
		{"month year", "en", "The summit opened in May 1961 in Cairo.", false, []string{"May 1961|1961-05-01|month"}},
		{"context year", "en", "Established in 1961, the movement grew.", false, []string{"1961|1961-01-01|year"}},
		{"decade", "en", "Popular in the 1970s and again in the 1990's.", false, []string{"1970s|1970-01-01|decade", "1990's|1990-01-01|decade"}},
		{"range", "en", "He led the party 1961–1975 and from 1980 to 1985.", false, []string{"1961|1961-01-01|year", "1975|1975-01-01|year", "1980|1980-01-01|year", "1985|1985-01-01|year"}},
		{"list of years", "en", "Floods struck in 1998 and 2004.", false, []string{"1998|1998-01-01|year", "2004|2004-01-01|year"}},
		{"german day", "de", "Am 14. März 2023 trat das Gesetz in Kraft.", false, []string{"14. März 2023|2023-03-14|day"}},
		{"german decade", "de", "In den 1970er-Jahren boomte die Stadt.", false, []string{"1970er|1970-01-01|decade"}},
		{"german year", "de", "Die Firma besteht seit 1961 und im Jahr 1975 zog sie um.", false, []string{"1961|1961-01-01|year", "1975|1975-01-01|year"}},
		{"french day", "fr", "Le 4 mai 2023, le conseil a voté.", false, []string{"4 mai 2023|2023-05-04|day"}},
		{"french 1er", "fr", "Depuis le 1er août 1975, la loi s'applique.", false, []string{"1er août 1975|1975-08-01|day"}},
		{"french decade", "fr", "Dans les années 1970, la ville changea.", false, []string{"années 1970|1970-01-01|decade"}},
		{"spanish day", "es", "El 4 de mayo de 2023 se inauguró el puente.", false, []string{"4 de mayo de 2023|2023-05-04|day"}},
		{"spanish month", "es", "Las obras empezaron en marzo de 2021.", false, []string{"marzo de 2021|2021-03-01|month"}},
		{"italian day", "it", "Il 1º agosto 1975 fu firmato l'atto.", false, []string{"1º agosto 1975|1975-08-01|day"}},
		{"portuguese day", "pt", "Em 25 de abril de 1974 caiu o regime.", false, []string{"25 de abril de 1974|1974-04-25|day"}},
		{"dutch day", "nl", "Op 6 mei 2023 werd hij gekroond.", false, []string{"6 mei 2023|2023-05-06|day"}},
		{"czech day", "cs", "Vydáno 15. února 2021 v Praze.", false, []string{"15. února 2021|2021-02-15|day"}},
		{"finnish day", "fi", "Julkaistu 15. tammikuuta 2020.", false, []string{"15. tammikuuta 2020|2020-01-15|day"}},
		{"swedish day", "sv", "Publicerad 3 augusti 2021.", false, []string{"3 augusti 2021|2021-08-03|day"}},
		{"romanian day", "ro", "Publicat pe 7 octombrie 2019.", false, []string{"7 octombrie 2019|2019-10-07|day"}},
		{"greek day", "el", "Δημοσιεύθηκε 15 Μαΐου 2020.", false, []string{"15 Μαΐου 2020|2020-05-15|day"}},
		{"ukrainian day", "uk", "Опубліковано 3 січня 2020 року.", false, []string{"3 січня 2020|2020-01-03|day"}},
		{"bulgarian day", "bg", "Публикувано на 9 септември 2018.", false, []string{"9 септември 2018|2018-09-09|day"}},
		{"turkish day", "tr", "Yayınlanma: 12 Ekim 2020", false, []string{"12 Ekim 2020|2020-10-12|day"}},
		{"arabic day", "ar", "نشر في 15 مارس 2021", false, []string{"15 مارس 2021|2021-03-15|day"}},
		{"latvian year first", "lv", "Publicēts 2021. gada 5. martā", false, []string{"2021. gada 5. martā|2021-03-05|day"}},
		{"hungarian year first", "hu", "Megjelent: 2020. március 15. 10:00", false, []string{"2020. március 15|2020-03-15|day"}},
		{"lithuanian year first", "lt", "Paskelbta 2021 m. kovo 5 d.", false, []string{"2021 m. kovo 5|2021-03-05|day"}},
		{"cjk day", "ja", "1975年8月1日に加盟した。", false, []string{"1975年8月1日|1975-08-01|day"}},
		{"cjk month and year", "zh", "2023年3月发布，1961年成立。", false, []string{"2023年3月|2023-03-01|month", "1961年|1961-01-01|year"}},
		{"korean", "ko", "1975년 8월 1일에 가입했다.", false, []string{"1975년 8월 1일|1975-08-01|day"}},
		{"full-width digits", "ja", "１９７５年８月１日", false, []string{"１９７５年８月１日|1975-08-01|day"}},
		{"numeric day first", "de", "Stand: 05.04.2023", false, []string{"05.04.2023|2023-04-05|day"}},
		{"numeric us", "en", "Posted 05/04/2023 by admin", false, []string{"05/04/2023|2023-05-04|day"}},
		{"numeric unambiguous", "", "Deadline 25/12/2023.", false, []string{"25/12/2023|2023-12-25|day"}},
		{"numeric ambiguous unknown lang", "", "Deadline 05/04/2023.", false, nil},
		{"two-digit year", "de", "Erstellt am 31.10.23 um 9 Uhr", false, []string{"31.10.23|2023-10-31|day"}},
		{"two-digit year last century", "fr", "Publié le 23/09/98", false, []string{"23/09/98|1998-09-23|day"}},
		{"two-digit year unambiguous", "", "Posted 23.09.22", false, []string{"23.09.22|2022-09-23|day"}},
		{"two-digit year needs two-digit parts", "de", "Version 1.2.23 und 10-11-12", false, nil},
		{"two-digit year no IP address", "de", "Host 10.11.12.13", false, nil},
		{"spaced numeric", "fr", "mardi 10 .12 .19 à Paris", false, []string{"10 .12 .19|2019-12-10|day"}},
		{"pipe numeric", "de", "Datum: 15 | 03 | 2021", false, []string{"15 | 03 | 2021|2021-03-15|day"}},
		{"pipe iso", "", "2021|03|15", false, []string{"2021|03|15|2021-03-15|day"}},
		{"spacing unlike is no date", "de", "Seiten 15 .03. 2021", false, nil},
		{"no year uses reference", "en", "The vote is on 10 March.", false, []string{"10 March|2023-03-10|day"}},
		{"no year without reference", "en", "The vote is on 10 March.", true, nil},
		{"yesterday", "en", "Officials said yesterday that talks failed.", false, []string{"yesterday|2023-04-30|day"}},
		{"days ago", "en", "The quake hit 3 days ago.", false, []string{"3 days ago|2023-04-28|day"}},
		{"gestern", "de", "Gestern meldete die Polizei einen Unfall.", false, []string{"Gestern|2023-04-30|day"}},
		{"hier in french", "fr", "Le ministre a démissionné hier soir.", false, []string{"hier|2023-04-30|day"}},
		{"hier in german is here", "de", "Hier wohnen 300 Menschen.", false, nil},
		{"relative without reference", "en", "It rained yesterday.", true, nil},
		{"last year", "es", "El año pasado hubo sequía.", false, []string{"año pasado|2022-01-01|year"}},
		{"dedup keeps first text", "en", "On 1 August 1975 (1975-08-01) it joined.", false, []string{"1 August 1975|1975-08-01|day"}},
		{"era", "en", "Founded 1066 AD; older than 500 BC.", false, []string{"1066|1066-01-01|year"}},
		{"mid year", "en", "By mid-1975 the talks had stalled.", false, []string{"1975|1975-01-01|year"}},
		{"money", "en", "The bill came to $1975, or 1,975 dollars.", false, nil},
		{"counts", "en", "In 1975 people voted; 650 million watched; over seventy-five states.", false, nil},
		{"bare numbers", "en", "Room 1975 is on page 2001; call 555-1975 at 19:45.", false, nil},
		{"pages", "en", "See pages 1961-1975 of the report.", false, nil},
		{"lower-case may", "en", "You may 2023 times try.", false, nil},
		{"impossible day falls back to month", "en", "On 31 April 2023 nothing happened.", false, []string{"April 2023|2023-04-01|month"}},
		{"version number", "en", "Upgrade to 1.5.2023 now.", false, nil},
		{"percent", "en", "Growth in 2000% of cases.", false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ref := dateRef
			if c.noRef {
				ref = time.Time{}
			}
			got := dateStrings(Find(c.text, c.lang, ref))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Find(%q, %q)\n got %q\nwant %q", c.text, c.lang, got, c.want)
			}
		})
	}
}

func TestParseTimestamp(t *testing.T) {
	cases := []struct {
		in, want, prec string // want in RFC 3339, "" when not ok
	}{
		{"2023-03-14T09:00:00+01:00", "2023-03-14T08:00:00Z", PrecisionTime},
		{"2023-03-14T09:00:00.123-05:00", "2023-03-14T14:00:00.123Z", PrecisionTime},
		{"2023-03-14T09:00:00+0100", "2023-03-14T08:00:00Z", PrecisionTime},
		{"2023-03-14T09:00:00Z", "2023-03-14T09:00:00Z", PrecisionTime},
		{"2023-03-14T09:00", "2023-03-14T09:00:00Z", PrecisionTime},
		{"2023-03-14 09:00:00", "2023-03-14T09:00:00Z", PrecisionTime},
		{"2023-03-14 09:00:00 +0200", "2023-03-14T07:00:00Z", PrecisionTime},
		{"Tue, 14 Mar 2023 09:00:00 GMT", "2023-03-14T09:00:00Z", PrecisionTime},
		{"Tue, 14 Mar 2023 09:00:00 EST", "2023-03-14T14:00:00Z", PrecisionTime},
		{"Tue, 14 Mar 2023 09:00:00 +0530", "2023-03-14T03:30:00Z", PrecisionTime},
		{"March 14, 2023 9:00 AM", "2023-03-14T09:00:00Z", PrecisionTime},
		{"1678780800", "2023-03-14T08:00:00Z", PrecisionTime},
		{"1678780800000", "2023-03-14T08:00:00Z", PrecisionTime},
		{"20200924T15:04:34Z", "2020-09-24T15:04:34Z", PrecisionTime},
		{"2020/10/04 15:05:21", "2020-10-04T15:05:21Z", PrecisionTime},
		{"Tue Aug 25 2020 00:23:33 GMT+0200 (Central European Summer Time)", "2020-08-24T22:23:33Z", PrecisionTime},
		{"2023-03-14", "2023-03-14T00:00:00Z", precDay},
		{"20230314", "2023-03-14T00:00:00Z", precDay},
		{"2023-03", "2023-03-01T00:00:00Z", precMonth},
		{"2023", "2023-01-01T00:00:00Z", precYear},
		{"https://news.example.com/2023/03/14/budget-vote", "2023-03-14T00:00:00Z", precDay},
		{"/blog/2023-03-14-budget/", "2023-03-14T00:00:00Z", precDay},
		{"/2023/03/budget", "2023-03-01T00:00:00Z", precMonth},
		{"14 March 2023", "2023-03-14T00:00:00Z", precDay},
		{"March 14, 2023", "2023-03-14T00:00:00Z", precDay},
		{"14. März 2023", "2023-03-14T00:00:00Z", precDay},
		{"14 de marzo de 2023", "2023-03-14T00:00:00Z", precDay},
		{"2023年3月14日", "2023-03-14T00:00:00Z", precDay},
		{"Published on 14 March 2023", "2023-03-14T00:00:00Z", precDay},
		{"", "", ""},
		{"yesterday", "", ""},
		{"12345", "", ""},
		{"99999999999", "", ""},
		{"2023-02-30", "", ""},
		{"/tag/2023/page/2", "", ""},
	}
	for _, c := range cases {
		got, prec, ok := ParseTimestamp(c.in)
		if c.want == "" {
			if ok {
				t.Errorf("ParseTimestamp(%q) = %v, %s; want not ok", c.in, got, prec)
			}
			continue
		}
		if !ok || got.Format(time.RFC3339Nano) != c.want || prec != c.prec || got.Location() != time.UTC {
			t.Errorf("ParseTimestamp(%q) = %v, %q, %v; want %s, %q", c.in, got, prec, ok, c.want, c.prec)
		}
	}
}

func TestDatesProcess(t *testing.T) {
	processed := time.Date(2023, 5, 2, 0, 0, 0, 0, time.UTC)
	in := &rinse.Document{
		Text:        "Officials met yesterday. On 10 March the law passed.",
		Language:    "en",
		ProcessedAt: processed,
		DateHints: []rinse.DateHint{
			{Value: "0001-01-01T00:00:00Z", Field: "published", Origin: "json-ld"}, // placeholder: implausible
			{Value: "2031-01-01", Field: "published", Origin: "meta"},              // future: implausible
			{Value: "not a date", Field: "published", Origin: "meta"},
			{Value: "2023-05-01T09:00:00-04:00", Field: "published", Origin: "meta"},
			{Value: "2023-05", Field: "published", Origin: "url"}, // a month only: below the meta day
			{Value: "2023-05-01", Field: "updated", Origin: "time"},
		},
	}
	orig := *in
	out, err := New(Options{}).Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2023, 5, 1, 13, 0, 0, 0, time.UTC); !out.PublishedAt.Equal(want) {
		t.Errorf("PublishedAt = %v, want %v", out.PublishedAt, want)
	}
	if want := time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC); !out.UpdatedAt.Equal(want) {
		t.Errorf("UpdatedAt = %v, want %v (day-only: midnight UTC)", out.UpdatedAt, want)
	}
	want := []string{"yesterday|2023-04-30|day", "10 March|2023-03-10|day"}
	if got := dateStrings(out.Dates); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Dates = %q, want %q", got, want)
	}
	if in.Dates != nil || !in.PublishedAt.IsZero() || len(in.DateHints) != len(orig.DateHints) {
		t.Error("Process mutated its input")
	}
}

func TestDatesKeepsUpstreamPublishedAt(t *testing.T) {
	set := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	in := &rinse.Document{PublishedAt: set, DateHints: []rinse.DateHint{{Value: "2023-05-01", Field: "published"}}}
	out, err := New(Options{}).Process(context.Background(), in)
	if err != nil || !out.PublishedAt.Equal(set) {
		t.Errorf("PublishedAt = %v, %v; want %v kept", out.PublishedAt, err, set)
	}
}

func TestDatesMaxDates(t *testing.T) {
	text := strings.Repeat("In 1961, in 1962, in 1963, in 1964. ", 10)
	out, err := New(Options{MaxDates: 3}).Process(context.Background(), &rinse.Document{Text: text})
	if err != nil || len(out.Dates) != 3 {
		t.Errorf("got %d dates (%v), want 3", len(out.Dates), err)
	}
}

// TestDatesMoofLife is the acceptance example: a history page with one full
// date, one founding year, and a spelled-out count that is not a year.
func TestDatesMoofLife(t *testing.T) {
	text, err := os.ReadFile("testdata/nam-1975.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, err := New(Options{}).Process(context.Background(), &rinse.Document{Text: string(text), Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1 August 1975|1975-08-01|day", "1961|1961-01-01|year"}
	if got := dateStrings(out.Dates); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("Dates = %q, want %q", got, want)
	}
}

// TestDatesShownDay: published_date is the day in the page's own zone,
// whatever the UTC instant's date; UTC when the page gives no zone.
func TestDatesShownDay(t *testing.T) {
	for _, c := range []struct {
		hint     string
		wantUTC  string // PublishedAt in UTC
		wantDate string // PublishedDate
	}{
		{"2023-05-01T23:30:00-04:00", "2023-05-02T03:30:00Z", "2023-05-01"},
		{"2023-05-02T00:30:00+02:00", "2023-05-01T22:30:00Z", "2023-05-02"},
		{"2023-05-01T12:00:00Z", "2023-05-01T12:00:00Z", "2023-05-01"},
		{"2023-05-01T23:30:00", "2023-05-01T23:30:00Z", "2023-05-01"}, // no zone: UTC
		{"2023-05-01", "2023-05-01T00:00:00Z", "2023-05-01"},
	} {
		in := &rinse.Document{ProcessedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
			DateHints: []rinse.DateHint{{Value: c.hint, Field: "published", Origin: "json-ld"}, {Value: c.hint, Field: "updated", Origin: "meta"}}}
		out, err := New(Options{}).Process(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		if got := out.PublishedAt.UTC().Format(time.RFC3339); got != c.wantUTC {
			t.Errorf("%s: PublishedAt = %s, want %s", c.hint, got, c.wantUTC)
		}
		for name, d := range map[string]time.Time{"PublishedDate": out.PublishedDate, "UpdatedDate": out.UpdatedDate} {
			if got := d.Format(time.RFC3339); got != c.wantDate+"T00:00:00Z" {
				t.Errorf("%s: %s = %s, want %s midnight UTC", c.hint, name, got, c.wantDate)
			}
		}
	}
	set := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	out, _ := New(Options{}).Process(context.Background(), &rinse.Document{PublishedDate: set, PublishedAt: set.Add(time.Hour)})
	if !out.PublishedDate.Equal(set) {
		t.Errorf("an upstream PublishedDate is kept, got %v", out.PublishedDate)
	}
	if out, _ := New(Options{}).Process(context.Background(), &rinse.Document{}); !out.PublishedDate.IsZero() || !out.UpdatedDate.IsZero() {
		t.Error("no date: zero days")
	}
}
