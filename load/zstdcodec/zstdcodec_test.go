package zstdcodec

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/compress"
)

// TestKeptZstdWritesArrowsBytes: keeping encoders must not change a byte
// of the files.
func TestKeptZstdWritesArrowsBytes(t *testing.T) {
	c, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		t.Fatal(err)
	}
	kept, ok := c.(*keptZstd)
	if !ok {
		t.Fatalf("zstd codec is %T, want *keptZstd", c)
	}
	var sb strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&sb, "row %d: the quick brown fox %d jumps\n", i, i*i%97)
	}
	inputs := [][]byte{nil, []byte("x"), []byte(sb.String()), bytes.Repeat([]byte{0}, 1<<21)}
	for _, level := range []int{compress.DefaultCompressionLevel, 1, 3, 9} {
		for _, in := range inputs {
			got := kept.EncodeLevel(nil, in, level)
			want := kept.orig.EncodeLevel(nil, in, level)
			if !bytes.Equal(got, want) {
				t.Errorf("level %d, %d bytes: compressed differently from arrow's codec", level, len(in))
			}
			back, err := compress.Decode(kept, nil, got)
			if err != nil || !bytes.Equal(back, in) {
				t.Errorf("level %d, %d bytes: round trip failed (%v)", level, len(in), err)
			}
		}
	}
}
