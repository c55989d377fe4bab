package extract

import (
	"context"
	"fmt"
	"maps"
	"strings"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/explain"
)

// Thresholds of the main-content search, in non-space bytes of text.
const (
	minFirstPass = 250 // below this the first pass is doubted and the fallback tried
	minContent   = 60  // below this there is no main content at all
)

// page is what the content search knows of the page besides its tree.
type page struct {
	// keepComments keeps comment sections after the article.
	keepComments bool
	// article says the metadata declares a single article: it is never
	// taken for a listing.
	article bool
	// title is the document's title as the metadata chose it.
	title string
}

// mainContent cleans body, finds the article in it and returns its
// blocks. It modifies the tree.
func mainContent(ctx context.Context, body *html.Node, pg page) ([]rinse.Block, error) {
	stats := map[*html.Node]nodeStat{}
	total := measure(body, false, stats, nil)
	c := &cleaner{stats: stats, total: total.text, keepComments: pg.keepComments, skip: map[*html.Node]bool{}}
	c.trace = explain.From(ctx)
	c.keepLongest(body)
	c.keepHeading(body, pg.title)
	c.clean(body)
	// Kept comments are appended after the article; they must not sway
	// the choice of it.
	skip := c.skip
	if len(c.comments) > 0 {
		skip = maps.Clone(c.skip)
		for _, n := range c.comments {
			skip[n] = true
		}
	}
	blocks, chosen, err := bestBlocks(ctx, body, skip)
	if err != nil {
		return nil, err
	}
	if prose(blocks) < minContent && c.tookMost {
		// The rules took the article with the furniture (a <header>
		// wrapping the page, a "sidebar" layout column): score it all
		// but the comment sections, which are never the article.
		if blocks, chosen, err = bestBlocks(ctx, body, c.commentSections()); err != nil {
			return nil, err
		}
	}
	blocks = append(blocks, blocksOf(c.skip, outside(c.comments, chosen)...)...)
	if prose(blocks) < minContent || !pg.article && listing(blocks) {
		if c.trace != nil {
			explainNoContent(c.trace, blocks)
		}
		return nil, fmt.Errorf("extracting content: %w", rinse.ErrNoContent)
	}
	out := dropLinkRows(blocks)
	if c.trace != nil {
		c.trace.Filter(blocks, out, linkRowReason())
	}
	return out, nil
}

// commentSections returns the comment sections found, kept or dropped,
// as a skip set (nil when there are none).
func (c *cleaner) commentSections() map[*html.Node]bool {
	if len(c.comments)+len(c.dropped) == 0 {
		return nil
	}
	skip := map[*html.Node]bool{}
	for _, n := range c.comments {
		skip[n] = true
	}
	for _, n := range c.dropped {
		skip[n] = true
	}
	return skip
}

// bestBlocks scores the page without the skipped elements and returns
// the best candidate's blocks, or the whole page's prose when the
// candidate holds too little.
func bestBlocks(ctx context.Context, body *html.Node, skip map[*html.Node]bool) ([]rinse.Block, []*html.Node, error) {
	stats := map[*html.Node]nodeStat{}
	measure(body, false, stats, skip)
	s := &scorer{stats: stats, skip: skip, scores: map[*html.Node]float64{}, prose: map[*html.Node]int{}, ctx: ctx}
	if err := s.addParagraphs(body); err != nil {
		return nil, nil, err
	}
	var blocks []rinse.Block
	var chosen []*html.Node
	s.main = mainElement(body, skip)
	if top, score := s.best(); top != nil {
		chosen = s.selection(top, score)
		if m := s.massive(body, chosen, score); m != nil {
			chosen = []*html.Node{m}
		}
		if s.main != nil && within(top, []*html.Node{s.main}) {
			chosen = clip(chosen, s.main)
		}
		wide := s.widen(chosen[0].Parent, chosen)
		if wide != nil {
			blocks = blocksAround(skip, wide, chosen)
		} else {
			blocks = blocksOf(skip, chosen...)
		}
		if t := explain.From(ctx); t != nil {
			t.Choose(explain.Choice{Top: top, Score: score, Core: chosen, Wide: wide})
		}
	}
	if prose(blocks) < minFirstPass {
		if fb := fallback(blocksOf(skip, body)); prose(fb) > prose(blocks) {
			blocks, chosen = fb, []*html.Node{body}
			if t := explain.From(ctx); t != nil {
				explainFallback(t, body, blocksOf(skip, body), fb)
			}
		}
	}
	return blocks, chosen, nil
}

// clip keeps the chosen elements inside main, main itself standing for
// any that hold it: when the article is inside the page's main element,
// what lies outside it (a sibling box, a wider ancestor) is not the
// article's.
func clip(chosen []*html.Node, main *html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range chosen {
		switch {
		case within(n, []*html.Node{main}):
			out = append(out, n)
		case within(main, []*html.Node{n}):
			return []*html.Node{main}
		}
	}
	if len(out) == 0 {
		return []*html.Node{main}
	}
	return out
}

// outside returns the nodes not inside any of the chosen subtrees, nor
// inside one another.
func outside(nodes, chosen []*html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range nodes {
		if !within(n, chosen) && !within(n, out) {
			out = append(out, n)
		}
	}
	return out
}

func within(n *html.Node, roots []*html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		for _, r := range roots {
			if p == r {
				return true
			}
		}
	}
	return false
}

// prose counts the bytes of text outside links in non-heading blocks.
func prose(blocks []rinse.Block) int {
	n := 0
	for _, b := range blocks {
		if b.Kind != rinse.BlockHeading {
			n += int(float32(len(b.Text)) * (1 - b.LinkDensity))
		}
	}
	return n
}

// fallback keeps the blocks of the whole page that are not mostly links.
func fallback(blocks []rinse.Block) []rinse.Block {
	var out []rinse.Block
	for _, b := range blocks {
		if b.LinkDensity < 0.5 {
			out = append(out, b)
		}
	}
	return out
}

// listing recognises index pages: teasers, each a linked headline with a
// short summary, and no paragraph long enough to be an article's. Prose
// standing before the first teaser (an introduction of a few paragraphs,
// then a list of links) makes a page, not an index.
//
// A teaser is a linked headline of a few words: a row of buttons ("Edit",
// "Pin it", "Add comment") links too, and a short article has them. And
// teasers alternate with their summaries, where an article runs on: a
// run of paragraphs with no link between them (proseRun) is an article's.
func listing(blocks []rinse.Block) bool {
	linked, paras, longest, lead, run := 0, 0, 0, 0, 0
	for _, b := range blocks {
		switch {
		case b.LinkDensity > 0.6 && len(b.Text) < 200:
			if len(strings.Fields(b.Text)) >= teaserWords {
				linked++
			}
			run = 0
		case b.Kind != rinse.BlockHeading:
			paras++
			longest = max(longest, len(b.Text))
			if linked == 0 {
				lead += len(b.Text)
			}
			if b.LinkDensity < 0.2 && len(b.Text) >= minProseRun {
				if run++; run >= proseRun {
					return false
				}
			} else {
				run = 0
			}
		}
	}
	return linked >= 3 && linked*2 >= paras && longest < 400 && prose(blocks) < 1000 && lead < minFirstPass
}

// teaserWords is the fewest words of a linked headline; proseRun the
// paragraphs in a row, none a link, that make an article.
const (
	teaserWords = 4
	proseRun    = 3
)

// dropLinkRows removes short paragraphs and headings that are mostly a
// link: teaser lines and "read more" rows inside the body.
func dropLinkRows(blocks []rinse.Block) []rinse.Block {
	out := blocks[:0:0]
	for _, b := range blocks {
		short := len(b.Text) < 300
		if short && b.LinkDensity >= 0.6 && (b.Kind == rinse.BlockParagraph || b.Kind == rinse.BlockHeading) {
			continue
		}
		out = append(out, b)
	}
	return out
}
