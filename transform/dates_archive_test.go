package transform

import (
	"context"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

func TestCaptureDay(t *testing.T) {
	for url, want := range map[string]string{
		"https://web.archive.org/web/20120216182711/http://news.example.it/artikel/1": "2012-02-16",
		"https://web.archive.org/web/20131110121040id_/https://blog.example.de/post":  "2013-11-10",
		"https://news.example.com/2012/02/16/story":                                   "",
		"https://example.com/web/20120216/not-an-archive":                             "",
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
	h := func(v, origin string) rinse.DateHint {
		return rinse.DateHint{Value: v, Field: "published", Origin: origin}
	}
	in := &rinse.Document{
		URL:         "https://web.archive.org/web/20120216182711/http://news.example.it/artikel/1",
		Language:    "de",
		ProcessedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		DateHints:   []rinse.DateHint{h("Donnerstag, 16. Februar 2012", "text"), h("14. Februar 2012", "text")},
	}
	out, err := NewDates(DateOptions{}).Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.PublishedAt.Format("2006-01-02"); got != "2012-02-14" {
		t.Errorf("PublishedAt = %s, want the article's day, not the capture's", got)
	}
}
