package metadata

import (
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"golang.org/x/net/html"
)

func TestDateHints(t *testing.T) {
	tests := []struct {
		name, url, html string
		want            []rinse.DateHint // expected in order, among others
	}{
		{"visible update statement is an update",
			"https://wiki.example.org/Main_Page",
			`<div id="footer-info">This page was last edited on 3 June 2019, at 10:12.</div>`,
			[]rinse.DateHint{{Value: "This page was last edited on 3 June 2019, at 10:12.", Field: "updated", Origin: "text"}}},
		{"metadata before the visible text",
			"https://news.example.com/a",
			`<head><meta property="article:published_time" content="2021-05-04T10:00:00+02:00"></head><p class="date">Posted 4 May 2021</p>`,
			[]rinse.DateHint{
				{Value: "2021-05-04T10:00:00+02:00", Field: "published", Origin: "meta"},
				{Value: "Posted 4 May 2021", Field: "published", Origin: "text"},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			got := Read(root).dateHints(tc.url)
			i := 0
			for _, h := range got {
				if i < len(tc.want) && h == tc.want[i] {
					i++
				}
			}
			if i < len(tc.want) {
				t.Errorf("hints %+v, want in order %+v", got, tc.want)
			}
		})
	}
}

func TestPathDate(t *testing.T) {
	for raw, want := range map[string]string{
		"https://news.example.com/2021/03/08/story/index.html":                                 "2021-03-08",
		"https://www.example.se/20200428/a-story-from-stockholm":                               "2020-04-28",
		"https://verein.example.de/meldungen/29-10-2021":                                       "2021-10-29",
		"https://verein.example.de/meldungen/05-10-2021":                                       "", // day or month first?
		"https://shop.example.com/item/20200199/":                                              "", // no such day
		"https://example.com/p/1234567890123/":                                                 "",
		"https://web.archive.org/web/20150612083015/http://blog.example.de/a-post/":            "",
		"https://web.archive.org/web/20150612083015/http://blog.example.de/2012/11/02/a-post/": "2012-11-02",
		"https://example.com/about":                                                            "",
	} {
		if got := pathDate(raw); got != want {
			t.Errorf("pathDate(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestURLDate: a date in the path, never the number opening a slug.
func TestURLDate(t *testing.T) {
	for raw, want := range map[string]string{
		"https://a.example/2024/05/17/headline":        "2024-05-17",
		"https://a.example/2024/5/7":                   "2024-05-07",
		"https://a.example/news/2024-05-17-headline":   "2024-05-17",
		"https://a.example/2024/05/17-things-to-do":    "",
		"https://a.example/2024/05/headline":           "",
		"https://a.example/2024/05/31-days-of-summer/": "",
		"https://a.example/p/12345":                    "",
	} {
		if got := urlDate(raw); got != want {
			t.Errorf("urlDate(%q) = %q, want %q", raw, got, want)
		}
	}
}
