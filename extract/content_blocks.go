package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/dom"
)

// blockKinds maps block elements to the kind of the text directly inside
// them; other block elements give paragraphs.
var blockKinds = map[atom.Atom]rinse.BlockKind{
	atom.H1: rinse.BlockHeading, atom.H2: rinse.BlockHeading, atom.H3: rinse.BlockHeading,
	atom.H4: rinse.BlockHeading, atom.H5: rinse.BlockHeading, atom.H6: rinse.BlockHeading,
	atom.Li: rinse.BlockListItem, atom.Dt: rinse.BlockListItem, atom.Dd: rinse.BlockListItem,
	atom.Blockquote: rinse.BlockQuote, atom.Tr: rinse.BlockTableRow, atom.Pre: rinse.BlockPre,
}

// blockTags break the flow of inline text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Caption: true, atom.Figure: true, atom.Hr: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Form: true,
	atom.Fieldset: true, atom.Details: true, atom.Summary: true, atom.Center: true, atom.Address: true,
	atom.Body: true, atom.Html: true,
}

// collector turns subtrees into blocks in reading order.
type collector struct {
	// spans makes <span> a block too: metadata rows put each field in a
	// span, and field patterns want them apart.
	spans  bool
	skip   map[*html.Node]bool
	blocks []rinse.Block
	// core marks the elements the scorer chose; blocks around them (from
	// a widened selection) are flagged in outer, in step with blocks.
	core   map[*html.Node]bool
	inCore int
	outer  []bool
	buf    strings.Builder
	link   int
	kinds  []rinse.BlockKind
}

func (c *collector) kind() rinse.BlockKind {
	if len(c.kinds) == 0 {
		return rinse.BlockParagraph
	}
	return c.kinds[len(c.kinds)-1]
}

// flush ends the current block.
func (c *collector) flush() {
	text := dom.Collapse(c.buf.String())
	c.buf.Reset()
	link := c.link
	c.link = 0
	if text == "" {
		return
	}
	ld := float32(min(link, len(text))) / float32(len(text))
	c.add(rinse.Block{Text: text, Kind: c.kind(), LinkDensity: ld})
}

func (c *collector) add(b rinse.Block) {
	c.blocks = append(c.blocks, b)
	c.outer = append(c.outer, c.core != nil && c.inCore == 0)
}

// walk collects n's subtree, keeping count of core elements entered.
func (c *collector) walk(n *html.Node, inLink bool) {
	if c.core[n] {
		c.flush()
		c.inCore++
		c.walkNode(n, inLink)
		c.flush()
		c.inCore--
		return
	}
	c.walkNode(n, inLink)
}

func (c *collector) walkNode(n *html.Node, inLink bool) {
	switch n.Type {
	case html.TextNode:
		c.buf.WriteString(n.Data)
		if inLink {
			c.link += len(strings.TrimSpace(n.Data))
		}
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	switch {
	case n.DataAtom == atom.Br:
		c.flush()
		return
	case n.DataAtom == atom.Pre:
		c.flush()
		c.add(rinse.Block{Text: strings.Trim(dom.Text(n), "\n"), Kind: rinse.BlockPre})
		return
	case n.DataAtom == atom.Tr:
		c.flush()
		c.row(n)
		return
	}
	k, isKind := blockKinds[n.DataAtom]
	isBlock := blockTags[n.DataAtom] || c.spans && n.DataAtom == atom.Span
	if isKind || isBlock {
		c.flush()
		if isKind {
			c.kinds = append(c.kinds, k)
		}
	} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		c.buf.WriteByte(' ')
	}
	inLink = inLink || isLink(n)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if !c.skip[ch] {
			c.walk(ch, inLink)
		}
	}
	if isKind || isBlock {
		c.flush()
		if isKind {
			c.kinds = c.kinds[:len(c.kinds)-1]
		}
	} else if isInlineSpacer(n.DataAtom) {
		c.buf.WriteByte(' ')
	}
}

// row writes a table row as one block, cells separated by " | ",
// unless its cells hold blocks of their own (layout tables).
func (c *collector) row(tr *html.Node) {
	var cells []string
	var link, total int
	outer := true // the row is outside the core when all its cells are
	for td := tr.FirstChild; td != nil; td = td.NextSibling {
		if td.Type != html.ElementNode {
			continue
		}
		if c.skip[td] {
			continue
		}
		sub := c.cell()
		sub.walk(td, false)
		sub.flush()
		if hasBlockChild(td) {
			c.blocks = append(c.blocks, sub.blocks...)
			c.outer = append(c.outer, sub.outer...)
			continue
		}
		for i, b := range sub.blocks {
			cells = append(cells, b.Text)
			total += len(b.Text)
			link += int(b.LinkDensity * float32(len(b.Text)))
			outer = outer && sub.outer[i]
		}
	}
	if len(cells) == 0 {
		return
	}
	text := strings.Join(cells, " | ")
	c.blocks = append(c.blocks, rinse.Block{Text: text, Kind: rinse.BlockTableRow, LinkDensity: float32(link) / float32(max(total, 1))})
	c.outer = append(c.outer, outer)
}

// cell returns a collector for one table cell that knows, as c does,
// which elements are the core of a widened selection and whether it is
// inside one: a layout table's cell may hold the core, or be inside it.
func (c *collector) cell() collector {
	return collector{skip: c.skip, core: c.core, inCore: c.inCore}
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.DataAtom] || blockKinds[c.DataAtom] != 0 || c.DataAtom == atom.Table) {
			return true
		}
	}
	return false
}

// isInlineSpacer marks inline elements browsers render with space around.
func isInlineSpacer(a atom.Atom) bool {
	return a == atom.Td || a == atom.Th || a == atom.Img || a == atom.Option
}

// blocksOf collects the blocks of the given subtrees in order, leaving
// out skipped elements.
func blocksOf(skip map[*html.Node]bool, nodes ...*html.Node) []rinse.Block {
	return collectBlocks(false, skip, nodes...)
}

func collectBlocks(spans bool, skip map[*html.Node]bool, nodes ...*html.Node) []rinse.Block {
	c := collector{spans: spans, skip: skip}
	for _, n := range nodes {
		c.walk(n, false)
		c.flush()
	}
	return c.blocks
}

// blocksAround collects wide, keeping blocks before the core elements
// only when they read as prose: a lead paragraph above the body, not the
// kicker or byline around it.
func blocksAround(skip map[*html.Node]bool, wide *html.Node, core []*html.Node) []rinse.Block {
	c := collector{skip: skip, core: map[*html.Node]bool{}}
	for _, n := range core {
		c.core[n] = true
	}
	c.walk(wide, false)
	c.flush()
	out := c.blocks[:0]
	seenCore := false
	for i, b := range c.blocks {
		seenCore = seenCore || !c.outer[i]
		// After the body come bios and disclaimers, not article text.
		if !c.outer[i] || !seenCore && outerProse(b) {
			out = append(out, b)
		}
	}
	return out
}

func outerProse(b rinse.Block) bool {
	return (b.Kind == rinse.BlockParagraph || b.Kind == rinse.BlockQuote) && len(b.Text) >= 100 && b.LinkDensity < 0.1
}
