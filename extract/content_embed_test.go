package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/extract"
)

// TestExtractKeepsEmbeddedPosts: a post quoted in the story stays, even
// in a wrapper whose class says "social"; the share bar beside it goes.
func TestExtractKeepsEmbeddedPosts(t *testing.T) {
	para := "<p>The campaign drew wide attention online within hours of its launch, and the agency defended the cost of the adverts in a statement on Monday.</p>\n"
	page := `<html><body><article>` + para + para +
		`<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Is this campaign for real? Half a million dollars for a slogan.</p>— A Reader (@reader) November 18, 2019</blockquote></div>` +
		para + `<div class="social-share"><p>Share on Facebook Share on Twitter Share by email</p></div></article></body></html>`
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), &rinse.Page{Body: []byte(page), Kind: rinse.KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	text := blockText(doc)
	if !strings.Contains(text, "Half a million dollars for a slogan.") {
		t.Errorf("embedded post dropped:\n%s", text)
	}
	if strings.Contains(text, "Share on Facebook") {
		t.Errorf("share bar kept:\n%s", text)
	}
}

// TestExtractIntroBeforeLinkList: a page of a few paragraphs followed by
// a list of links (award winners, sources) is a page, not an index.
func TestExtractIntroBeforeLinkList(t *testing.T) {
	intro := `<p>Every year the readers of the magazine choose the best kitchens of the year, and this time more than forty thousand votes came in over six weeks.</p>
<p>The winners below were picked in three categories, from small flats to country houses, and each of them gets a visit from our editors in the spring.</p>`
	var links strings.Builder
	for _, name := range []string{"Studio North", "Maier Architects", "Oak and Stone", "Feinwerk", "Baumann Gardens", "Kitchen Lab"} {
		links.WriteString(`<p><a href="/pro/` + name + `">` + name + `</a></p>`)
	}
	page := `<html><body><div class="gallery">` + intro + links.String() + `</div></body></html>`
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), &rinse.Page{Body: []byte(page), Kind: rinse.KindHTML})
	if err != nil {
		t.Fatalf("page with an introduction rejected: %v", err)
	}
	if text := blockText(doc); !strings.Contains(text, "forty thousand votes") {
		t.Errorf("introduction missing:\n%s", text)
	}
}

// TestExtractKeepsWordsOfASentence: a word of a sentence set in a link
// whose class names furniture ("popup" for an annotation) stays, and
// script links inside sentences do not make the text read as a link
// list; the same class on an element of its own still goes, and so do
// screen-reader labels and bylines run into a sentence.
func TestExtractKeepsWordsOfASentence(t *testing.T) {
	note := func(w string) string {
		return `<a href="javascript:void(0);" onclick="return overlib('A note.')" class="popup">` + w + `</a>`
	}
	para := `<p>I am a ` + note("rather elderly") + ` man. The nature of my ` + note("avocations") + ` for the last thirty years has brought me into more than ordinary contact with what would seem an ` + note("interesting") + ` and somewhat singular set of men.</p>`
	page := `<html><body><article>` + para + para + para +
		`<div class="popup"><p>Subscribe to our newsletter and never miss a story again.</p></div>` +
		`<p>Read more<span class="sr-only"> about the scrivener</span> in the notes, which follow the whole story with questions for readers.</p>` +
		`<p class="post-info">Publicado por: <span class="author">Ana Muster</span> - Categoria: Saúde</p></article></body></html>`
	doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), &rinse.Page{Body: []byte(page), Kind: rinse.KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	text := blockText(doc)
	for _, want := range []string{"I am a rather elderly man. The nature of my avocations for the last thirty years", "seem an interesting and"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q:\n%s", want, text)
		}
	}
	for _, not := range []string{"Subscribe to our newsletter", "about the scrivener", "Ana Muster"} {
		if strings.Contains(text, not) {
			t.Errorf("kept %q:\n%s", not, text)
		}
	}
}

// TestExtractGalleries: a slide show of short photo captions inside a
// story goes; a gallery whose captions are the page's prose stays.
func TestExtractGalleries(t *testing.T) {
	para := "<p>The council voted on Tuesday to close the old bridge for repairs, and the work is expected to last until the end of the summer season.</p>\n"
	slides := `<div class="photo-gallery"><ul><li>Photo: Anna Muster</li><li>The bridge in 1931.</li><li>Photo: Ben Beispiel</li><li>Traffic on Monday.</li></ul></div>`
	project := `<p>The project turns a narrow terrace house into a bright family home, with a new kitchen that opens onto a garden of old fruit trees and a workshop at its end.</p>`
	prose := `<div class="project-gallery">` + project + project + project + `</div>`
	for _, tc := range []struct {
		name, body, want, not string
	}{
		{"captions", para + slides + para, "close the old bridge", "Photo: Anna Muster"},
		{"gallery page", prose, "narrow terrace house", ""},
	} {
		page := `<html><body><article>` + tc.body + `</article></body></html>`
		doc, err := extract.NewExtractor(extract.ExtractorOptions{}).Process(context.Background(), &rinse.Page{Body: []byte(page), Kind: rinse.KindHTML})
		if err != nil {
			t.Fatal(tc.name, err)
		}
		text := blockText(doc)
		if !strings.Contains(text, tc.want) || tc.not != "" && strings.Contains(text, tc.not) {
			t.Errorf("%s:\n%s", tc.name, text)
		}
	}
}
