package extract

import "testing"

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
