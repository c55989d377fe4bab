package metadata

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCandidatesNameWhereEachValueIsDeclared(t *testing.T) {
	const page = `<html lang="de"><head><title>Page title | Site</title>
<meta property="og:title" content="OG title">
<meta name="description" content="Meta description">
<link rel="canonical" href="https://example.org/a">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","author":{"@type":"Person","name":"Ann Writer"}}</script>
</head><body><h1>Shown headline</h1><p>Text</p></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range Read(root).Candidates() {
		got = append(got, c.Field+"="+c.Value+" <- "+c.From)
	}
	want := []string{
		"title=OG title <- meta og:title",
		"title=LD headline <- JSON-LD headline",
		"title=Page title | Site <- <title>",
		"title=Shown headline <- the first <h1>",
		"description=Meta description <- meta description",
		"author=Ann Writer <- JSON-LD author",
		"url=https://example.org/a <- link rel=canonical",
		"language=de <- <html lang>",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
	// The order is the order Fill trusts them: og:title before JSON-LD
	// before <title>.
	var titles []string
	for _, g := range got {
		if strings.HasPrefix(g, "title=") {
			titles = append(titles, g)
		}
	}
	if len(titles) < 3 || !reflect.DeepEqual(titles[:3], want[:3]) {
		t.Errorf("title candidates in order %q", titles)
	}
}
