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

// BenchmarkDatasetManySites writes one document for each of 200 sites
// partitioned by site, as a crawl of many sites does: every partition
// holds an open file until the commit. Watch B/op: the open files'
// buffers dominated it before they were made small.
func BenchmarkDatasetManySites(b *testing.B) {
	docs := make([]*rinse.Document, 200)
	for i := range docs {
		d := sampleDoc(i%26, fmt.Sprintf("site%03d.example.org", i))
		d.ID, d.Source = "id"+strconv.Itoa(i), fmt.Sprintf("p/%d.html", i)
		d.Text = strings.Repeat("A sentence of a short article about the harbour ferry. ", 20)
		docs[i] = d
	}
	dir := b.TempDir()
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		n++
		ds, err := OpenDataset(DatasetOptions{Dir: filepath.Join(dir, strconv.Itoa(n)), Format: "parquet", PartitionBy: []string{"site"}})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := ds.WriteDocument(d); err != nil {
				b.Fatal(err)
			}
		}
		if err := ds.Commit(rinse.Summary{Inputs: int64(len(docs)), Documents: int64(len(docs))}); err != nil {
			b.Fatal(err)
		}
	}
}
