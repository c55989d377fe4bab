package load_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/transform"
)

// The harness runs the real pipeline over pages given as text, with tiny
// stages: a page "site/path" becomes a document of that site whose text is
// the page's body; a body starting with an error marker fails in extract.
// It exercises the dataset exactly as the CLI does (admit, drain, commit).

// Error markers a body may start with.
var markers = map[string]error{
	"TIMEOUT:":   rinse.ErrTimeout,   // transient
	"NOCONTENT:": rinse.ErrNoContent, // permanent
}

type world struct {
	t     *testing.T
	dir   string
	opts  load.DatasetOptions
	pages map[string]string // source → body
	// stopAfter, when positive, interrupts the run after that many inputs.
	stopAfter int
	// filter lists sources the transform drops (nil document).
	filter map[string]bool
}

func newWorld(t *testing.T) *world {
	return &world{t: t, dir: filepath.Join(t.TempDir(), "out"), pages: map[string]string{},
		opts: load.DatasetOptions{ConfigHash: "c1", Dedup: "near"}}
}

type mapSource struct {
	w       *world
	cancel  context.CancelFunc
	sources []string
}

func (s *mapSource) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	for i, src := range s.sources {
		if s.w.stopAfter > 0 && i == s.w.stopAfter {
			s.cancel()
			return ctx.Err()
		}
		if err := yield(&rinse.Page{Source: src, Body: []byte(s.w.pages[src])}); err != nil {
			return err
		}
	}
	return nil
}

func (w *world) stages() pipeline.Stages {
	decode := pipeline.ProcessorFunc[*rinse.Page, *rinse.Page](func(_ context.Context, p *rinse.Page) (*rinse.Page, error) { return p, nil })
	extract := pipeline.ProcessorFunc[*rinse.Page, *rinse.Document](func(_ context.Context, p *rinse.Page) (*rinse.Document, error) {
		body := string(p.Body)
		for m, err := range markers {
			if strings.HasPrefix(body, m) {
				return nil, fmt.Errorf("extracting: %w", err)
			}
		}
		if w.filter[p.Source] {
			return nil, nil
		}
		site, _, _ := strings.Cut(p.Source, "/")
		return &rinse.Document{Source: p.Source, ID: rinse.DocumentID(p.Source), Site: site,
			URL: "https://" + p.Source, Text: body, ContentHash: transform.ContentHash(body), WordCount: 1}, nil
	})
	return pipeline.Stages{Decode: decode, Extract: extract}
}

// run commits one run over the world's pages (in source order).
func (w *world) run() rinse.Summary {
	w.t.Helper()
	sum, err := w.tryRun()
	if err != nil {
		w.t.Fatalf("run: %v", err)
	}
	return sum
}

func (w *world) tryRun() (rinse.Summary, error) {
	o := w.opts
	o.Dir = w.dir
	ds, err := load.OpenDataset(o)
	if err != nil {
		return rinse.Summary{}, err
	}
	st := w.stages()
	st.Admit = ds.Admit()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &mapSource{w: w, cancel: cancel}
	for s := range w.pages {
		src.sources = append(src.sources, s)
	}
	sort.Strings(src.sources)
	return pipeline.Run(ctx, src, ds, st, pipeline.Options{Workers: pipeline.Workers{Decode: 1, Extract: 2, Transform: 1}})
}

// table reads the visible rows of a table: source → the given column
// (duplicate_of for documents; reason for quarantine), one entry per row.
func (w *world) table(name, col string) map[string][]string {
	w.t.Helper()
	out := map[string][]string{}
	root := filepath.Join(w.dir, name) + string(os.PathSeparator)
	if name == "_duplicates" {
		root = filepath.Join(w.dir, "_current", name) + string(os.PathSeparator)
	}
	_ = filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".parquet") {
			return nil
		}
		for _, row := range readRows(w.t, p, "source", col) {
			out[row[0]] = append(out[row[0]], row[1])
		}
		return nil
	})
	return out
}

func readRows(t *testing.T, path string, cols ...string) [][]string {
	t.Helper()
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer rdr.Close()
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	tr := array.NewTableReader(tbl, -1)
	defer tr.Release()
	var out [][]string
	for tr.Next() {
		rec := tr.RecordBatch()
		for i := range int(rec.NumRows()) {
			var row []string
			for _, c := range cols {
				row = append(row, cell(rec, c, i))
			}
			out = append(out, row)
		}
	}
	return out
}

func cell(rec arrow.RecordBatch, col string, i int) string {
	idx := rec.Schema().FieldIndices(col)
	if len(idx) == 0 {
		return "<no column>"
	}
	c := rec.Column(idx[0])
	if c.IsNull(i) {
		return ""
	}
	return c.ValueStr(i)
}

// id is the row id of a source.
func id(src string) string { return rinse.DocumentID(src) }

// expectOnce checks that every source is in exactly one of documents,
// quarantine and duplicates, and that docs/quarantined/dups list exactly
// what each table holds.
func (w *world) expectOnce(docs, quarantined, dups []string) {
	w.t.Helper()
	tables := map[string]map[string][]string{
		"documents": w.table("documents", "duplicate_of"), "quarantine": w.table("quarantine", "reason"),
		"_duplicates": w.table("_duplicates", "duplicate_of"),
	}
	want := map[string][]string{"documents": docs, "quarantine": quarantined, "_duplicates": dups}
	seen := map[string]string{}
	for name, rows := range tables {
		var got []string
		for src, n := range rows {
			got = append(got, src)
			if len(n) != 1 {
				w.t.Errorf("%s: %s has %d rows", name, src, len(n))
			}
			if prev, ok := seen[src]; ok {
				w.t.Errorf("%s is in both %s and %s", src, prev, name)
			}
			seen[src] = name
		}
		sort.Strings(got)
		exp := append([]string{}, want[name]...)
		sort.Strings(exp)
		if strings.Join(got, " ") != strings.Join(exp, " ") {
			w.t.Errorf("%s holds %v, want %v", name, got, exp)
		}
	}
}
