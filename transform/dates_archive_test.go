package transform

import (
	"context"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

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
	out, err := NewDates(DateOptions{}).Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.PublishedAt.Format("2006-01-02"); got != "2017-03-01" {
		t.Errorf("PublishedAt = %s, want the article's day, not the capture's", got)
	}
}
