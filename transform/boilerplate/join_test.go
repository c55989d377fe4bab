package boilerplate

import (
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

// TestJoinBlocksSpacing pins the text layout joinBlocks builds: words
// joined by one space, pre blocks verbatim, empty blocks skipped, wrapped
// text-dump lines joined.
func TestJoinBlocksSpacing(t *testing.T) {
	long := "The council met on Tuesday and approved the plan after a long"
	cases := []struct {
		name   string
		blocks []rinse.Block
		want   string
	}{
		{"none", nil, ""},
		{"spaces collapse", []rinse.Block{{Text: "  A \t b\n\nc  ", Kind: rinse.BlockParagraph}}, "A b c"},
		{"empty skipped", []rinse.Block{{Text: " \n ", Kind: rinse.BlockParagraph}, {Text: "One.", Kind: rinse.BlockParagraph}, {Text: "", Kind: rinse.BlockHeading}, {Text: "Two.", Kind: rinse.BlockParagraph}}, "One.\n\nTwo."},
		{"pre verbatim", []rinse.Block{{Text: "Intro.", Kind: rinse.BlockParagraph}, {Text: "  x := 1\n\ty := 2 ", Kind: rinse.BlockPre}}, "Intro.\n\n  x := 1\n\ty := 2 "},
		{"wrapped lines", []rinse.Block{{Text: long, Kind: rinse.BlockLine}, {Text: "debate  about costs.", Kind: rinse.BlockLine}}, long + " debate about costs."},
		{"wrap after a skipped line", []rinse.Block{{Text: long, Kind: rinse.BlockLine}, {Text: " ", Kind: rinse.BlockLine}, {Text: "next", Kind: rinse.BlockLine}}, long + "\n\nnext"},
		{"unicode spaces", []rinse.Block{{Text: "a\u00a0b\u2003c", Kind: rinse.BlockParagraph}}, strings.Join(strings.Fields("a\u00a0b\u2003c"), " ")},
	}
	for _, c := range cases {
		if got := joinBlocks(c.blocks); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
