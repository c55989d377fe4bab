package metadata

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

func TestCleanAuthorRules(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"quoted list", `'Lena Beispiel, Raul Muster'`, "Lena Beispiel; Raul Muster"},
		{"role label before the name", "Interview: Julia Muster", "Julia Muster"},
		{"two roles before the name", "Text und Interview: Harald Beispiel", "Harald Beispiel"},
		{"second label ends the names", "Interview: Jens Muster Foto: Michael Beispiel", "Jens Muster"},
		{"date label after a comma", "Autor: Gàbor Beispiel , Datum: 15.Jun.19", "Gàbor Beispiel"},
		{"profile link run into the name", "Johanna Beispiel Alle Artikel", "Johanna Beispiel"},
		{"degree after a comma", "Grant Muster, PhD", "Grant Muster"},
		{"several degrees", "Rachel Muster, MS, RD", "Rachel Muster"},
		{"initials keep their period", "R. R.", "R. R."},
		{"sentence period goes", "Anna Muster.", "Anna Muster"},
		{"agency after a slash", "Peter Muster/SP-X", "Peter Muster"},
		{"agency credit stays whole", "AFP/The Local", "AFP/The Local"},
		{"role word before the name", "Von Online-Experte Robin Beispiel", "Robin Beispiel"},
		{"weekday before the date", "Von Tomas Muster Fr, 18. Oktober 2019", "Tomas Muster"},
		{"user name with digits", "freeman1984", "freeman1984"},
		{"byline after a date", "29. Juni 2017, 23:39 · von Tobi", "Tobi"},
		{"theme credit", "Theme: Pirate Rogue von xwolf", ""},
		{"time is no name", "01:30 Min.", ""},
		{"soft hyphens", "Mat\u00adthi\u00adas Muster", "Matthias Muster"},
		{"full-width colon after a role", "责任编辑：孔德明", "孔德明"},
		{"parenthesized middle names", "Bruno (Henrique Muster) Rodrigues", "Bruno (Henrique Muster) Rodrigues"},
		{"role in parentheses", "Anna Muster (Reporterin)", "Anna Muster"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(cleanAuthors([]string{tc.raw}, true), "; "); got != tc.want {
				t.Errorf("cleanAuthors(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}

func TestCleanAuthorGluedAndTrailingRoles(t *testing.T) {
	for raw, want := range map[string]string{
		"AuthorAnna Muster":               "Anna Muster",
		"Christoph Muster Chefredakteur":  "Christoph Muster",
		"Recipe by Anna Muster":           "Anna Muster",
		"Veröffentlicht am 19.10.19 um 3": "",
		"Follow":                          "",
	} {
		if got := strings.Join(dropJunkAuthors(cleanAuthors([]string{raw}, true)), "; "); got != want {
			t.Errorf("%q gives %q, want %q", raw, got, want)
		}
	}
}

func TestAuthorLeavesOutTheSiteName(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"publisher as author", `<meta property="og:site_name" content="Example Daily"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"EXAMPLE DAILY"}}</script>`, ``, ""},
		{"site name gives way to the byline", `<meta name="author" content="beispielblatt.de"><link rel="canonical" href="https://www.beispielblatt.de/a/1">`, `<p class="byline">Von Anna Muster</p>`, "Anna Muster"},
		{"agency after a person", `<meta property="og:site_name" content="XNN"><meta name="author" content="Rob Muster, XNN">`, ``, "Rob Muster"},
		{"site address", `<meta property="og:site_name" content="Stadtblatt"><meta name="author" content="Stadtblatt, Musterstadt, Germany">`, ``, ""},
		{"site named by the initials", `<link rel="canonical" href="https://www.drk-beispiel.de/a/1"><meta property="og:site_name" content="DRKB"><meta name="author" content="Deutsches Rotes Kreuz Beispiel">`, ``, ""},
		{"initials that are no site stay", `<meta property="og:site_name" content="AMB"><meta name="author" content="Anna Muster">`, ``, "Anna Muster"},
		{"site named in the title's later part", `<title>Ein Musikvideo : Beispielblog-Archiv | Gegründet 2005</title>`, `<h4 class="vcard author">Beispielblog-Archiv</h4><h4 class="vcard author">vom <span class="fn">Beispielblogger</span></h4>`, "Beispielblogger"},
		{"site handle after the name", `<link rel="canonical" href="https://herrbeispiel.de/a/1">`, `<div class="entry-meta-author"><a href="/author/m/">Matthias</a> <a class="author-twitter" href="https://twitter.com/herrbeispiel">herrbeispiel</a></div>`, "Matthias"},
		{"lower-case surname stays", `<link rel="canonical" href="https://beispielkoch.com/a/1">`, `<p class="byline">Mobasir muster</p>`, "Mobasir muster"},
		{"login of a given name and a surname", `<script type="application/ld+json">{"@type":"HowTo","name":"H","author":{"@type":"Person","name":"robert.muster"}}</script>`, ``, "Robert Muster"},
		{"hyphenated login stays a login", `<script type="application/ld+json">{"@type":"Article","headline":"H","author":"sarah-indra"}</script>`, ``, ""},
		{"account number declared, name shown", `<script type="application/ld+json">{"@type":"Article","headline":"H","author":{"@type":"Person","name":"CC7567"}}</script>`, `<div class="page-byline">James Muster • 8h</div>`, "James Muster"},
		{"account number declared alone", `<script type="application/ld+json">{"@type":"Article","headline":"H","author":"CC7567"}</script>`, ``, "CC7567"},
		{"a one-person blog keeps its writer", `<meta property="og:site_name" content="Anna Muster"><meta name="author" content="Anna Muster">`, ``, "Anna Muster"},
		{"bare login declared", `<script type="application/ld+json">{"@type":"Article","headline":"H","author":"apohl"}</script>`, ``, ""},
		{"bare login gives way to the byline", `<meta name="author" content="apohl">`, `<p>Von Anna Pohl</p>`, "Anna Pohl"},
		{"name without letter case stays", `<meta name="author" content="孔德明">`, ``, "孔德明"},
		{"og:article:author", `<meta property="og:article:author" content="AFP/Example Wire">`, ``, "AFP/Example Wire"},
		{"twitter written-by pair", `<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Anna Muster"><meta name="twitter:label2" content="Lesedauer"><meta name="twitter:data2" content="3 Minuten">`, ``, "Anna Muster"},
		{"reference list is no byline", strings.Repeat(`<meta name="author" content="A. Muster, ">`, 13) + `<meta name="dc.creator" content="Ben Beispiel">`, ``, "Ben Beispiel"},
		{"photo credit abbreviation", ``, `<p class="byline">zvg</p>`, ""},
		{"handle shown with its name", `<script type="application/ld+json">{"@type":"Article","headline":"H","author":"anna_muster"}</script>`, `<p>Autor: Anna Müster</p>`, "Anna Müster"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><head>" + tc.head + "</head><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := Read(root).author(); got != tc.want {
				t.Errorf("author() = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCleanAuthorsBylineGrammar: byline words and labels of many
// languages, roles and agencies after a comma, handles, initials,
// entities and markup left in values.
func TestCleanAuthorsBylineGrammar(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want []string
	}{
		{"Di Mario Rossi", []string{"Mario Rossi"}},
		{"Scritto da Giulia Bianchi", []string{"Giulia Bianchi"}},
		{"Przez Jan Kowalski", []string{"Jan Kowalski"}},
		{"Oleh Budi Santoso", []string{"Budi Santoso"}},
		{"Door Jan Jansen", []string{"Jan Jansen"}},
		{"Af Lars Hansen", []string{"Lars Hansen"}},
		{"Από Γιώργος Παπαδόπουλος", []string{"Γιώργος Παπαδόπουλος"}},
		{"Автор: Иван Петров", []string{"Иван Петров"}},
		{"Yazar: Ahmet Yılmaz", []string{"Ahmet Yılmaz"}},
		{"작성자: 김철수", []string{"김철수"}},
		{"著者：山田太郎", []string{"山田太郎"}},
		{"作者：王小明", []string{"王小明"}},
		{"Updated By: John Doe", []string{"John Doe"}},
		{"Jane Smith, Reuters", []string{"Jane Smith"}},
		{"Jane Smith, Senior Editor", []string{"Jane Smith"}},
		{"By Anna Muster, Redakteurin", []string{"Anna Muster"}},
		{"Jane Smith, Bob Roe", []string{"Jane Smith", "Bob Roe"}},
		{"J.R. Smith", []string{"J.R. Smith"}},
		{"@jdoe", []string{"@jdoe"}},
		{"jdoe@example.com", nil},
		{"Anna &amp;amp; Ben Beispiel", []string{"Anna", "Ben Beispiel"}},
		{"Anna Muster <img src=\"a.png\">", []string{"Anna Muster"}},
		{"Anna Muster <img src=\"a.png\" alt=", []string{"Anna Muster"}},
		{"/ Cory Doctorow / 10:08 am Fri Jul 19, 2013", []string{"Cory Doctorow"}},
		{"user5105user5105 3,926 gold badges", []string{"user5105"}}, // set twice, for two layouts
		{"Anna Muster Anna Muster", []string{"Anna Muster"}},
		{"JIJI", []string{"JIJI"}},
		{"R. R.", []string{"R. R."}},
	} {
		if got := cleanAuthors([]string{tc.raw}, true); !slices.Equal(got, tc.want) {
			t.Errorf("cleanAuthors(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}

// TestVisiblePersonOverDeclaredOrganisation: an organisation or agency
// in the author metadata yields to the person the byline shows.
func TestVisiblePersonOverDeclaredOrganisation(t *testing.T) {
	for _, tc := range []struct{ meta, body, want string }{
		{"Example Verlag GmbH", `<div class="byline">Von Anna Muster</div>`, "Anna Muster"},
		{"Reuters", `<div class="byline">By Jane Roe</div>`, "Jane Roe"},
		{"Reuters", `<p>No byline here.</p>`, "Reuters"},
		// The writer the byline by the headline shows over the CMS
		// account that posted the article, or over its first writer only.
		{"Ben Beispiel", `<div class="byline">Von Anna Muster</div>`, "Anna Muster"},
		{"Ben Beispiel", `<p class="meta">Von Anna Muster und Ben Beispiel</p>`, "Anna Muster; Ben Beispiel"},
		{"Ben Beispiel", `<p>Von Ben Beispiel Vom</p>`, "Ben Beispiel"}, // a word run into the name
		// A byline far from the headline is another article's.
		{"Ben Beispiel", `<div class="text"><p>` + strings.Repeat("Der Rat hat am Montag die Brücke beschlossen. ", 20) + `</p></div><div class="more"><p>Text.</p>` +
			strings.Repeat("<p>Mehr Nachrichten aus der Stadt und dem Umland. </p>", 10) + `<p>Von Anna Muster</p></div>`, "Ben Beispiel"},
	} {
		root, _ := html.Parse(strings.NewReader(`<html><head><meta name="author" content="` + tc.meta + `"></head><body><article><h1>Headline of the story</h1>` + tc.body + `<p>Text.</p></article></body></html>`))
		doc := &rinse.Document{}
		Read(root).Fill(doc, &rinse.Page{URL: "https://news.example/a"})
		if doc.Author != tc.want {
			t.Errorf("meta %q, body %s: author %q, want %q", tc.meta, tc.body, doc.Author, tc.want)
		}
	}
}

// TestPostAuthorReply: a blog that shows no byline names its writer in
// the comments the writer answers (class "bypostauthor").
func TestPostAuthorReply(t *testing.T) {
	comments := `<ol class="comments"><li class="comment"><div class="comment-author vcard"><cite class="fn">Ben Leser</cite> says:</div><p>Nice.</p></li>` +
		`<li class="comment byuser comment-author-anna bypostauthor"><div class="comment-author vcard"><img class="avatar" alt=""><cite class="fn"><a href="/">anna_schreibt</a></cite> says:</div><p>Thanks!</p></li></ol>`
	for _, tc := range []struct{ body, want string }{
		{`<p>Post text.</p>` + comments, "anna_schreibt"},
		{`<p class="byline">Von Clara Beispiel</p><p>Post text.</p>` + comments, "Clara Beispiel"},
		{`<p>Post text.</p><div class="comment bypostauthor"><p>Thanks!</p></div>`, ""},
		{`<p>Post text.</p><div class="reply bypostauthor"><p class="comment-author">MikeNils</p><p>Thanks!</p></div>`, "MikeNils"},
	} {
		root, _ := html.Parse(strings.NewReader(`<html><body><article><h1>A post</h1>` + tc.body + `</article></body></html>`))
		doc := &rinse.Document{}
		Read(root).Fill(doc, &rinse.Page{URL: "https://blog.example/a"})
		if doc.Author != tc.want {
			t.Errorf("body %s: author %q, want %q", tc.body, doc.Author, tc.want)
		}
	}
}

func TestCopyrightHolder(t *testing.T) {
	for s, want := range map[string]string{
		"© 2021 Anna Muster": "Anna Muster",
		"(c) Johannes Wolf • Weitere Rechte siehe Impressum":      "Johannes Wolf",
		"Copyright 2015-2021 by Anna Muster. All rights reserved": "Anna Muster",
		"© Example Verlag GmbH | Impressum":                       "Example Verlag GmbH", // SiteOwner wants a person
		"Bild © hr":                                               "",
		"Alle Angaben ohne Gewähr, © by the authors and a very long tail of legal text that goes on": "",
	} {
		if got := copyrightHolder(s); got != want {
			t.Errorf("copyrightHolder(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestCopyrightSiteOwner: the person holding a site's copyright, in its
// last notice (image credits come earlier), is the last resort author.
func TestCopyrightSiteOwner(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`<p>Text.</p><footer><p>(c) Johannes Wolf • Impressum</p></footer>`, "Johannes Wolf"},
		{`<figure><img src="a.jpg"><p>© Marcel Vogel</p></figure><p>Text.</p><footer>© Schweizerische Vogelwarte</footer>`, ""},
		{`<p>Text.</p><footer>© 2021 Example Media</footer>`, ""},
	} {
		root, _ := html.Parse(strings.NewReader(`<html><head><title>Ein Podcast</title></head><body>` + tc.body + `</body></html>`))
		if got := Read(root).SiteOwner(); got != tc.want {
			t.Errorf("body %s: SiteOwner %q, want %q", tc.body, got, tc.want)
		}
	}
}
