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
