package load

import (
	"context"
	"errors"
	"path/filepath"
	"sort"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/rinse-etl/rinse"
)

// runOnce writes one run over pages (source → body) the way the pipeline
// would: admit, then write the admitted ones.
func runOnce(t *testing.T, dir string, full bool, pages map[string]string) (written, unchanged int) {
	t.Helper()
	ds, err := OpenDataset(DatasetOptions{Dir: dir, Format: "both", PartitionBy: []string{"site"}, ConfigHash: "c1", Full: full})
	if err != nil {
		t.Fatal(err)
	}
	srcs := make([]string, 0, len(pages))
	for s := range pages {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		p, err := ds.Admit().Process(context.Background(), &rinse.Page{Source: s, Body: []byte(pages[s])})
		if errors.Is(err, rinse.ErrUnchanged) {
			unchanged++
			continue
		}
		doc := sampleDoc(0, "site-"+s[:1])
		doc.Source, doc.ID, doc.Text, doc.InputDigest = s, "id-"+s, pages[s], p.Digest
		if err := ds.WriteDocument(doc); err != nil {
			t.Fatal(err)
		}
		written++
	}
	if err := ds.Commit(rinse.Summary{}); err != nil {
		t.Fatal(err)
	}
	return written, unchanged
}

// rowsBySource reads every visible parquet file and counts rows per
// source, remembering each source's text.
func rowsBySource(t *testing.T, dir string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, f := range glob(t, dir, ".parquet") {
		tbl := readParquet(t, filepath.Join(dir, f))
		for _, ch := range tbl.Column(colSource).Data().Chunks() {
			for i := 0; i < ch.Len(); i++ {
				src := ch.(*array.String).Value(i)
				out[src] = append(out[src], f)
			}
		}
		tbl.Release()
	}
	return out
}

func TestIncrementalRuns(t *testing.T) {
	dir := t.TempDir()
	pages := map[string]string{"a1": "one", "a2": "two", "b1": "three"}
	if w, u := runOnce(t, dir, false, pages); w != 3 || u != 0 {
		t.Fatalf("first run wrote %d, unchanged %d", w, u)
	}
	before := glob(t, dir, ".parquet")
	if w, u := runOnce(t, dir, false, pages); w != 0 || u != 3 {
		t.Fatalf("second run over the same input wrote %d, unchanged %d; want 0, 3", w, u)
	}
	if after := glob(t, dir, ".parquet"); len(after) != len(before) {
		t.Errorf("an unchanged rerun changed the files: %v → %v", before, after)
	}
	pages["a2"] = "two, edited"
	if w, u := runOnce(t, dir, false, pages); w != 1 || u != 2 {
		t.Fatalf("changed run wrote %d, unchanged %d; want 1, 2", w, u)
	}
	rows := rowsBySource(t, dir)
	for src := range pages {
		if len(rows[src]) != 1 {
			t.Errorf("%s appears %d times: %v", src, len(rows[src]), rows[src])
		}
	}
	// Only the file that held a2's old row was rewritten: b's partition
	// is untouched.
	if got := rows["b1"][0]; got != before[1] {
		t.Errorf("b1 moved from %s to %s though its partition did not change", before[1], got)
	}
	if w, _ := runOnce(t, dir, true, pages); w != 3 {
		t.Fatalf("--full wrote %d rows, want 3", w)
	}
	rows = rowsBySource(t, dir)
	for src := range pages {
		if len(rows[src]) != 1 {
			t.Errorf("after --full %s appears %d times", src, len(rows[src]))
		}
	}
	if n := len(glob(t, dir, ".arrow")); n != len(glob(t, dir, ".parquet")) {
		t.Errorf("arrow files (%d) out of step with parquet files", n)
	}
}
