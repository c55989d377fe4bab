package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEveryLayoutWithEveryReader opens every layout rinse writes (flat,
// each partition option, Arrow IPC, both formats) with DuckDB, pyarrow,
// pandas and polars, called as a notebook would, with no options: every
// reader sees every document, the same sources, and (for Parquet) a filter
// on one site touches only the row groups or partitions holding it.
func TestEveryLayoutWithEveryReader(t *testing.T) {
	layouts := []struct {
		name  string
		flags []string
	}{
		{"flat", nil}, {"year", []string{"--partition-by", "year"}}, {"language", []string{"--partition-by", "language"}},
		{"site", []string{"--partition-by", "site"}}, {"year and language", []string{"--partition-by", "year,language"}},
		{"arrow", []string{"--format", "arrow"}}, {"both", []string{"--format", "both"}},
	}
	var want []string
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := append([]string{"run", "--input", "../../testdata/pages", "--output", out, "--progress", "never", "--log-level", "warn"}, l.flags...)
			if code, _, stderr := runCLI(t, []string{"DATASET_ROW_GROUP_BYTES=3000"}, args...); code != 0 {
				t.Fatalf("run exited %d: %s", code, stderr)
			}
			docs := num(manifestCounts(t, out), "documents")
			res := readBack(t, out, "mooflife.com")
			o := res.Others
			arrowOnly := slices.Contains(l.flags, "arrow")
			got := map[string]int{"pyarrow": o.PyarrowRows, "pandas": o.PandasRows}
			if arrowOnly {
				got["polars (ipc)"] = o.ArrowRows
			} else {
				got["polars"], got["duckdb"] = o.PolarsRows, len(res.DuckDB.Rows)
				if q := len(res.DuckDB.Quarantine); q != num(manifestCounts(t, out), "quarantined") {
					t.Errorf("duckdb reads %d quarantine rows", q)
				}
				// Sorted by site within each file: exactly the row groups holding
				// the site are touched (partitions by year or language each
				// hold a range of sites, so there a few more may be).
				exact := len(l.flags) == 0 || slices.Contains(l.flags, "site") || slices.Contains(l.flags, "both")
				if s := res.Site; s.Count != 10 || s.Touched == 0 || exact && s.Touched != s.Holding {
					t.Errorf("a filter on mooflife.com: %d rows; touches %d of %d row groups, %d holding it", s.Count, s.Touched, s.RowGroups, s.Holding)
				}
			}
			if slices.Contains(l.flags, "both") {
				got["polars (ipc)"] = o.ArrowRows
			}
			for reader, n := range got {
				if n != docs {
					t.Errorf("%s reads %d documents, rinse wrote %d", reader, n, docs)
				}
			}
			if want == nil {
				want = o.PandasSources
			} else if !slices.Equal(o.PandasSources, want) {
				t.Errorf("pandas reads other sources than in the flat layout:\n %v\n %v", o.PandasSources, want)
			}
		})
	}
}

// TestReadmeLinesVerbatim runs the README's Python and SQL lines, as
// written, against the dataset its quickstart command makes.
func TestReadmeLinesVerbatim(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI(t, nil, "run", "--input", "../../testdata/pages", "--output", out, "--progress", "never"); code != 0 {
		t.Fatalf("run exited %d: %s", code, stderr)
	}
	cmd := exec.Command(readerPython(t), "../../e2e/reader/readme.py", "../../README.md", out)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the README's lines fail: %v\n%s", err, b)
	}
	if !strings.Contains(string(b), "python block 1: ok") || !strings.Contains(string(b), "sql block 1: 10 rows") {
		t.Errorf("unexpected output:\n%s", b)
	}
}

// TestExampleNotebook executes examples/explore.ipynb headless on the
// bundled pages: every cell must run.
func TestExampleNotebook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI(t, nil, "run", "--input", "../../testdata/pages", "--output", out, "--progress", "never"); code != 0 {
		t.Fatalf("run exited %d: %s", code, stderr)
	}
	cmd := exec.Command(readerPython(t), "../../e2e/reader/run_notebook.py", "../../examples/explore.ipynb")
	cmd.Env = append(os.Environ(), "DATASET="+out)
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the notebook fails: %v\n%s", err, b)
	}
	if !strings.Contains(string(b), "5 figures") {
		t.Errorf("the notebook drew fewer figures than its five charts:\n%s", b)
	}
}
