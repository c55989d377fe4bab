package extract

import (
	"context"
	"fmt"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

// Thresholds of the main-content search, in non-space bytes of text.
const (
	minFirstPass = 250 // below this the first pass is doubted and the fallback tried
	minContent   = 60  // below this there is no main content at all
)

// mainContent cleans body, finds the article in it and returns its
// blocks. It modifies the tree.
func mainContent(ctx context.Context, body *html.Node, keepComments bool) ([]rinse.Block, error) {
	stats := map[*html.Node]nodeStat{}
	total := measure(body, false, stats)
	(&cleaner{stats: stats, total: total.text, keepComments: keepComments}).clean(body)
	stats = map[*html.Node]nodeStat{}
	measure(body, false, stats)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extracting content: %w: %w", rinse.ErrTimeout, err)
	}
	s := &scorer{stats: stats, scores: map[*html.Node]float64{}, ctx: ctx}
	if err := s.addParagraphs(body); err != nil {
		return nil, err
	}
	var blocks []rinse.Block
	if top, score := s.best(); top != nil {
		blocks = blocksOf(s.selection(top, score)...)
	}
	if prose(blocks) < minFirstPass {
		if fb := fallback(blocksOf(body)); prose(fb) > prose(blocks) {
			blocks = fb
		}
	}
	if prose(blocks) < minContent || listing(blocks) {
		return nil, fmt.Errorf("extracting content: %w", rinse.ErrNoContent)
	}
	return blocks, nil
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
// short summary, and no paragraph long enough to be an article's.
func listing(blocks []rinse.Block) bool {
	linked, paras, longest := 0, 0, 0
	for _, b := range blocks {
		switch {
		case b.LinkDensity > 0.6 && len(b.Text) < 200:
			linked++
		case b.Kind != rinse.BlockHeading:
			paras++
			longest = max(longest, len(b.Text))
		}
	}
	return linked >= 3 && linked*2 >= paras && longest < 400
}
