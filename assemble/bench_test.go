package assemble_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/decode"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/source"
	"github.com/rinse-etl/rinse/transform/dates"
	"github.com/rinse-etl/rinse/transform/entities"
)

// testdataPages is the bundled fixture set the benchmarks run over.
const testdataPages = "../testdata/pages"

// shippedProfiles compiles the site profiles rinse ships.
func shippedProfiles(tb testing.TB) *rules.Set {
	tb.Helper()
	set, err := rules.Load(configs.Sites, "sites")
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

func standardStages(tb testing.TB) pipeline.Stages {
	tb.Helper()
	st, err := assemble.Build(assemble.Options{
		Version: "bench", Profiles: shippedProfiles(tb), EntityFS: configs.Entities, MinWords: 5, Dedup: "near",
	})
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// inputBytes is the raw size of the pages, for MB/s.
func inputBytes(tb testing.TB) int64 {
	var n int64
	var pages int
	err := (&source.Dir{Root: testdataPages}).Walk(context.Background(), func(p *rinse.Page) error {
		n += int64(len(p.Body))
		pages++
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

type discard struct{}

func (discard) WriteDocument(*rinse.Document) error           { return nil }
func (discard) WriteQuarantine(*rinse.Quarantined) error      { return nil }
func (discard) Commit(s rinse.Summary) (rinse.Summary, error) { return s, nil }
func (discard) Abort() error                                  { return nil }

// BenchmarkPipeline runs read → decode → extract → transforms over
// testdata/pages with one worker per stage, discarding the results.
func BenchmarkPipeline(b *testing.B) {
	st := standardStages(b)
	b.SetBytes(inputBytes(b))
	opts := pipeline.Options{Workers: pipeline.Workers{Decode: 1, Extract: 1, Transform: 1}}
	for b.Loop() {
		st := st
		st.Sequential = nil // dedup state would carry over between iterations
		if _, err := pipeline.Run(context.Background(), &source.Dir{Root: testdataPages}, discard{}, st, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipelineParquet is the whole run: it also writes the Parquet
// dataset (a fresh output directory per iteration).
func BenchmarkPipelineParquet(b *testing.B) {
	st := standardStages(b)
	b.SetBytes(inputBytes(b))
	opts := pipeline.Options{Workers: pipeline.Workers{Decode: 1, Extract: 1, Transform: 1}}
	st.Sequential = nil
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		ds, err := load.OpenDataset(load.DatasetOptions{Dir: filepath.Join(dir, strconv.Itoa(i))})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pipeline.Run(context.Background(), &source.Dir{Root: testdataPages}, ds, st, opts); err != nil {
			b.Fatal(err)
		}
	}
}

func buildDecoder(maxBytes int64) pipeline.PageProcessor {
	return decode.New(decode.Options{MaxBytes: maxBytes})
}

// BenchmarkPerPage runs every stage on each fixture page in turn (no
// channels), with and without the date and entity transforms: the ratio
// of the two is what normalization adds to a page's time.
func BenchmarkPerPage(b *testing.B) {
	var pages []*rinse.Page
	err := (&source.Dir{Root: testdataPages}).Walk(context.Background(), func(p *rinse.Page) error {
		if p.Err == nil {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	all := standardStages(b)
	without := all
	without.Transform = nil
	for _, t := range all.Transform {
		switch t.(type) {
		case *dates.Dates, *entities.Entities:
			continue
		}
		without.Transform = append(without.Transform, t)
	}
	for _, c := range []struct {
		name string
		st   pipeline.Stages
	}{{"all", all}, {"without-dates-entities", without}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				for _, p := range pages {
					_, _, _ = assemble.RunOne(context.Background(), c.st, p)
				}
			}
		})
	}
}
