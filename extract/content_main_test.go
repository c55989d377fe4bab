package extract

import (
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestListing(t *testing.T) {
	head := func(s string) rinse.Block { return rinse.Block{Text: s, Kind: rinse.BlockHeading} }
	link := func(s string) rinse.Block { return rinse.Block{Text: s, Kind: rinse.BlockParagraph, LinkDensity: 1} }
	para := func(s string) rinse.Block { return rinse.Block{Text: s, Kind: rinse.BlockParagraph} }
	teasers := []rinse.Block{
		head("Local"),
		link("Harbour ferry fares frozen for another year"), para("The board kept the single fare at its old price."),
		link("Lifeboat crew rescue walkers cut off by the tide"), para("Four walkers were brought ashore."),
		link("New bakery opens on the old market square"), para("Queues formed before seven."),
	}
	short := []rinse.Block{
		head("Midfielder out for six weeks with a knee injury"),
		para("Last updated: 27 October"),
		link("Share"), link("Pin it"), link("Add comment"),
		para("The midfielder is expected to miss six weeks after twisting his knee."),
		para("He underwent scans during the week and sat out the draw at home."),
		para("He also missed the start of the season with an ankle injury."),
		link("Edit"),
	}
	buttons := []rinse.Block{
		head("A short note"),
		link("Edit"), link("Delete"), link("Tags"),
		para("Just a quick link to a video we made with some friends last month."),
		link("Open the video"),
	}
	cases := []struct {
		name   string
		blocks []rinse.Block
		want   bool
	}{
		{"linked headlines with summaries", teasers, true},
		{"a short article with buttons around it", short, false},
		{"a one-paragraph post with edit buttons", buttons, false},
	}
	for _, c := range cases {
		if got := listing(c.blocks); got != c.want {
			t.Errorf("%s: listing = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestCommentSections: a comment section never comes back as the article
// when the rules took the article too, and a wrapper of the whole page is
// not a comment section whatever its id says.
func TestCommentSections(t *testing.T) {
	comment := `<div class="comment-text"><p>I read this twice and I still think the council got the numbers wrong on the bridge.</p></div>`
	cases := []struct {
		name, markup string
		want, lacks  string
	}{
		{
			name: "article under a class rule, comments longer than it",
			markup: `<body><div class="post author-jo"><p>The council approved the bridge after a long debate on Tuesday night in the hall.</p></div>
<div id="comments">` + strings.Repeat(comment, 8) + `</div></body>`,
			want: "approved the bridge", lacks: "I read this twice",
		},
		{
			name: "a page wrapper whose id names comments",
			markup: `<body><div id="http://example.com/weblog/comments/42/"><h1>Bridge approved</h1>
<p>The council approved the bridge after a long debate on Tuesday night in the hall, and work starts in May.</p></div></body>`,
			want: "approved the bridge",
		},
	}
	for _, c := range cases {
		checkContent(t, c.name, c.markup, page{}, c.want, c.lacks)
	}
}

// TestOverlaysAreNeverTheArticle: a privacy dialog or an overlay laid
// over the page is dropped however long it is; one that wraps the
// article's headline is not.
func TestOverlaysAreNeverTheArticle(t *testing.T) {
	privacy := strings.Repeat("We and our partners store and access information on your device, such as cookies, and process personal data, such as unique identifiers. ", 6)
	article := `<div class="story"><h1>Ferry fares frozen</h1><p>The harbour board kept the single fare at its old price for another year, the chair said on Monday.</p>
<p>Season tickets stay the same too, and the night boat keeps running through the winter.</p></div>`
	cases := []struct {
		name, markup, want, lacks string
	}{
		{"body-level dialog", `<body><div role="dialog"><p>` + privacy + `</p></div>` + article + `</body>`, "kept the single fare", "partners store"},
		{"aria-modal overlay", `<body>` + article + `<div aria-modal="true"><p>` + privacy + `</p></div></body>`, "kept the single fare", "partners store"},
		{"fixed bar", `<body>` + article + `<div style="position: fixed; bottom: 0"><p>` + privacy + `</p></div></body>`, "kept the single fare", "partners store"},
		{"a dialog holding the article", `<body><div role="dialog">` + article + `</div><div class="nav"><a href="/">Home</a></div></body>`, "kept the single fare", ""},
	}
	for _, c := range cases {
		checkContent(t, c.name, c.markup, page{title: "Ferry fares frozen"}, c.want, c.lacks)
	}
}
