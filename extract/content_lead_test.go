package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/extract"
)

// leadPage builds an article page whose header holds head and whose
// description meta is desc.
func leadPage(desc, head string) string {
	body := strings.Repeat("<p>The council debated the budget for most of the evening, and members of every party spoke at length about schools, roads and the new library that the town has wanted for a decade.</p>\n", 4)
	return `<html><head><title>Budget passes | Town News</title>
<meta name="description" content="` + desc + `"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header class="page-intro"><h1>Budget passes after long night</h1>` + head + `</header>
<article>` + body + `</article>
<aside><h3>Related</h3><a href="/other"><p>Another story entirely with its own summary for the list of teasers here.</p></a></aside>
<footer>Contact us</footer></body></html>`
}

func TestExtractKeepsStandfirst(t *testing.T) {
	const desc = "After six hours of debate the council approved a budget that funds the new library and repairs to the old bridge."
	tests := []struct {
		name, desc, head string
		want, notWant    []string
	}{
		{name: "standfirst in the header is kept, first", desc: desc,
			head: `<div class="intro__copy"><strong>After six hours of debate</strong> the council approved a budget that funds the new library and repairs to the old bridge.</div>`,
			want: []string{"After six hours of debate the council approved"}},
		{name: "a subtitle heading is not a standfirst", desc: desc,
			head:    `<h2 class="subtitle">After six hours of debate the council approved a budget that funds the new library and repairs to the old bridge.</h2>`,
			notWant: []string{"After six hours"}},
		{name: "no standfirst on the page: the description is not invented", desc: desc,
			head: `<p class="kicker">Local politics</p>`, notWant: []string{"After six hours"}},
		{name: "short description: nothing to look for", desc: "Budget news.",
			head: `<p class="intro">Budget news. More below.</p>`, notWant: []string{"Budget news"}},
		{name: "a teaser link with the same words is not a standfirst", desc: desc,
			head:    `<a href="/story"><span>After six hours of debate the council approved a budget that funds the new library and repairs to the old bridge.</span></a>`,
			notWant: []string{"After six hours"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := &rinse.Page{Body: []byte(leadPage(tc.desc, tc.head)), Kind: rinse.KindHTML, URL: "https://town.example/budget"}
			doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), page)
			if err != nil {
				t.Fatal(err)
			}
			text := blockText(doc)
			for _, w := range tc.want {
				if !strings.HasPrefix(text, w) {
					t.Errorf("text does not start with %q:\n%s", w, text)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(text, w) {
					t.Errorf("text holds %q:\n%s", w, text)
				}
			}
			if n := strings.Count(text, "The council debated"); n != 4 {
				t.Errorf("article paragraphs: %d, want 4", n)
			}
		})
	}
}

func TestExtractStandfirstNotRepeated(t *testing.T) {
	const first = "The council debated the budget for most of the evening, and members of every party spoke at length about schools, roads and the new library that the town has wanted for a decade."
	page := &rinse.Page{Body: []byte(leadPage(first, "")), Kind: rinse.KindHTML}
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(blockText(doc), "The council debated"); n != 4 {
		t.Errorf("the description repeats the first paragraph: %d copies, want 4", n)
	}
}
