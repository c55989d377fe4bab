package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/rinse-etl/rinse/internal/fixtures"
)

// rinseBin is the CLI built once for the end-to-end tests: they run the
// real binary, as users and scheduled jobs do.
var rinseBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rinse-e2e")
	if err != nil {
		panic(err)
	}
	rinseBin = filepath.Join(dir, "rinse")
	out, err := exec.Command("go", "build", "-o", rinseBin, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic("building rinse: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runCLI runs the binary and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(rinseBin, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

func loadExpectations(t *testing.T) map[string]fixtures.Expectation {
	t.Helper()
	exp, err := fixtures.Load("../../testdata/expectations.json")
	if err != nil {
		t.Fatal(err)
	}
	return exp
}

// readerPython finds the Python of the virtual environment scripts/test
// makes for the independent readers: $E2E_PYTHON, else .venv at the
// repository root. Without it the reader checks skip, unless
// E2E_REQUIRE_READERS=1 (scripts/test sets it) makes that a failure.
func readerPython(t *testing.T) string {
	t.Helper()
	py := os.Getenv("E2E_PYTHON")
	if py == "" {
		py = "../../.venv/bin/python"
	}
	if _, err := os.Stat(py); err != nil {
		if os.Getenv("E2E_REQUIRE_READERS") == "1" {
			t.Fatalf("the independent readers are required but %s is missing: run ./scripts/test", py)
		}
		t.Skipf("independent readers not installed (%s): ./scripts/test installs them", py)
	}
	return py
}

// readBack reads a dataset with the independent readers in e2e/reader
// (DuckDB, pyarrow, pandas and polars from Python, as notebooks use them).
// site, when set, also asks which row groups a filter on it touches.
func readBack(t *testing.T, out, site string) readerResult {
	t.Helper()
	args := []string{"../../e2e/reader/read.py", out}
	if site != "" {
		args = append(args, site)
	}
	cmd := exec.Command(readerPython(t), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("reader failed: %v\n%s", err, stderr.String())
	}
	var res readerResult
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatalf("reader output: %v\n%s", err, b)
	}
	return res
}

type readerRow struct {
	Source      string           `json:"source"`
	ID          string           `json:"id"`
	URL         string           `json:"url"`
	Site        *string          `json:"site"`
	Title       string           `json:"title"`
	Author      string           `json:"author"`
	Categories  []string         `json:"categories"`
	Tags        []string         `json:"tags"`
	Text        string           `json:"text"`
	Language    string           `json:"language"`
	PublishedAt *string          `json:"published_at"`
	Dates       []map[string]any `json:"dates"`
	Entities    []map[string]any `json:"entities"`
	WordCount   int              `json:"word_count"`
	DuplicateOf *string          `json:"duplicate_of"`
	PubType     string           `json:"published_type"`
	DatesType   string           `json:"dates_type"`
}

type readerResult struct {
	DuckDB struct {
		Rows       []readerRow `json:"rows"`
		Quarantine []struct {
			Source, Stage, Reason, Error string
		} `json:"quarantine"`
	} `json:"duckdb"`
	Others struct {
		PyarrowRows   int      `json:"pyarrow_rows"`
		PandasRows    int      `json:"pandas_rows"`
		PandasSources []string `json:"pandas_sources"`
		PolarsRows    int      `json:"polars_parquet_rows"`
		ArrowRows     int      `json:"polars_arrow_rows"`
		ArrowColumns  []string `json:"polars_arrow_columns"`
	} `json:"others"`
	Site struct {
		Count     int `json:"count"`
		RowGroups int `json:"row_groups"`
		Touched   int `json:"touched"`
		Holding   int `json:"holding"`
	} `json:"site"`
}

func manifestCounts(t *testing.T, out string) map[string]any {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join(out, "_manifest", "*.json"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("no manifest in %s: %v", out, err)
	}
	slices.Sort(entries)
	b, _ := os.ReadFile(entries[len(entries)-1])
	var m struct {
		Counts map[string]any `json:"counts"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m.Counts
}

func num(m map[string]any, k string) int { f, _ := m[k].(float64); return int(f) }

// goRows reads the documents table with arrow's Parquet reader (not
// rinse's): the per-row checks never depend on the Python readers.
func goRows(t *testing.T, out string) map[string]readerRow {
	t.Helper()
	rows := map[string]readerRow{}
	eachParquet(t, filepath.Join(out, "documents"), func(rec arrow.RecordBatch) {
		col := func(name string) arrow.Array {
			idx := rec.Schema().FieldIndices(name)
			if len(idx) == 0 {
				t.Fatalf("no column %s", name)
			}
			return rec.Column(idx[0])
		}
		str := func(name string, i int) string { return col(name).(*array.String).Value(i) }
		list := func(name string, i int) []string {
			l := col(name).(*array.List)
			start, end := l.ValueOffsets(i)
			var out []string
			for j := start; j < end; j++ {
				out = append(out, l.ListValues().(*array.String).Value(int(j)))
			}
			return out
		}
		for i := range int(rec.NumRows()) {
			site := str("site", i)
			row := readerRow{Source: str("source", i), Title: str("title", i), Author: str("author", i), Text: str("text", i),
				Site: &site, Language: str("language", i), Categories: list("categories", i), Tags: list("tags", i)}
			if ts := col("published_at").(*array.Timestamp); ts.IsValid(i) {
				p := time.UnixMicro(int64(ts.Value(i))).UTC().Format("2006-01-02T15:04:05Z")
				row.PublishedAt = &p
			}
			rows[row.Source] = row
		}
	})
	return rows
}

// eachParquet calls fn with every record batch of the Parquet files under
// dir (a link: the walk starts inside it).
func eachParquet(t *testing.T, dir string, fn func(arrow.RecordBatch)) {
	t.Helper()
	_ = filepath.WalkDir(dir+string(os.PathSeparator), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".parquet") {
			return nil
		}
		rdr, err := file.OpenParquetFile(p, false)
		if err != nil {
			t.Fatal(err)
		}
		defer rdr.Close()
		fr, _ := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
		tbl, err := fr.ReadTable(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer tbl.Release()
		tr := array.NewTableReader(tbl, -1)
		defer tr.Release()
		for tr.Next() {
			fn(tr.RecordBatch())
		}
		return nil
	})
}
