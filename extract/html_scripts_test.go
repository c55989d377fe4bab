package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestEmptyScripts(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"javascript emptied", `<p>a</p><script>var x = "<b>";</script><p>b</p>`, `<p>a</p><script></script><p>b</p>`},
		{"style emptied", `<STYLE type="text/css">p { color: red }</STYLE>x`, `<STYLE type="text/css"></STYLE>x`},
		{"json-ld kept", `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`, `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`},
		{"untyped json kept", `<script> {"headline":"x"}</script>`, `<script> {"headline":"x"}</script>`},
		{"client template kept", `<script type="text/html"><p>row</p></script>`, `<script type="text/html"><p>row</p></script>`},
		{"escaped script body kept", `<script><!-- document.write("<script>x</script>") --></script>`, `<script><!-- document.write("<script>x</script>") --></script>`},
		{"quoted > in the tag", `<script data-x="a>b">run()</script>`, `<script data-x="a>b"></script>`},
		{"end tag with space and case", `<script>run()</SCRIPT >x`, `<script></SCRIPT >x`},
		{"not a close", `<script>a("</scripts>")</script>`, `<script></script>`},
		{"not a script tag", `<scripts>text</scripts>`, `<scripts>text</scripts>`},
		{"script named in a comment", `<!-- <script> --><p>shown</p><script>x()</script>`, `<!-- <script> --><p>shown</p><script></script>`},
		{"script as title text", `<title><script>x</script></title><script>y()</script>`, `<title><script>x</script></title><script></script>`},
		{"unterminated script left", `<script>run(`, `<script>run(`},
		{"nothing to do", `<p>plain</p>`, `<p>plain</p>`},
		{"a '<' inside a tag name", `<A<sCript>0</sCript `, `<A<sCript>0</sCript `},
		{"attributes on an end tag", `<textarea></textarea <script>0</script x`, `<textarea></textarea <script>0</script x`},
	}
	for _, tc := range tests {
		if got := emptyScripts(tc.in); got != tc.want {
			t.Errorf("%s: emptyScripts(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// visibleText is the text of a parsed page outside <script> and <style>:
// what the extractor reads.
func visibleText(page string) string {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return "error"
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode || n.Type == html.CommentNode {
			b.WriteString(n.Data)
			b.WriteByte('|')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

// FuzzEmptyScripts: emptying scripts never changes what the parser makes
// of the rest of the page.
func FuzzEmptyScripts(f *testing.F) {
	for _, s := range []string{
		`<p>a</p><script>var x = "<b>";</script><p>b</p>`,
		`<!-- <script> --><p>shown</p><script>x()</script>`,
		`<title><script>x</script></title><script>y()</script>`,
		`<textarea></textarea><script>a</script><noscript><script>b</script></noscript>`,
		`<svg><script>x</script></svg><style>p{}</style>`,
		`<script><!--<script>--></script>after</script>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		out := emptyScripts(page)
		if len(out) > len(page) {
			t.Fatalf("grew: %q -> %q", page, out)
		}
		if low := strings.ToLower(page); strings.Contains(low, "<svg") || strings.Contains(low, "<math") {
			return // foreign content parses <script> and <style> as markup
		}
		if a, b := visibleText(page), visibleText(out); a != b {
			t.Fatalf("text changed for %q:\n%q\n%q", page, a, b)
		}
	})
}
