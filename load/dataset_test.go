package load

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"go.uber.org/zap"

	"github.com/rinse-etl/rinse"
)

func sampleDoc(i int, site string) *rinse.Document {
	pub := time.Date(2023, 3, 14, 8, 0, 0, 0, time.UTC)
	return &rinse.Document{
		ID: "id" + string(rune('a'+i)), Source: "p/" + string(rune('a'+i)) + ".html", Site: site,
		Title: "Title", Text: "Body text.", Categories: []string{"Political"}, Tags: []string{"A", "B"},
		PublishedAt: pub, ProcessedAt: pub,
		Dates:    []rinse.Date{{Text: "1 August 1975", Date: time.Date(1975, 8, 1, 0, 0, 0, 0, time.UTC), Precision: "day"}},
		Entities: []rinse.Entity{{Name: "North Korea", Type: "country", Mentions: 3}},
	}
}

// glob lists files a reader scanning documents/**/*.<ext> would see.
func glob(t *testing.T, root, ext string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(root, "documents"), func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ext) {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func readParquet(t *testing.T, path string) arrow.Table {
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
	return tbl
}

func TestDatasetCommitPartitionsAndRoundTrips(t *testing.T) {
	dir := t.TempDir()
	ds, err := OpenDataset(DatasetOptions{Dir: dir, Format: "both", PartitionBy: []string{"site"}, RunID: "r1", BatchRows: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i, site := range []string{"a.com", "b.org", "a.com", "../x"} {
		if err := ds.WriteDocument(sampleDoc(i, site)); err != nil {
			t.Fatal(err)
		}
	}
	ds.WriteQuarantine(&rinse.Quarantined{Source: "bad.html", Stage: "decode", Reason: "binary", Error: "binary content"})
	if got := glob(t, dir, ".parquet"); len(got) != 0 {
		t.Fatalf("files visible before commit: %v", got)
	}
	if err := ds.Commit(rinse.Summary{Documents: 4, Quarantined: 1}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"documents/site=%2E.%2Fx/part-r1-00000.parquet",
		"documents/site=a.com/part-r1-00000.parquet",
		"documents/site=b.org/part-r1-00000.parquet",
	}
	if got := glob(t, dir, ".parquet"); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("parquet files = %v, want %v", got, want)
	}
	if got := glob(t, dir, ".arrow"); len(got) != 3 {
		t.Errorf("arrow files = %v", got)
	}
	tbl := readParquet(t, filepath.Join(dir, want[1]))
	defer tbl.Release()
	if tbl.NumRows() != 2 || !sameFields(tbl.Schema(), Schema) {
		t.Fatalf("rows=%d schema=%v", tbl.NumRows(), tbl.Schema())
	}
	ents := tbl.Column(colEntities).Data().Chunk(0).(*array.List).ListValues().(*array.Struct)
	if name := ents.Field(0).(*array.String).Value(0); name != "North Korea" {
		t.Errorf("entity name = %q", name)
	}
	for _, p := range []string{"_SUCCESS", "_manifest/r1.json", "quarantine/part-r1-00000.parquet"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("missing %s: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, stagingDir, "r1")); !os.IsNotExist(err) {
		t.Errorf("staging left behind: %v", err)
	}
	ms, err := ReadManifests(dir)
	if err != nil || len(ms) != 1 || len(ms[0].Files) != 8 {
		t.Fatalf("manifests = %+v, %v", ms, err)
	}
	f, _ := os.Open(filepath.Join(dir, glob(t, dir, ".arrow")[1]))
	defer f.Close()
	ar, err := ipc.NewFileReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if ar.NumRecords() == 0 || !ar.Schema().Equal(Schema) {
		t.Errorf("arrow file: %d records, schema %v", ar.NumRecords(), ar.Schema())
	}
}

func TestDatasetAbortAndRecover(t *testing.T) {
	dir := t.TempDir()
	ds, err := OpenDataset(DatasetOptions{Dir: dir, RunID: "r1", BatchRows: 1})
	if err != nil {
		t.Fatal(err)
	}
	ds.WriteDocument(sampleDoc(0, "a.com"))
	if _, err := OpenDataset(DatasetOptions{Dir: dir, RunID: "r2"}); err == nil {
		t.Fatal("a second run on the same output must be refused while the first holds it")
	}
	if err := ds.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := glob(t, dir, ".parquet"); len(got) != 0 {
		t.Errorf("aborted run left %v", got)
	}
	// A killed run: staged files without a manifest are removed; a staged
	// run with a manifest is rolled forward.
	os.MkdirAll(filepath.Join(dir, stagingDir, "dead", "documents"), 0o755)
	os.WriteFile(filepath.Join(dir, stagingDir, "dead", "documents", "part-dead-00000.parquet"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, stagingDir, "done", "documents"), 0o755)
	os.WriteFile(filepath.Join(dir, stagingDir, "done", "documents", "part-done-00000.parquet"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(dir, manifestDir), 0o755)
	os.WriteFile(filepath.Join(dir, manifestDir, "done.json"), []byte("{}"), 0o644)
	if err := Recover(dir, zap.NewNop()); err != nil {
		t.Fatal(err)
	}
	if got := glob(t, dir, ".parquet"); strings.Join(got, ",") != "documents/part-done-00000.parquet" {
		t.Errorf("after recover: %v", got)
	}
}

// sameFields compares names, types and nullability, ignoring the field
// metadata Parquet readers add.
func sameFields(a, b *arrow.Schema) bool {
	if a.NumFields() != b.NumFields() {
		return false
	}
	for i := range a.Fields() {
		fa, fb := a.Field(i), b.Field(i)
		if fa.Name != fb.Name || fa.Nullable != fb.Nullable || !arrow.TypeEqual(fa.Type, fb.Type) {
			return false
		}
	}
	return true
}
