package metadata

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestHeadingText(t *testing.T) {
	tests := []struct{ html, want string }{
		{`<h1><span class="dachzeile">Interne Unterlagen</span> <span class="headline">Daten gehackt</span></h1>`, "Daten gehackt"},
		{`<h1><span class="kicker">Arbeit</span> : Wie Firmen schützen</h1>`, "Wie Firmen schützen"},
		{`<h1><span class="article__kicker">Klima</span><span class="visually-hidden">: </span><span>Bohren, bis es heiß wird</span></h1>`, "Bohren, bis es heiß wird"},
		{`<h1><div class="topic-label">100. Geburtstag</div> Eine Zeitzeugin wird 100</h1>`, "Eine Zeitzeugin wird 100"},
		{`<h1><div class="entry-section"><a href="/news/">Local News | </a></div><span class="title">Storm hits the coast</span></h1>`, "Storm hits the coast"},
		{`<h1>Plain <em>headline</em> here</h1>`, "Plain headline here"},
		{`<h1><span class="kicker">Only a kicker</span></h1>`, "Only a kicker"},
		{`<h1> <span itemprop="headline"><small>Unit of the week</small><br>Medley pyramid</span> </h1>`, "Medley pyramid"},
		{`<h1><span class="entry-title__toptitle">Avoid losses</span> Retention of title explained</h1>`, "Retention of title explained"},
		{`<h1>What we do not want to hear<span class="element-invisible"> | EXAMPLE.NET</span></h1>`, "What we do not want to hear"},
		{`<h1><span class="h1small">Initiative Energy</span> Free power check for households</h1>`, "Free power check for households"},
		{`<h1><a href="/story">The <b>whole</b> headline</a></h1>`, "The whole headline"},
	}
	for _, tc := range tests {
		root, _ := html.Parse(strings.NewReader(tc.html))
		var h1 *html.Node
		var find func(*html.Node)
		find = func(n *html.Node) {
			if n.DataAtom == atom.H1 && h1 == nil {
				h1 = n
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				find(c)
			}
		}
		find(root)
		if got := headingText(h1); got != tc.want {
			t.Errorf("headingText(%s) = %q, want %q", tc.html, got, tc.want)
		}
	}
}

func TestCleanTitleHeadlineChoice(t *testing.T) {
	tests := []struct{ title, site, host, h1, want string }{
		{"Leasing oder Finanzierung", "", "example.de", "Leasing oder Finanzierung – was lohnt sich mehr?", "Leasing oder Finanzierung – was lohnt sich mehr?"},
		{"Headline here | Example", "Example", "example.com", "Headline here", "Headline here"},
		{"Short", "", "example.com", "Short but the heading is a whole different and much longer sentence", "Short"},
		{"23.01.2022 - Wierer jubelt in Antholz", "", "example.com", "", "Wierer jubelt in Antholz"},
		{"1. Februar 2022 Ministerin stellt Plan vor", "", "example.com", "", "Ministerin stellt Plan vor"},
		{"2024 Olympics open in Paris", "", "example.com", "", "2024 Olympics open in Paris"},
		{"Der Norden findet Meister - Berliner Sport Verband e.V.", "", "example.com", "", "Der Norden findet Meister"},
		{"Die Zuschauer kehren zurück • Handballverband", "", "example.com", "", "Die Zuschauer kehren zurück"},
		{"«Gute Löhne reichen nicht»", "", "example.com", "", "«Gute Löhne reichen nicht»"},
		{"„Wir bleiben“, sagt der Trainer", "", "example.com", "", "„Wir bleiben“, sagt der Trainer"},
		{"\"Left\" and \"right\"", "", "example.com", "", "\"Left\" and \"right\""},
		{"Über Anna Muster |", "", "example.com", "", "Über Anna Muster"},
		{"Contact - Example", "Example", "example.com", "", "Contact"},
	}
	for _, tc := range tests {
		if got := cleanTitle(tc.title, tc.site, tc.host, tc.h1); got != tc.want {
			t.Errorf("cleanTitle(%q, h1 %q) = %q, want %q", tc.title, tc.h1, got, tc.want)
		}
	}
}

func TestArticleHeadlineBeatsMetadataTitle(t *testing.T) {
	const page = `<html><head><title>SEO words for the story | Site</title>
<meta property="og:title" content="SEO words for the story"></head><body>
<h1 class="logo">Welcome to the pages of the Site</h1>
<article><h1>The headline readers see on the page</h1><p>Text.</p></article></body></html>`
	root, _ := html.Parse(strings.NewReader(page))
	m := Read(root)
	if m.mainH1 != "The headline readers see on the page" {
		t.Fatalf("mainH1 = %q", m.mainH1)
	}
	root2, _ := html.Parse(strings.NewReader(strings.Replace(page, "<article>", "<div>", 1)))
	if m2 := Read(root2); m2.mainH1 != "" {
		t.Errorf("an unmarked h1 outside <article> counted: %q", m2.mainH1)
	}
}

// TestShownTitle: the metadata titles are matched against the visible
// headings, and the heading's wording wins over metadata wording.
func TestShownTitle(t *testing.T) {
	tests := []struct {
		name     string
		chosen   string   // from metadata and the article's <h1>
		titles   []string // og:title, JSON-LD headline, twitter:title, <title>
		headings []string
		want     string
	}{
		{"part of a blog title", "Four Years Remaining",
			[]string{"", "", "", "Four Years Remaining » Blog Archive » Interning of small integers"},
			[]string{"Four Years Remaining", "Interning of small integers", "Leave a comment"}, "Interning of small integers"},
		{"site text after a colon", "A story : Some-Blog | Since 2005",
			[]string{"", "", "", "A story : Some-Blog | Since 2005"},
			[]string{"Some-Blog", "A story"}, "A story"},
		{"the JSON-LD headline is shown, og:title is not", "Airline to join alliance by spring",
			[]string{"Airline to join alliance by spring", "Airline sets new date for alliance membership", "", ""},
			[]string{"Airline sets new date for alliance membership", "Sign-up Successful!"}, "Airline sets new date for alliance membership"},
		{"the heading's dashes", "Tastings January - May 2020",
			[]string{"Tastings January - May 2020", "", "", ""},
			[]string{"example.com", "Tastings January – May 2020"}, "Tastings January – May 2020"},
		{"a kicker in the heading", `"Reform now" / New president elected`,
			[]string{"New president elected | EXAMPLE", "", "New president elected", ""},
			[]string{`"Reform now" / New president elected`}, "New president elected"},
		{"a teaser h1 after the matched one", "Another story in the teaser list",
			[]string{"The leader denounces attempts to silence her", "", "", ""},
			[]string{"The leader denounces attempts to silence her", "Another story in the teaser list"}, "The leader denounces attempts to silence her"},
		{"the article's h1 before a recipe card", "Juicy lemon cake from the tray: simply delicious!",
			[]string{"Juicy lemon cake from the tray | Example", "Lemon cake from the tray", "", ""},
			[]string{"Juicy lemon cake from the tray: simply delicious!", "Lemon cake from the tray"}, "Juicy lemon cake from the tray: simply delicious!"},
		{"a related post repeats a shorter title", "Cells raise factory capacity in Tennessee",
			[]string{"Cells raise factory capacity - Example News", "Cells raise factory capacity", "", ""},
			[]string{"Cells raise factory capacity in Tennessee", "Cells raise factory capacity"}, "Cells raise factory capacity in Tennessee"},
		{"the site's name never", "Headline",
			[]string{"Example | Headline", "", "", ""},
			[]string{"Example"}, "Headline"},
		{"an ellipsis written two ways", "Everything has its time...",
			[]string{"Everything has its time...", "", "", ""},
			[]string{"Market for a good life", "Everything has its time…"}, "Everything has its time…"},
		{"no heading matches", "Metadata title",
			[]string{"Metadata title", "", "", ""},
			[]string{"Something else"}, "Metadata title"},
	}
	for _, tc := range tests {
		if got := shownTitle(tc.chosen, tc.headings, tc.titles, "", "example.com"); got != tc.want {
			t.Errorf("%s: shownTitle = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestTitleHeadings(t *testing.T) {
	tests := []struct {
		name     string
		titles   []string
		headings []string
		want     []int
	}{
		{"the blog's name and the post's title both match",
			[]string{"A walk in the woods - Anna's Blog"}, []string{"Anna's Blog", "Archive", "A walk in the woods"}, []int{0, 2}},
		{"a heading holding the title with its kicker",
			[]string{"The bridge will close"}, []string{"City / The bridge will close", "More news"}, []int{0}},
		{"the site's name is never the headline",
			[]string{"News - Example"}, []string{"Example", "News"}, []int{1}},
		{"no titles",
			nil, []string{"A heading"}, nil},
	}
	for _, tc := range tests {
		if got := titleHeadings(tc.titles, tc.headings, "", "example.com"); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}
