package dates

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
)

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"On 1 August 1975, in 1961, 1970s, 1961–1975",
		"Am 14. März 2023, vor 3 Tagen, 05.04.2023",
		"1975年8月1日 3日前 昨日 1970年代",
		"le 1er août 1975 il y a 2 jours l'année dernière",
		"Aug. 1st, 1975; $1975; 1,975; 555-1975; 19:75",
		"１９７５年８月１日", "31 April 2023", "in 99999999999999999999",
	} {
		f.Add(s, "en")
	}
	f.Add("05/04/2023", "")
	f.Fuzz(func(t *testing.T, text, lang string) {
		ref := time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)
		for _, d := range Find(text, lang, ref) {
			if !strings.Contains(text, d.Text) || d.Text == "" {
				t.Fatalf("date text %q not in input", d.Text)
			}
			if d.Date.Location() != time.UTC || d.Date.Hour() != 0 || d.Precision == "" {
				t.Fatalf("bad date %+v", d)
			}
		}
	})
}

func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{
		"2023-03-14T09:00:00+01:00", "Tue, 14 Mar 2023 09:00:00 EST", "1678780800",
		"/2023/03/14/x", "14. März 2023", "2023年3月14日", "20230314", "2023-02-30", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, prec, ok := ParseTimestamp(s)
		if !ok {
			return
		}
		if tm.Location() != time.UTC || prec == "" {
			t.Fatalf("ParseTimestamp(%q) = %v, %q", s, tm, prec)
		}
		if prec != PrecisionTime && (tm.Hour() != 0 || tm.Minute() != 0) {
			t.Fatalf("ParseTimestamp(%q) = %v: %s precision not at midnight", s, tm, prec)
		}
		_ = utf8.ValidString(s)
	})
}

// BenchmarkDates runs the whole stage on a ~5 KB news article.
func BenchmarkDates(b *testing.B) {
	text, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := &rinse.Document{
		Text: string(text), Language: "en",
		DateHints: []rinse.DateHint{{Value: "2023-06-10T08:00:00+01:00", Field: "published", Origin: "meta"}},
	}
	d := New(Options{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDatesArticle pins what the benchmark article yields, so the benchmark
// measures a finder that works.
func TestDatesArticle(t *testing.T) {
	text, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2023, 6, 10, 0, 0, 0, 0, time.UTC)
	got := strings.Join(dateStrings(Find(string(text), "en", ref)), "\n")
	for _, want := range []string{"14 June 1973|1973-06-14|day", "March 1962|1962-03-01|month", "1960s|1960-01-01|decade", "1880|1880-01-01|year", "Last year|2022-01-01|year", "30 September|2023-09-30|day", "2024|2024-01-01|year"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	for _, bad := range []string{"|1|", "2100|", "3,000", "1973|1973-01-01|year\n1973"} {
		if strings.Contains(got, bad) {
			t.Errorf("unexpected %q in\n%s", bad, got)
		}
	}
	t.Logf("%s", got)
}
