package extract_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/extract"
	"github.com/rinse-etl/rinse/rules"
)

func profiles(t testing.TB) *rules.Set {
	t.Helper()
	set, err := rules.Load(os.DirFS("../configs"), "sites")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func extractFile(t testing.TB, opts extract.ExtractorOptions, name, url string) (*rinse.Document, error) {
	t.Helper()
	body, err := os.ReadFile("testdata/pages/" + name)
	if err != nil {
		t.Fatal(err)
	}
	page := &rinse.Page{Source: name, URL: url, Body: body, Kind: rinse.KindHTML, HTTPStatus: 200}
	return extract.NewExtractor(opts).Process(context.Background(), page)
}

func blockText(doc *rinse.Document) string {
	var parts []string
	for _, b := range doc.Blocks {
		parts = append(parts, b.Text)
	}
	return strings.Join(parts, "\n")
}

func TestExtractHTML(t *testing.T) {
	tests := []struct {
		file, url       string
		keepComments    bool
		title, author   string
		site, siteName  string
		lang, prof      string
		cats, tags      []string
		firstDate       string
		contains, lacks []string
		kinds           []rinse.BlockKind
	}{
		{
			file: "news-jsonld.html", url: "https://www.northgateherald.example/?p=991",
			title: "Harbour ferry fares frozen for another year", author: "Amara Quist; Ben Otieno",
			site: "northgateherald.example", siteName: "The Northgate Herald", lang: "en",
			cats: []string{"Local"}, tags: []string{"transport", "ferries"},
			firstDate: "2025-04-09T08:15:00+01:00",
			contains: []string{
				"Passengers on the harbour ferry will pay the same fares",
				"Fuel costs", "We would rather find savings elsewhere", "Weekly pass: £18",
				"a new timetable is expected to add two early sailings on weekdays.",
			},
			lacks: []string{"We use cookies", "Share on", "Sign up for our free newsletter", "Most read", "Council tax", "©", "By Amara", "Home"},
			kinds: []rinse.BlockKind{rinse.BlockHeading, rinse.BlockQuote, rinse.BlockListItem},
		},
		{
			file: "blog-comments.html", title: "Why my tomatoes split after the rain", author: "Dora Lindgren", lang: "en",
			tags:      []string{"tomatoes", "watering"},
			firstDate: "2024-08-21T19:40:00+00:00",
			contains:  []string{"Three days of heavy rain after a dry fortnight", "and the wasps were happy too."},
			lacks:     []string{"thick mulch", "Leave a Reply", "Recent Posts", "Earthing up leeks", "Posted on", "powered by WordPress"},
		},
		{
			file: "blog-comments.html", keepComments: true, title: "Why my tomatoes split after the rain",
			contains: []string{"Three days of heavy rain", "thick mulch of grass clippings"},
		},
		{
			// An article cut into nested CMS wrappers, a paragraph each:
			// no wrapper scores well alone, their common ancestor does.
			file: "cms-blocks.html", title: "Village hall reopens after the flood repairs",
			contains: []string{"Eighteen months after the river burst its banks", "Volunteers did most of the work",
				"done by volunteers on weekends", "we kept the people", "rehearsing a pantomime for Christmas.", "the builders who came in for the roof"},
			lacks: []string{"Bridge closure extended", "All rights reserved", "Sport"},
		},
		{
			// The standfirst in an article header is text; the rest of
			// the header (headline, subtitle, byline, share address) not.
			file:     "header-standfirst.html",
			contains: []string{"Two nights below freezing in the first week of May", "in about three weeks."},
			lacks:    []string{"A subtitle in a heading tag", "By Petra Holm", "https://www.countypost", "Farming"},
		},
		{
			// The article is rendered by script; the page repeats it in
			// <noscript>, ruby readings and all.
			file:     "noscript-article.html",
			contains: []string{"After a gap of eleven years", "bicycles travel free", "東京駅"},
			lacks:    []string{"Rendered by script", "とうきょう", "Archive"},
		},
		{
			// A comma-rich blurb in a "content"-named footer outscores an
			// article of plain sentences; the article outweighs it.
			file:     "footer-blurb.html",
			contains: []string{"Am Montag hat im Gewerbepark Süd", "Termine werden auch telefonisch vergeben."},
			lacks:    []string{"gegründet 1987", "Weitere Meldungen"},
		},
		{
			file: "mooflife-semantic.html", title: "First Ascent of Annapurna by a French Expedition",
			author: "Mountain Records Team (MRT)", site: "mooflife.com", prof: "mooflife",
			cats: []string{"Sports", "Exploration"}, tags: []string{"Annapurna", "Mountaineering", "Himalaya", "MoofLife"},
			contains: []string{"On 3 June 1950, the French climbers", "golden age of Himalayan climbing."},
			lacks:    []string{"MoofLife logo", "More moments", "Hillary", "© 2026"},
		},
		{
			// No URL; the category row and the editor line sit outside
			// the article's block, so only the profile reads them, and
			// it must recognise the page by its text through the markup.
			file: "mooflife-markup.html", prof: "mooflife", site: "mooflife.com",
			author: "History Editorial Network (HEN)", cats: []string{"Political"},
			contains: []string{"In August 1975 the Democratic People's Republic"},
			lacks:    []string{"Explore the Life Moments"},
		},
	}
	set := profiles(t)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := extractFile(t, extract.ExtractorOptions{Profiles: set, KeepComments: tt.keepComments}, tt.file, tt.url)
			if err != nil {
				t.Fatal(err)
			}
			text := blockText(doc)
			check := func(field, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", doc.Title, tt.title)
			check("author", doc.Author, tt.author)
			check("site", doc.Site, tt.site)
			check("site name", doc.SiteName, tt.siteName)
			check("language", doc.Language, tt.lang)
			check("profile", doc.Profile, tt.prof)
			for _, c := range tt.cats {
				if !slices.Contains(doc.Categories, c) {
					t.Errorf("categories %q lack %q", doc.Categories, c)
				}
			}
			for _, tag := range tt.tags {
				if !slices.Contains(doc.Tags, tag) {
					t.Errorf("tags %q lack %q", doc.Tags, tag)
				}
			}
			if tt.firstDate != "" && (len(doc.DateHints) == 0 || doc.DateHints[0].Value != tt.firstDate) {
				t.Errorf("date hints %v, want %q first", doc.DateHints, tt.firstDate)
			}
			for _, s := range tt.contains {
				if !strings.Contains(text, s) {
					t.Errorf("content lacks %q", s)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(text, s) {
					t.Errorf("content contains %q", s)
				}
			}
			for _, k := range tt.kinds {
				if !slices.ContainsFunc(doc.Blocks, func(b rinse.Block) bool { return b.Kind == k }) {
					t.Errorf("no block of kind %d", k)
				}
			}
			if doc.HTTPStatus != 200 || doc.Kind != rinse.KindHTML || doc.Source != tt.file {
				t.Errorf("copied fields: status %d kind %q source %q", doc.HTTPStatus, doc.Kind, doc.Source)
			}
			if t.Failed() {
				t.Logf("blocks:\n%s", text)
			}
		})
	}
}

func TestExtractListingHasNoContent(t *testing.T) {
	_, err := extractFile(t, extract.ExtractorOptions{}, "listing.html", "")
	if !errors.Is(err, rinse.ErrNoContent) {
		t.Fatalf("err = %v, want ErrNoContent", err)
	}
}

func TestExtractURLFromCanonicalAndDateFromPath(t *testing.T) {
	doc, err := extractFile(t, extract.ExtractorOptions{}, "news-jsonld.html", "https://northgateherald.example/?p=991")
	if err != nil {
		t.Fatal(err)
	}
	if doc.URL != "https://www.northgateherald.example/local/2025/04/09/ferry-fares-frozen" {
		t.Errorf("url = %q", doc.URL)
	}
	if !slices.ContainsFunc(doc.DateHints, func(h rinse.DateHint) bool { return h.Origin == "url" && h.Value == "2025-04-09" }) {
		t.Errorf("no url date hint in %v", doc.DateHints)
	}
	if slices.ContainsFunc(doc.DateHints, func(h rinse.DateHint) bool { return strings.Contains(h.Value, "1999") }) {
		t.Error("date hint taken from a script")
	}
}

func TestExtractText(t *testing.T) {
	body := "A Quiet Revolution in the Village Bakery\n\nBakery logo\n | Food |\nUpdated By: Local Desk\n\nThe bakery on Mill Lane switched to a wood-fired oven this spring.\nCustomers noticed the crust first.\n"
	page := &rinse.Page{Source: "bakery.txt", Body: []byte(body), Kind: rinse.KindText}
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "A Quiet Revolution in the Village Bakery" {
		t.Errorf("title = %q", doc.Title)
	}
	if len(doc.Blocks) != 6 || doc.Blocks[5].Text != "Customers noticed the crust first." || doc.Blocks[5].Kind != rinse.BlockLine {
		t.Errorf("blocks = %+v", doc.Blocks)
	}
	sentence := &rinse.Page{Body: []byte("This dump starts with a sentence.\nAnd goes on.\n"), Kind: rinse.KindText}
	doc, err = extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), sentence)
	if err != nil || doc.Title != "" {
		t.Errorf("title = %q, err %v; a sentence is no title", doc.Title, err)
	}
}

func TestExtractTextMatchesProfileByContent(t *testing.T) {
	body := "Some Moment Title Here\n\nMoofLife logo\nText of the moment goes here and on.\nExplore the Life Moments of Someone |\n"
	page := &rinse.Page{Source: "m.txt", Body: []byte(body), Kind: rinse.KindText}
	doc, err := extract.NewExtractor(extract.ExtractorOptions{Profiles: profiles(t)}).Process(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Profile != "mooflife" || doc.Site != "mooflife.com" {
		t.Errorf("profile %q site %q", doc.Profile, doc.Site)
	}
}

func TestExtractTimeout(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(ctx, &rinse.Page{Body: []byte("<p>x</p>"), Kind: rinse.KindHTML})
	if !errors.Is(err, rinse.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

func FuzzExtractHTML(f *testing.F) {
	for _, name := range []string{"news-jsonld.html", "blog-comments.html", "listing.html"} {
		if b, err := os.ReadFile("testdata/pages/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<p>unclosed <b><i>tags</b> and <table><tr><td>cells"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"Article","author":{"@id":"x"}}]}</script>`))
	f.Add([]byte("<html><body><article>" + strings.Repeat("<div>", 300) + "deep text, here, and there" + "</article>"))
	f.Add([]byte(`<noscript><span class="byline-author">Posted by A<noscript>B</span><p>text`))
	f.Add([]byte(`<script type="application/ld+json">//<![CDATA[ {"@type":"Article","datePublished":"2021"} //]]></script>`))
	ex := extract.NewExtractor(extract.ExtractorOptions{})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ex.Process(context.Background(), &rinse.Page{Body: data, Kind: rinse.KindHTML})
		if err != nil {
			if !errors.Is(err, rinse.ErrNoContent) && !errors.Is(err, rinse.ErrEmpty) && !errors.Is(err, rinse.ErrParse) {
				t.Fatalf("unexpected error category: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("document without blocks")
		}
	})
}

func FuzzExtractText(f *testing.F) {
	f.Add([]byte("Title Line Here\n\nMoofLife logo\n | A | B |\nbody text.\n"))
	f.Add([]byte("\r\n\r\n  \t\n"))
	f.Add([]byte("one"))
	ex := extract.NewExtractor(extract.ExtractorOptions{})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ex.Process(context.Background(), &rinse.Page{Body: data, Kind: rinse.KindText})
		if err != nil {
			if !errors.Is(err, rinse.ErrEmpty) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if b.Text == "" || strings.ContainsAny(b.Text, "\n\r") {
				t.Fatalf("bad line block %q", b.Text)
			}
		}
	})
}

// BenchmarkExtract measures one realistic article page per iteration.
func BenchmarkExtract(b *testing.B) {
	body, err := os.ReadFile("testdata/pages/news-jsonld.html")
	if err != nil {
		b.Fatal(err)
	}
	ex := extract.NewExtractor(extract.ExtractorOptions{Profiles: profiles(b)})
	page := &rinse.Page{Body: body, Kind: rinse.KindHTML}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := ex.Process(context.Background(), page); err != nil {
			b.Fatal(err)
		}
	}
}

func TestExtractScriptRenderedPageFallsBackToJSONLD(t *testing.T) {
	body := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Tide tables move online",
"articleBody":"The harbour office has stopped printing tide tables and now publishes them only on its website.\nPrinted copies will still be available at the library for anyone without internet access at home, the office said on Monday, and the lifeboat station will keep a copy on its notice board."}</script></head>
<body><div id="app"></div><script>render()</script></body></html>`
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), &rinse.Page{Body: []byte(body), Kind: rinse.KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 2 || !strings.HasPrefix(doc.Blocks[1].Text, "Printed copies") || doc.Title != "Tide tables move online" {
		t.Errorf("title %q blocks %+v", doc.Title, doc.Blocks)
	}
}
