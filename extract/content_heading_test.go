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
	stripTags(root)
	return findBody(root)
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
		blocks, err := mainContent(context.Background(), parseBody(t, markup), page{title: c.title})
		var text []string
		for _, b := range blocks {
			text = append(text, b.Text)
		}
		got := err == nil && strings.Contains(strings.Join(text, "\n"), "released a software update")
		if got != c.want {
			t.Errorf("title %q: article found %v (err %v, blocks %q), want %v", c.title, got, err, text, c.want)
		}
		if strings.Contains(strings.Join(text, "\n"), "About the author") {
			t.Errorf("title %q: the author box stayed: %q", c.title, text)
		}
	}
}
