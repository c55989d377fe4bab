package source

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
)

const sampleURLList = "\uFEFF# seeds for the March crawl\r\n" +
	"https://ledger.example/news/2024/02/ferry-timetable\r\n" +
	"\n" +
	"   http://Riverside.example/market-hall?ref=rss#comments  \n" +
	"# https://commented.example/out\n" +
	"ftp://files.example/report.pdf\n" +
	"/relative/path\n" +
	"https://\n" +
	"https://bad host.example/\n" +
	"HTTPS://UPPER.EXAMPLE/Case"

func TestURLList(t *testing.T) {
	var pages []*rinse.Page
	if err := (URLList{R: strings.NewReader(sampleURLList)}).Walk(context.Background(), collect(&pages)); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		source, url string
		bad         bool
	}{
		{"https://ledger.example/news/2024/02/ferry-timetable", "https://ledger.example/news/2024/02/ferry-timetable", false},
		{"http://Riverside.example/market-hall?ref=rss#comments", "http://Riverside.example/market-hall?ref=rss#comments", false},
		{"ftp://files.example/report.pdf", "", true},
		{"/relative/path", "", true},
		{"https://", "", true},
		{"https://bad host.example/", "", true},
		{"HTTPS://UPPER.EXAMPLE/Case", "https://UPPER.EXAMPLE/Case", false},
	}
	if len(pages) != len(want) {
		for _, p := range pages {
			t.Logf("%q %q %v", p.Source, p.URL, p.Err)
		}
		t.Fatalf("got %d pages, want %d", len(pages), len(want))
	}
	for i, w := range want {
		p := pages[i]
		if p.Source != w.source || p.URL != w.url || (p.Err != nil) != w.bad {
			t.Errorf("line %d: got Source %q URL %q Err %v; want %q %q bad=%v", i, p.Source, p.URL, p.Err, w.source, w.url, w.bad)
		}
		if w.bad && !errors.Is(p.Err, rinse.ErrParse) {
			t.Errorf("line %d: Err %v does not wrap ErrParse", i, p.Err)
		}
		if p.Body != nil || p.Kind != "" {
			t.Errorf("line %d: source set more than URL and Source", i)
		}
	}
}

func TestURLListLongLine(t *testing.T) {
	list := "https://a.example/\nhttps://b.example/" + strings.Repeat("x", 3*maxURLLine) + "\nhttps://c.example/\n"
	var pages []*rinse.Page
	if err := (URLList{R: strings.NewReader(list)}).Walk(context.Background(), collect(&pages)); err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 || pages[0].Err != nil || !errors.Is(pages[1].Err, rinse.ErrParse) || pages[2].URL != "https://c.example/" {
		t.Fatalf("pages: %+v", pages)
	}
	if len(pages[1].Source) > 100 {
		t.Errorf("overlong line kept as Source (%d bytes)", len(pages[1].Source))
	}
}

func TestURLListCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := (URLList{R: strings.NewReader(sampleURLList)}).Walk(ctx, func(*rinse.Page) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func FuzzURLList(f *testing.F) {
	f.Add(sampleURLList)
	f.Add("https://a.example/\x00\nhttp://[::1]:80/x\n")
	f.Add("http://%zz/\r\r\n#\n\n")
	f.Fuzz(func(t *testing.T, list string) {
		var pages []*rinse.Page
		if err := (URLList{R: strings.NewReader(list)}).Walk(context.Background(), collect(&pages)); err != nil {
			t.Fatal(err)
		}
		if len(pages) > strings.Count(list, "\n")+strings.Count(list, "\r")+1 {
			t.Fatalf("%d pages from %d lines", len(pages), strings.Count(list, "\n")+1)
		}
		for _, p := range pages {
			if p.Source == "" || (p.Err == nil) == (p.URL == "") {
				t.Fatalf("page %+v: need Source and exactly one of URL, Err", p)
			}
			if p.Err != nil && !errors.Is(p.Err, rinse.ErrParse) {
				t.Fatalf("uncategorised: %v", p.Err)
			}
			if p.Err == nil {
				if _, err := ParseURL(p.URL); err != nil || !utf8.ValidString(p.URL) && utf8.ValidString(p.Source) {
					t.Fatalf("yielded URL %q does not parse again: %v", p.URL, err)
				}
			}
		}
	})
}
