package load

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/compress"

	"github.com/rinse-etl/rinse"
)

// BenchmarkDatasetWrite writes a hundred article-sized documents and
// commits, as the end of a small run does. The GC before each commit
// stands for the collections a run's extraction causes; "arrow-pool" is
// arrow's own zstd codec for comparison.
func BenchmarkDatasetWrite(b *testing.B) {
	kept, _ := compress.GetCodec(compress.Codecs.Zstd)
	for _, c := range []struct {
		name  string
		codec compress.Codec
	}{{"kept", kept}, {"arrow-pool", kept.(*keptZstd).orig}} {
		b.Run(c.name, func(b *testing.B) {
			compress.RegisterCodec(compress.Codecs.Zstd, c.codec)
			defer compress.RegisterCodec(compress.Codecs.Zstd, kept)
			benchWrite(b)
		})
	}
}

func benchWrite(b *testing.B) {
	docs := make([]*rinse.Document, 100)
	for i := range docs {
		d := sampleDoc(i%26, "example.org")
		d.ID, d.Source = "id"+strconv.Itoa(i), fmt.Sprintf("p/%d.html", i)
		d.Text = strings.Repeat(fmt.Sprintf("Sentence %d of a long article about the weather. ", i), 80)
		docs[i] = d
	}
	dir := b.TempDir()
	n := 0
	for b.Loop() {
		n++
		ds, err := OpenDataset(DatasetOptions{Dir: filepath.Join(dir, strconv.Itoa(n)), Format: "parquet"})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := ds.WriteDocument(d); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		runtime.GC() // twice: a sync.Pool keeps its objects through one
		runtime.GC()
		b.StartTimer()
		if err := ds.Commit(rinse.Summary{Inputs: int64(len(docs)), Documents: int64(len(docs))}); err != nil {
			b.Fatal(err)
		}
	}
}
