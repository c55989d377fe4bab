package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestNodeRules: which elements the furniture rules name, and which they
// leave alone.
func TestNodeRules(t *testing.T) {
	tests := []struct {
		el   string
		want bool
	}{
		{`<div class="vjs-control-bar">`, true},
		{`<div class="jw-controlbar">`, true},
		{`<div class="yvp-cc-settings">`, true},
		{`<div class="video-player-wrapper">`, true},
		{`<div class="full-gallery">`, true},
		{`<div class="popup-newsletter">`, true},
		{`<div class="social-media-embed">`, false}, // a quoted post, kept
		{`<div class="commentary">`, false},         // not "comment"
		{`<div class="entry-content">`, false},
		{`<p>`, false},
	}
	for _, tc := range tests {
		root, err := html.Parse(strings.NewReader("<html><body>" + tc.el + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		el := root.FirstChild.LastChild.FirstChild // html > body > el
		if got := matchRule(el) != nil; got != tc.want {
			t.Errorf("%s: furniture %v, want %v", tc.el, got, tc.want)
		}
	}
}
