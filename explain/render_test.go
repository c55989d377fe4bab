package explain

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestRenderIsSelfContainedAndEscaped(t *testing.T) {
	body := parseBody(t, `<p>Kept &lt;script&gt;alert(1)&lt;/script&gt; text</p><p>Gone</p>`)
	tr := New()
	tr.Original(body, paras("Kept <script>alert(1)</script> text", "Gone"))
	tr.Extracted(&rinse.Document{Blocks: paras("Kept <script>alert(1)</script> text")})
	tr.Origin("title", "A title", "meta og:title")
	var buf bytes.Buffer
	doc := &rinse.Document{Title: "A title", Source: "p.html"}
	if err := tr.Render(&buf, Page{Source: "p.html", Doc: doc}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script") {
		t.Error("the page holds a <script>: the block text is not escaped, or a script was added")
	}
	if regexp.MustCompile(`(?i)(src|href)=|url\(|@import`).MatchString(out) {
		t.Error("the page refers to an external resource")
	}
	for _, want := range []string{"<style>", `data-fate="kept"`, `data-fate="removed"`,
		`<tr data-field="title"><td><code>title</code></td><td>A title</td><td>meta og:title</td></tr>`} {
		if !strings.Contains(out, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

func TestRenderSaysWhyThePageFailed(t *testing.T) {
	var buf bytes.Buffer
	err := New().Render(&buf, Page{Source: "p.html", Stage: "extract", Err: errors.New("no content")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "The page failed: extract: no content") {
		t.Errorf("no failure line in %s", buf.String())
	}
}

func TestFieldsNameTheFirstCandidateHoldingTheValue(t *testing.T) {
	tr := New()
	tr.Origin("title", "Other", "meta og:title")
	tr.Origin("title", "The  Title", "<title>")
	tr.Origin("title", "the title", "the first <h1>")
	tr.Origin("tags", "#One #Two", "pattern")
	tr.Origin("url", "https://example.org/a", "link rel=canonical")
	doc := &rinse.Document{Title: "The Title", Tags: []string{"Two"}, URL: "https://example.org/a",
		Site: "example.org", Author: "Nobody"}
	got := map[string]string{}
	for _, f := range tr.fields(doc) {
		got[f.Name] = f.From
	}
	for name, want := range map[string]string{
		"title":  "<title>",
		"tags":   "pattern (part of its value)",
		"url":    "link rel=canonical",
		"site":   "the host of the address from link rel=canonical",
		"author": notFound,
	} {
		if got[name] != want {
			t.Errorf("%s from %q, want %q", name, got[name], want)
		}
	}
}
