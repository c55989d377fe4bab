package extract_test

import (
	"context"
	"slices"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/extract"
)

// TestExtractTagsPreferThePageOwn: keywords written for search engines
// are tags only when the page has none of its own.
func TestExtractTagsPreferThePageOwn(t *testing.T) {
	body := `<article><p>The harbour ferry keeps its fares for a third year, the transport board decided on Tuesday after a long debate about fuel costs and the timetable.</p></article>`
	tests := []struct {
		name, head string
		want       []string
	}{
		{"article tags win", `<meta property="article:tag" content="ferries"><meta name="keywords" content="news, harbour, town, weather">` +
			`<script type="application/ld+json">{"@type":"NewsArticle","keywords":"transport, fares"}</script>`, []string{"ferries"}},
		{"structured keywords next", `<meta name="keywords" content="news, harbour"><script type="application/ld+json">{"@type":"NewsArticle","keywords":"transport, fares"}</script>`,
			[]string{"transport", "fares"}},
		{"meta keywords last", `<meta name="keywords" content="news, harbour">`, []string{"news", "harbour"}},
		{"a list in one tag", `<meta property="article:tag" content="partisan polarization, political science, books">`, []string{"partisan polarization", "political science", "books"}},
		{"quotation marks around tags", `<meta property="article:tag" content="„Für Tumblr”"><meta property="article:tag" content="&quot;Review&quot;"><meta property="article:tag" content="Rock 'n' Roll">`,
			[]string{"Für Tumblr", "Review", "Rock 'n' Roll"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := &rinse.Page{Body: []byte(`<html><head>` + tc.head + `</head><body>` + body + `</body></html>`), Kind: rinse.KindHTML}
			doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), page)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(doc.Tags, tc.want) {
				t.Errorf("tags = %q, want %q", doc.Tags, tc.want)
			}
		})
	}
}

// TestExtractBylineOfSeparateElements: a byline's name and date in
// elements of their own do not run together.
func TestExtractBylineOfSeparateElements(t *testing.T) {
	page := `<html><body><article><div class="byline"><a href="/autor/anna">Anna Muster</a><span>vor 5 Stunden</span></div>
<p>The harbour ferry keeps its fares for a third year, the transport board decided on Tuesday after a long debate about fuel costs and the timetable.</p></article></body></html>`
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), &rinse.Page{Body: []byte(page), Kind: rinse.KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Author != "Anna Muster" {
		t.Errorf("author = %q, want %q", doc.Author, "Anna Muster")
	}
}

func TestExtractRegion(t *testing.T) {
	tests := []struct{ head, url, want string }{
		{`<html lang="en-GB">`, "https://news.example.com/a", "GB"},
		{`<html lang="en"><meta property="og:locale" content="en_AU">`, "https://news.example.com/a", "AU"},
		{`<html lang="en">`, "https://www.example.com/en-gb/news/uk/a", "GB"},
		{`<html lang="en">`, "https://www.example.co.uk/news/a", "GB"},
		{`<html lang="en">`, "https://www.example.com/news/a", ""},
	}
	for _, tc := range tests {
		page := tc.head + `<body><article><p>The harbour ferry keeps its fares for a third year, the transport board decided on Tuesday after a long debate about fuel costs.</p></article></body></html>`
		doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), &rinse.Page{Body: []byte(page), Kind: rinse.KindHTML, URL: tc.url})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Region != tc.want {
			t.Errorf("%s %s: region %q, want %q", tc.head, tc.url, doc.Region, tc.want)
		}
	}
}

// TestExtractSectionLists: a section written as a list in one value is
// several categories.
func TestExtractSectionLists(t *testing.T) {
	body := `<article><p>The harbour ferry keeps its fares for a third year, the transport board decided on Tuesday after a long debate about fuel costs and the timetable.</p></article>`
	head := `<meta property="article:section" content="Politik, Eindrücke, Inland"><script type="application/ld+json">{"@type":"NewsArticle","articleSection":"à la une,Société"}</script>`
	page := &rinse.Page{Body: []byte(`<html><head>` + head + `</head><body>` + body + `</body></html>`), Kind: rinse.KindHTML}
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Politik", "Eindrücke", "Inland", "à la une", "Société"}; !slices.Equal(doc.Categories, want) {
		t.Errorf("categories = %q, want %q", doc.Categories, want)
	}
}
