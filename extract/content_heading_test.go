package extract

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse/internal/dom"
)

func parseBody(t *testing.T, markup string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(markup))
	if err != nil {
		t.Fatal(err)
	}
	stripTags(root, nil)
	return findBody(root)
}

// contentText runs mainContent on markup and returns its blocks' text,
// one block a line.
func contentText(t *testing.T, markup string, pg page) (string, error) {
	t.Helper()
	blocks, err := mainContent(context.Background(), parseBody(t, markup), pg)
	var text []string
	for _, b := range blocks {
		text = append(text, b.Text)
	}
	return strings.Join(text, "\n"), err
}

// checkContent reports when markup's text lacks want or holds lacks.
func checkContent(t *testing.T, name, markup string, pg page, want, lacks string) {
	t.Helper()
	got, err := contentText(t, markup, pg)
	if err != nil || !strings.Contains(got, want) || lacks != "" && strings.Contains(got, lacks) {
		t.Errorf("%s: err %v, text %q; want %q without %q", name, err, got, want, lacks)
	}
}

func TestMainHeading(t *testing.T) {
	cases := []struct {
		name, markup, title, want string
	}{
		{"the h1 that is the title", `<h1>Site</h1><h1>Storm  closes the PORT</h1>`, "Storm closes the port", "Storm closes the PORT"},
		{"an h2 or h3 too", `<h3>Storm closes the port</h3>`, "Storm closes the port", "Storm closes the port"},
		{"not a paragraph", `<p>Storm closes the port</p>`, "Storm closes the port", ""},
		{"not a heading that only starts so", `<h1>Storm closes the port for a week</h1>`, "Storm closes the port", ""},
		{"no title", `<h1>Storm</h1>`, "", ""},
	}
	for _, c := range cases {
		got := ""
		if h := mainHeading(parseBody(t, c.markup), c.title, nil); h != nil {
			got = dom.Collapse(dom.Text(h))
		}
		if got != c.want {
			t.Errorf("%s: heading %q, want %q", c.name, got, c.want)
		}
	}
}

// TestHeadingKeepsItsArticle: a class word on the wrapper of a short post
// ("author-admin", as blog engines write the author into the post's
// classes) does not drop the post; the byline box beside it still goes.
func TestHeadingKeepsItsArticle(t *testing.T) {
	const markup = `<body><div class="nav"><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/phones">Phones and tablets</a>
<a href="/software">Software updates</a> <a href="/reviews">Reviews of new models</a> <a href="/about">About this blog</a>
<a href="/tips">Tips and tricks for your phone</a> <a href="/deals">Deals of the week</a> <a href="/contact">Contact the editors</a></div>
<div class="post hentry author-admin"><h2>Phone maker ships an update</h2>
<p>The phone maker released a software update for its older model today. The notes are not out yet.</p>
<div class="author-box">About the author: writes about phones.</div></div>
<div class="sidebar"><p>Archives and links to other posts on this blog, and more.</p></div></body>`
	for _, c := range []struct {
		title string
		want  bool
	}{{"Phone maker ships an update", true}, {"Another title", false}} {
		text, err := contentText(t, markup, page{title: c.title})
		got := err == nil && strings.Contains(text, "released a software update")
		if got != c.want {
			t.Errorf("title %q: article found %v (err %v, text %q), want %v", c.title, got, err, text, c.want)
		}
		if strings.Contains(text, "About the author") {
			t.Errorf("title %q: the author box stayed: %q", c.title, text)
		}
	}
}

func TestMainElement(t *testing.T) {
	cases := []struct {
		name, markup, want string
	}{
		{"one main", `<div><main id="m"><p>x</p></main></div>`, "m"},
		{"role=main", `<div id="m" role="main"><p>x</p></div>`, "m"},
		{"main wins over role", `<div role="main" id="r"><main id="m"></main></div>`, "m"},
		{"two mains", `<main id="a"></main><main id="b"></main>`, ""},
		{"none", `<div><p>x</p></div>`, ""},
	}
	for _, c := range cases {
		got := ""
		if m := mainElement(parseBody(t, c.markup), nil); m != nil {
			got = dom.Attr(m, "id")
		}
		if got != c.want {
			t.Errorf("%s: main %q, want %q", c.name, got, c.want)
		}
	}
}

// TestMainElementHoldsTheArticle: a box of long, comma-rich sentences
// outside <main> does not outscore the article inside it.
func TestMainElementHoldsTheArticle(t *testing.T) {
	box := `<div class="about"><p>We are a small, independent, reader-funded team of writers, editors, designers, and volunteers, based in three cities, working since 2009, publishing daily, and answering every letter, every email, and every call.</p>
<p>Our members, donors, partners, and friends, in twelve countries, keep us going, and we thank them, warmly, every year, in person, at our meeting, in spring.</p>
<p>Write to us, call us, visit us, or, if you prefer, send a postcard, a parcel, a poem, or a photograph, and we will, as always, reply, by hand, within a week.</p>
<p>Our archive, our library, our shop, and our café are open, on weekdays, from nine, to five, and, on Saturdays, from ten, to two, except, of course, on holidays.</p></div>`
	article := `<main><h1>Ferry fares frozen</h1><p>The harbour board kept the single fare at its old price for another year.</p>
<p>Season tickets stay the same too, the board said on Monday after its meeting in the old customs house.</p>
<p>The operator had asked for a rise to cover the cost of fuel and of the new landing stage at the north quay.</p></main>`
	for _, c := range []struct {
		name, markup, want, lacks string
	}{
		{"article in main", `<body>` + box + article + `</body>`, "kept the single fare", "reader-funded"},
		{"without main the box is taken", `<body>` + box + strings.ReplaceAll(strings.ReplaceAll(article, "<main>", "<div>"), "</main>", "</div>") + `</body>`, "reader-funded", ""},
	} {
		checkContent(t, c.name, c.markup, page{}, c.want, c.lacks)
	}
}
