package load_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/load"
)

// crawl fills w with n pages from n sites, each with its own text (words
// that compress poorly, so that small file sizes roll often).
func crawl(w *world, n int) {
	r := rand.New(rand.NewPCG(uint64(n), 5))
	for i := range n {
		src := fmt.Sprintf("s%04d.example/page", (i*7919)%n) // not in site order
		var b strings.Builder
		for range 60 {
			fmt.Fprintf(&b, "w%x ", r.Uint32())
		}
		w.pages[src] = fmt.Sprintf("%s page %d %s", textA, i, b.String())
	}
}

func visibleFiles(t *testing.T, dir, table string) []string {
	t.Helper()
	var out []string
	_ = filepath.WalkDir(filepath.Join(dir, table)+string(os.PathSeparator), func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			out = append(out, p)
		}
		return err
	})
	return out
}

// Many sites, flat layout: few files, each sorted by site, rolled by size.
func TestCrawlLayoutIsFlatAndSorted(t *testing.T) {
	w := newWorld(t)
	crawl(w, 3000)
	w.opts.FileBytes, w.opts.File.RowGroupBytes = 64<<10, 16<<10
	w.opts.SortBytes = 256 << 10 // spill and merge, as a large run does
	w.run()
	files := visibleFiles(t, w.dir, "documents")
	var total int64
	for _, f := range files {
		st, _ := os.Stat(f)
		total += st.Size()
		var sites []string
		for _, r := range readRows(t, f, "site") {
			sites = append(sites, r[0])
		}
		if !slices.IsSorted(sites) {
			t.Errorf("%s: rows not sorted by site", filepath.Base(f))
		}
	}
	// At most one file per FileBytes of output (the last one partial).
	if max := total/w.opts.FileBytes + 1; int64(len(files)) > max {
		t.Errorf("%d files for %d bytes: want at most %d", len(files), total, max)
	}
	w.expectOnce(keys(w.pages), nil, nil)
}

// Partitioned by site, a crawl writes one file per site, never one per row.
func TestSitePartitionsAtAnyNumberOfSites(t *testing.T) {
	w := newWorld(t)
	for i := range 300 {
		for j := range 3 {
			w.pages[fmt.Sprintf("s%03d.example/%d", i, j)] = fmt.Sprintf("%s %d %d", textB, i, j)
		}
	}
	w.opts.PartitionBy = []string{"site"}
	w.opts.SortBytes = 64 << 10
	w.run()
	files := visibleFiles(t, w.dir, "documents")
	if len(files) != 300 {
		t.Errorf("%d files for 300 sites, want 300", len(files))
	}
	for _, f := range files[:3] {
		if !strings.Contains(f, "site=s") || len(readRows(t, f, "id")) != 3 {
			t.Errorf("%s: want the 3 rows of its site", f)
		}
		if got := readRows(t, f, "site")[0][0]; got != "<no column>" {
			t.Errorf("a partition column is stored in the files too (site = %q)", got)
		}
	}
}

// 3(g): a crash between the links of a publication shows readers the
// previous version, whole; the next run finishes the publication.
func TestPublishIsAtomicForReaders(t *testing.T) {
	for _, crashAt := range []int{1, 3, 7} {
		t.Run(fmt.Sprint(crashAt), func(t *testing.T) {
			w := newWorld(t)
			crawl(w, 60)
			w.opts.FileBytes, w.opts.File.RowGroupBytes = 2<<10, 1<<10 // many files, many links
			w.run()
			before := w.table("documents", "duplicate_of")
			for src := range w.pages {
				if strings.HasPrefix(src, "s00") {
					w.pages[src] += " (updated)"
				}
			}
			load.CrashAfterLinks(&w.opts, crashAt)
			if _, err := w.tryRun(); err == nil {
				t.Fatal("the run did not stop while publishing")
			}
			after := w.table("documents", "duplicate_of")
			if len(after) != len(before) {
				t.Errorf("readers see %d sources during the crash, %d before", len(after), len(before))
			}
			for src, rows := range after {
				if len(rows) != 1 {
					t.Errorf("%s is visible %d times", src, len(rows))
				}
			}
			load.CrashAfterLinks(&w.opts, 0)
			s := w.run() // recovers, then finds everything unchanged
			if s.Unchanged != 60 {
				t.Errorf("after recovery: %+v", s)
			}
			w.expectOnce(keys(w.pages), nil, nil)
			if n := len(w.table("documents", "text")); n != 60 {
				t.Errorf("%d rows", n)
			}
		})
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Changing the layout (partition keys, format) moves every row at once:
// readers never see files of two layouts, and rows of inputs the run did
// not see (nor processed again) move too.
func TestLayoutChangeMovesEveryRow(t *testing.T) {
	w := newWorld(t)
	for i := range 40 {
		w.pages[fmt.Sprintf("s%02d.example/%d", i%7, i)] = fmt.Sprintf("%s %d", textB, i)
	}
	w.run()
	delete(w.pages, "s00.example/0") // gone from the source: its row stays
	all := append(keys(w.pages), "s00.example/0")
	for _, layout := range []struct {
		by     []string
		format string
	}{{[]string{"site"}, "parquet"}, {[]string{"year", "language"}, "both"}, {nil, "parquet"}} {
		w.opts.PartitionBy, w.opts.Format = layout.by, layout.format
		w.opts.ConfigHash += "+" // as the CLI's fingerprint changes with the layout
		w.run()
		w.expectOnce(all, nil, nil)
		for _, f := range visibleFiles(t, w.dir, "documents") {
			rel, _ := filepath.Rel(filepath.Join(w.dir, "documents"), f)
			parts := strings.Count(rel, "=")
			if parts != len(layout.by) || (len(layout.by) > 0 && !strings.HasPrefix(rel, layout.by[0]+"=")) {
				t.Errorf("layout %v: file %s", layout.by, rel)
			}
		}
		arrows := visibleFiles(t, w.dir, "documents_arrow")
		if (layout.format == "both") != (len(arrows) > 0) {
			t.Errorf("format %s: %d Arrow files", layout.format, len(arrows))
		}
	}
	// Site partitions keep the site out of the files: moving back to a
	// flat layout restores it from the directory.
	for src, sites := range w.table("documents", "site") {
		if want, _, _ := strings.Cut(src, "/"); len(sites) != 1 || sites[0] != want {
			t.Errorf("%s: site %v", src, sites)
		}
	}
}

// Shards of one job write into one dataset at the same time, each with
// its own state, without a lock between them: readers see the union, every
// input once, and a shard that lost its state rebuilds only its own.
func TestShardsCommitIntoOneDataset(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	pages := map[string]string{}
	for i := range 80 {
		pages[fmt.Sprintf("s%02d.example/%d", i%9, i)] = fmt.Sprintf("%s %d", textB, i)
	}
	const n = 4
	shardOf := func(src string) int { return int(rinse.SourceKey(src)[0]) % n }
	worlds := make([]*world, n)
	for i := range n {
		w := newWorld(t)
		w.dir = dir
		w.opts.Shard, w.opts.Job = load.ShardLabel(i, n), "job1"
		for src, body := range pages {
			if shardOf(src) == i {
				w.pages[src] = body
			}
		}
		worlds[i] = w
	}
	errs := make(chan error, n)
	for _, w := range worlds {
		go func() { _, err := w.tryRun(); errs <- err }()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	worlds[0].expectOnce(keys(pages), nil, nil)
	// Unchanged reruns change nothing; a shard that lost its state
	// processes only its own inputs again, and replaces only its rows.
	if s := worlds[1].run(); s.Unchanged != int64(len(worlds[1].pages)) {
		t.Errorf("rerun of shard 1: %+v", s)
	}
	if err := os.RemoveAll(filepath.Join(dir, "_state", load.ShardLabel(2, n))); err != nil {
		t.Fatal(err)
	}
	if s := worlds[2].run(); s.Documents != int64(len(worlds[2].pages)) || s.Unchanged != 0 {
		t.Errorf("shard 2 after losing its state: %+v", s)
	}
	worlds[0].expectOnce(keys(pages), nil, nil)
}
