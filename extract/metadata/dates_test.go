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
		{"the URL after a dateline by the headline",
			"https://blog.example.com/2017/07/12/a-post/",
			`<article><h1>A post</h1><p class="meta">3 May 2019</p>` + prose + `</article>`,
			[]rinse.DateHint{
				{Value: "3 May 2019", Field: "published", Origin: "dateline"},
				{Value: "2017-07-12", Field: "published", Origin: "url"},
			}},
		{"a comment's <time> comes after the article's",
			"https://news.example.com/a",
			`<div id="comments"><time datetime="2021-05-09T10:00:00Z">9 May</time></div><article><h1>Title</h1><time datetime="2021-05-03T08:00:00Z">3 May</time>` + prose + `</article>`,
			[]rinse.DateHint{{Value: "2021-05-03T08:00:00Z", Field: "published", Origin: "time"}}},
		{"a blog's name in the <h1>, the post's title over its text",
			"https://blog.example.com/p/1",
			`<head><title>A walk in the woods - Anna's Blog</title></head><body><h1>Anna's Blog</h1><p class="date">Sunday, 5 July 2020</p><div class="post"><h3>A walk in the woods</h3><p>12 July 2020</p>` + prose + `</div></body>`,
			[]rinse.DateHint{{Value: "12 July 2020", Field: "published", Origin: "dateline"}}},
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
			for _, h := range got { // nothing unwanted before the first wanted hint
				if h == tc.want[0] {
					break
				}
				if visible[h.Origin] == visible[tc.want[0].Origin] {
					t.Errorf("hint %+v before %+v", h, tc.want[0])
				}
			}
		})
	}
}

// visible groups the origins of dates shown on the page by kind.
var visible = map[string]string{"text": "text", "dateline": "text", "time": "time"}

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
