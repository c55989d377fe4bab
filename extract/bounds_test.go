package extract

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

// treeSize counts what domBound bounds: nodes and attributes, and the
// bytes of text.
func treeSize(n *html.Node) (nodes, text int) {
	nodes = 1 + len(n.Attr)
	if n.Type == html.TextNode {
		text = len(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		cn, ct := treeSize(c)
		nodes += cn
		text += ct
	}
	return nodes, text
}

// boundSeeds are markup shapes that make the parser add elements.
var boundSeeds = []string{
	"",
	"<p>w <p>w <p>w ",
	"<p><b id=1><b id=2><i id=3><p>x<p>x<p>x",
	"<a><div><a>x</div>y</a>z",
	"<b><p>x</b>y<div>z</b>",
	"<table><td>x<td>y<tr><td>z</table><table>u",
	"<table><col><col><caption>c<tr>x</table>",
	"</p></br></p><p></p>",
	"<b><i><u><s><p>1</b>2</i>3</u>4</s>5",
	"<font><font><font><font><center><p>x</font>y</font>z",
	"<noscript><b><p>x<p>y</noscript>",
	"<select><option>a<option>b</select><svg><title><b>t</svg>",
	"<a href=x><p>x</a><a href=y><p>y</a>",
	"<!DOCTYPE html><!--c--><html a=1><head><title>t</title><body b=2>x",
	"<template><b><p>x<p>y</template>",
	"<table><b><tr><td>x</b><td>y</table>",
	"<frameset><frame></frameset>",
	"<plaintext><b>x",
	"<b><table><td></b><i></table>x",
	"<p><a><div></a><p>x",
	"<dl><dt>a<dd>b<dt>c",
	"<ruby>a<rt>b<rp>c</ruby>",
	"<form><form><p>x</form>",
	"<math><mi>x<b>y</math>",
	"<image src=x><isindex>",
}

// TestDOMBound checks the bound on the seeds and on the test pages.
func TestDOMBound(t *testing.T) {
	inputs := append([]string(nil), boundSeeds...)
	files, _ := filepath.Glob("../testdata/pages/*/*.html")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	for i, in := range inputs {
		checkBound(t, fmt.Sprint(i), in)
	}
}

func FuzzDOMBound(f *testing.F) {
	for _, s := range boundSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, markup string) {
		checkBound(t, "", markup)
	})
}

// checkBound fails when either parse of markup builds a tree larger than
// domBound says.
func checkBound(t *testing.T, name, markup string) (checked bool) {
	t.Helper()
	nodes, text, err := domBound(context.Background(), markup, DOMLimits{MaxNodes: 1 << 40, MaxText: 1 << 40})
	if errors.Is(err, errTooComplex) {
		return false // refused whatever its size
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, scripting := range []bool{true, false} {
		root, err := html.ParseWithOptions(strings.NewReader(markup), html.ParseOptionEnableScripting(scripting))
		if err != nil {
			continue // a parse error builds no tree
		}
		if !scripting {
			unwrapNoscript(root)
		}
		gotNodes, gotText := treeSize(root)
		if gotNodes > nodes || gotText > text {
			t.Fatalf("%s: scripting %v: tree of %d nodes and %d text bytes, bound %d and %d\n%.2000q",
				name, scripting, gotNodes, gotText, nodes, text, markup)
		}
	}
	return true
}

// TestParseLimits: a page over a limit is quarantined as too complex
// without being parsed, and a parse stops at the page's deadline.
func TestParseLimits(t *testing.T) {
	e := NewExtractor(ExtractorOptions{DOM: DOMLimits{MaxNodes: 10_000, MaxText: 1 << 16}})
	page := func(s string) *rinse.Page { return &rinse.Page{Source: "p", Kind: rinse.KindHTML, Body: []byte(s)} }
	for name, body := range map[string]string{
		"nodes":      strings.Repeat("<p>w ", 5000),
		"text":       "<p>" + strings.Repeat("word ", 20000),
		"attributes": "<p " + strings.Repeat("a ", 12000) + ">x",
		"clones":     "<p>" + strings.Repeat("<b>", 100) + strings.Repeat("<p>x", 100),
		// Read with scripting, the attribute ends a <noscript> and 5,000
		// paragraphs follow; read without, they are one attribute value.
		"two ways": `<noscript><p title="</noscript>` + strings.Repeat("<p>w ", 5000) + `">x</p>`,
	} {
		_, err := e.Process(context.Background(), page(body))
		if !errors.Is(err, rinse.ErrTooComplex) || rinse.Reason(err) != "too-complex" {
			t.Errorf("%s: %v, want too-complex", name, err)
		}
	}
	ok := "<html><head><title>T</title></head><body><article><p>" + strings.Repeat("Some words of a sentence. ", 40) + "</p></article></body></html>"
	if _, err := e.Process(context.Background(), page(ok)); err != nil {
		t.Errorf("small page: %v", err)
	}

	// A page under the limits but slow to parse stops at its deadline.
	big := NewExtractor(ExtractorOptions{DOM: DOMLimits{MaxNodes: 1 << 30, MaxText: 1 << 30}})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := big.parse(ctx, strings.Repeat("<p>w ", 1<<20))
	if !errors.Is(err, rinse.ErrTimeout) {
		t.Errorf("slow parse: %v, want a timeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("slow parse stopped after %v", d)
	}
}

// TestDOMBoundRandom checks the bound on markup assembled from the pieces
// that make the parser add elements, in random order.
func TestDOMBoundRandom(t *testing.T) {
	pieces := []string{
		"<p>", "</p>", "<b>", "</b>", "<i id=x>", "</i>", "<a href=1 c>", "</a>", "<font a b c>", "</font>",
		"<nobr>", "</nobr>", "<div>", "</div>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<th>",
		"<caption>", "<col>", "<select>", "<option>", "</select>", "<svg>", "</svg>", "<math>", "</math>",
		"<title>", "</title>", "<style>", "</style>", "<script>", "</script>", "<noscript>", "</noscript>",
		"<textarea>", "</textarea>", "<![CDATA[", "]]>", "<!--", "-->", "x", " ", "y z", "<br>", "</br>",
		"<template>", "</template>", "<object>", "</object>", "<li>", "<ul>", "<h1>", "<form>", "</form>",
		"<frameset>", "<body a=1>", "<html b=2>", "<head>", "<foreignObject>", "<desc>", "<mi>",
		"<plaintext>", "<p a=\"", "\">", "&nGt;", "\x00", "<button>", "<applet>", "<marquee>", "<span>",
		"<strong>", "<em>", "<u>", "<s>", "<tt>", "<code>", "<small>", "<big>", "<strike>", "</pre>", "<pre>",
		"<dd>", "<dt>", "<image>", "<input>", "<hr>", "<iframe>", "</iframe>", "<xmp>", "</xmp>", "\n",
		strings.Repeat("<div>", 9), strings.Repeat("<section><p>", 5), "<b id=1><b id=2><i id=3 a b c>",
		strings.Repeat("</div>", 4), "<a id=1><a id=2>", "<td><b>x</td>", "<h1><h2>", "</h3>", "<li><li>",
		"<svg><title>x</title>", "<svg><desc><p><b id=1></p></desc><title>y</title>", "<td>x</td>", "<object></object>",
		"<math><mi>z</mi>", "</svg>", "</math>", "<title>t</title>",
		"<b><table><td>x</td></table></b>", "<h1><h2></h2></h1>", "<form><form></form></form>", "<svg><div></div></svg>",
		"<table><div></div></table>", "<select><div></div></select>", "<a><figure><div><p>x</p></div></figure></a>",
		"<svg><path/><title>x</title></svg>", "<div/>", "<p/>", "<b/>", "</image>", "<template><b></template>", "<meta></meta>", "</input>", "<svg><input></svg>",
	}
	rng := rand.New(rand.NewPCG(15, 15))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	refused := 0
	for i := range n {
		var b strings.Builder
		for range 1 + rng.IntN(200) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if !checkBound(t, fmt.Sprint("random ", i), b.String()) {
			refused++
		}
	}
	if refused > n/2 {
		t.Errorf("%d of %d refused as read two ways", refused, n)
	}
	t.Logf("%d of %d refused as read two ways", refused, n)
}

// TestDOMBoundNested checks the bound on markup that nests, where it
// follows the tree closely, after a little markup that does not.
func TestDOMBoundNested(t *testing.T) {
	tags := strings.Fields(`b i a font nobr p div span li ul table tr td select option svg math desc title
		foreignObject mi script style noscript textarea template object caption h1 g path em form button iframe`)
	texts := []string{"x", " y ", "<b>", "</title>", "<!--", "-->", "]]>", "<![CDATA[z", "a=\"", "\x00"}
	prefixes := []string{"", "<p><b id=1 c><p>", "<p><b id=1><i id=2><p>", "<svg><desc><p><b></p></desc>", "<table><b>"}
	rng := rand.New(rand.NewPCG(15, 16))
	var node func(sb *strings.Builder, depth int)
	node = func(sb *strings.Builder, depth int) {
		if depth > 5 || rng.IntN(4) == 0 {
			sb.WriteString(texts[rng.IntN(len(texts))])
			return
		}
		tag := tags[rng.IntN(len(tags))]
		fmt.Fprintf(sb, "<%s id=%d>", tag, rng.IntN(1000))
		for range rng.IntN(4) {
			node(sb, depth+1)
		}
		fmt.Fprintf(sb, "</%s>", tag)
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := range n {
		var sb strings.Builder
		sb.WriteString(prefixes[rng.IntN(len(prefixes))])
		for range 1 + rng.IntN(4) {
			node(&sb, 0)
		}
		sb.WriteString(strings.Repeat("<p>x", rng.IntN(3)))
		checkBound(t, fmt.Sprint("nested ", i), sb.String())
	}
}

// TestDOMBoundReadingsPart: markup whose two readings never meet again
// is bounded in both, not refused, up to maxForks times a page.
func TestDOMBoundReadingsPart(t *testing.T) {
	part := `<noscript><p title="</noscript>">x</p><p>after</p>`
	if !checkBound(t, "one part", part) {
		t.Error("refused markup whose readings part once")
	}
	if !checkBound(t, "svg style", `<svg><style>a{content:"</style>"}</style><p>x</p></svg><p>y</p>`) {
		t.Error("refused an SVG <style> whose readings part")
	}
	many := strings.Repeat(part, maxForks+1)
	if _, _, err := domBound(context.Background(), many, DOMLimits{}.withDefaults()); !errors.Is(err, errTooComplex) {
		t.Errorf("readings parting %d times: %v, want too complex", maxForks+1, err)
	}
}
