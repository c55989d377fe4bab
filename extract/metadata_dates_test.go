package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
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
			got := readMeta(root).dateHints(tc.url)
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
