package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// scanSeeds exercise the Tokenizer's corners.
var scanSeeds = []string{
	"a<b>c</b>d", "<p a=1 b='2' c=\"3\" d e=>f", "<br/><p a=/><p a=/ ><p/a>", "</>", "</ x>", "</",
	"<", "a<", "<!---->", "<!-->", "<!--->", "<!-- a --!> b", "<!-- a --!", "<!--", "<!DOCTYPE html>",
	"<!doc", "<!x>", "<?xml?>", "<![CDATA[a]]>b", "<![CDATA[a]>]]]>", "<script>a</script>",
	"<script><!--<script></script>--></script>x", "<script><!--</script>x", "<script><!--<scr-ipt>-->",
	"<style>a</STYLE >b", "<title><b></title >", "<textarea></textarea>", "<plaintext></plaintext>",
	"<xmp><p></xmp>", "<noscript><p></noscript>", "<p\tx\ny\fz\rw>", "<p =a>", "<p a='>'>",
	"<p a=\"", "<p a", "<a b=c", "<ſcript>x</script>", "<script>x</ſcript></script>",
	"<script><!-- <!-- < </script>", "<script><!--<script>--></script>", "<A\x00>",
}

func FuzzScanner(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, markupMode bool) {
		checkScanner(t, s, markupMode)
	})
}

func TestScanner(t *testing.T) {
	for _, s := range scanSeeds {
		checkScanner(t, s, false)
		checkScanner(t, s, true)
	}
}

// checkScanner compares scanner's tokens with the Tokenizer's. In markup
// mode both read raw-text elements as markup and CDATA as text, as the
// parser has them in foreign content.
func checkScanner(t *testing.T, s string, markupMode bool) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(s))
	z.AllowCDATA(markupMode)
	sc := scanner{s: s, cdata: markupMode}
	for i := 0; ; i++ {
		tt := z.Next()
		got := sc.next()
		raw := string(z.Raw())
		want := map[html.TokenType]tokenKind{html.ErrorToken: tokEOF, html.TextToken: tokText,
			html.StartTagToken: tokStart, html.SelfClosingTagToken: tokStart, html.EndTagToken: tokEnd,
			html.CommentToken: tokComment, html.DoctypeToken: tokComment}[tt]
		if got.kind != want {
			t.Fatalf("%q (markup %v): token %d is %v %q, scanner says %d [%d:%d]", s, markupMode, i, tt, raw, got.kind, got.start, got.end)
		}
		if tt == html.ErrorToken {
			return
		}
		if got.end-got.start != len(raw) || s[got.start:got.end] != raw {
			t.Fatalf("%q (markup %v): token %d is %v %q, scanner reads %q", s, markupMode, i, tt, raw, s[got.start:got.end])
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken || tt == html.EndTagToken {
			name, more := z.TagName()
			if strings.ReplaceAll(asciiLower(got.name), "\x00", "\ufffd") != string(name) {
				t.Fatalf("%q: tag %q, scanner says %q", s, name, got.name)
			}
			n := 0
			for more {
				_, _, more = z.TagAttr()
				n++
			}
			if got.attrs < n {
				t.Fatalf("%q: tag %q has %d attributes, scanner says %d", s, raw, n, got.attrs)
			}
			if got.selfClosing && tt != html.SelfClosingTagToken {
				t.Fatalf("%q: %q is not self-closing", s, raw)
			}
		}
		if markupMode {
			z.NextIsNotRawText()
			sc.raw = ""
		}
	}
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
