package metadata

import (
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestTextAuthor(t *testing.T) {
	para := func(ts ...string) []rinse.Block {
		var bs []rinse.Block
		for _, t := range ts {
			bs = append(bs, rinse.Block{Text: t, Kind: rinse.BlockParagraph})
		}
		return bs
	}
	body := "Der Stadtrat hat am Montag beschlossen, die alte Brücke im Herbst zu sanieren."
	for _, tc := range []struct {
		name   string
		blocks []rinse.Block
		want   string
	}{
		{"an agency in the dateline", para("Hamburg (dpa/lno) – "+body, body), "dpa/lno"},
		{"an agency credited as the source", para(body, body, "Quelle: kathpress"), "kathpress"},
		{"an agency and its desk as the source", para(body, body, "Source: AFP/rb"), "AFP/rb"},
		{"a study as the source", para(body, body, "Quelle: Statistisches Bundesamt"), ""},
		{"a source line inside the text", para(body, "Quelle: dpa", body), ""},
		{"a signature under the text", para(body, body, "Anna Muster"), "Anna Muster"},
		{"nothing", para(body, body), ""},
	} {
		if got := TextAuthor(tc.blocks); got != tc.want {
			t.Errorf("%s: TextAuthor = %q, want %q", tc.name, got, tc.want)
		}
	}
}
