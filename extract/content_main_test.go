package extract

import (
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestListing(t *testing.T) {
	head := func(s string) rinse.Block { return rinse.Block{Text: s, Kind: rinse.BlockHeading} }
	link := func(s string) rinse.Block { return rinse.Block{Text: s, Kind: rinse.BlockParagraph, LinkDensity: 1} }
	para := func(s string) rinse.Block { return rinse.Block{Text: s, Kind: rinse.BlockParagraph} }
	teasers := []rinse.Block{
		head("Local"),
		link("Harbour ferry fares frozen for another year"), para("The board kept the single fare at its old price."),
		link("Lifeboat crew rescue walkers cut off by the tide"), para("Four walkers were brought ashore."),
		link("New bakery opens on the old market square"), para("Queues formed before seven."),
	}
	short := []rinse.Block{
		head("Midfielder out for six weeks with a knee injury"),
		para("Last updated: 27 October"),
		link("Share"), link("Pin it"), link("Add comment"),
		para("The midfielder is expected to miss six weeks after twisting his knee."),
		para("He underwent scans during the week and sat out the draw at home."),
		para("He also missed the start of the season with an ankle injury."),
		link("Edit"),
	}
	buttons := []rinse.Block{
		head("A short note"),
		link("Edit"), link("Delete"), link("Tags"),
		para("Just a quick link to a video we made with some friends last month."),
		link("Open the video"),
	}
	cases := []struct {
		name   string
		blocks []rinse.Block
		want   bool
	}{
		{"linked headlines with summaries", teasers, true},
		{"a short article with buttons around it", short, false},
		{"a one-paragraph post with edit buttons", buttons, false},
	}
	for _, c := range cases {
		if got := listing(c.blocks); got != c.want {
			t.Errorf("%s: listing = %v, want %v", c.name, got, c.want)
		}
	}
}
