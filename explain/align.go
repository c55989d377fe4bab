package explain

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse"
)

// unit is one block of the page as the view shows it: a block of the
// original collection with the text nodes it was read from, or an
// image's alt text (nodes holds the <img>). Text dumps have no nodes.
type unit struct {
	block rinse.Block
	nodes []*html.Node
	image bool
}

// align hands each block the text nodes of body its text was read from.
// The collector writes every text node into exactly one block, spaces
// collapsed, and joins a table row's cells with " | ": a block's
// non-space runes are its nodes' non-space runes in order, give or take
// those separators. Blocks mostly come in document order, but a row
// whose cells hold blocks of their own comes after those blocks: so a
// block takes the earliest nodes still free that spell it, skipping
// others for the blocks after it. Images with alt text become units of
// their own where the scan meets them. A block whose nodes cannot be
// found keeps its text but no nodes. align must run before anything is
// removed from body.
func align(body *html.Node, blocks []rinse.Block) []unit {
	a := aligner{items: textItems(body, nil)}
	a.used = make([]bool, len(a.items))
	for _, b := range blocks {
		a.block(b)
	}
	for j, n := range a.items {
		if !a.used[j] && n.Type == html.ElementNode {
			a.out = append(a.out, unit{block: rinse.Block{Text: "[image] " + altText(n)}, nodes: []*html.Node{n}, image: true})
		}
	}
	return a.out
}

type aligner struct {
	items []*html.Node
	used  []bool
	first int // items before first are all used
	out   []unit
}

// block finds b's nodes and adds its unit, with the images met on the way.
func (a *aligner) block(b rinse.Block) {
	want := visible(b.Text)
	u := unit{block: b}
	var after []unit // images met inside the block, shown after it
	p := 0
	skipping := false // passed a node of another block since the last match
	for j := a.first; j < len(a.items) && p < len(want); j++ {
		if a.used[j] {
			continue
		}
		n := a.items[j]
		have := visible(n.Data)
		switch {
		case n.Type == html.ElementNode:
			img := unit{block: rinse.Block{Text: "[image] " + altText(n)}, nodes: []*html.Node{n}, image: true}
			if p == 0 {
				a.out = append(a.out, img)
			} else {
				after = append(after, img)
			}
			a.used[j] = true
			continue
		case len(have) == 0 && skipping:
			continue // spaces of a block not yet reached
		case hasAt(want, p, have):
			p += len(have)
			skipping = false
		case b.Kind == rinse.BlockTableRow && want[p] == '|':
			p++ // a separator the row put between cells
			j--
			continue
		default:
			skipping = true
			continue
		}
		a.used[j] = true
		u.nodes = append(u.nodes, n)
	}
	if p < len(want) {
		a.release(u.nodes)
		u.nodes = nil
	}
	for a.first < len(a.items) && a.used[a.first] {
		a.first++
	}
	a.out = append(a.out, u)
	a.out = append(a.out, after...)
}

// release frees the nodes of a block that could not be spelled, images
// aside (their units are out already).
func (a *aligner) release(nodes []*html.Node) {
	for j := a.first; j < len(a.items); j++ {
		for _, n := range nodes {
			if a.items[j] == n && n.Type == html.TextNode {
				a.used[j] = false
			}
		}
	}
}

// textItems lists, in document order, the text nodes under n and the
// images with alt text.
func textItems(n *html.Node, out []*html.Node) []*html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			out = append(out, c) // blank ones too: they space the words
		case c.Type == html.ElementNode && c.DataAtom == atom.Img && altText(c) != "":
			out = append(out, c)
		default:
			out = textItems(c, out)
		}
	}
	return out
}

func altText(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "alt" {
			return strings.Join(strings.Fields(a.Val), " ")
		}
	}
	return ""
}

// visible returns the runes of s that are not spaces, as the collector's
// collapsing of spaces leaves them.
func visible(s string) []rune {
	return []rune(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

func hasAt(s []rune, at int, sub []rune) bool {
	return len(sub) <= len(s)-at && slices.Equal(s[at:at+len(sub)], sub)
}

// textKey is what two renderings of one text share whatever their
// spacing and separators: its letters and digits, case folded; for a
// text without any ("|", "·"), its runes but spaces, marked apart.
func textKey(s string) string {
	k := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
	if k == "" && strings.TrimSpace(s) != "" {
		return "\x00" + string(visible(s))
	}
	return k
}
