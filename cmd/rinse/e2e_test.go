package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

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

// readBack reads a dataset with the independent readers in e2e/reader
// (DuckDB and polars via npm), or skips when they are not installed.
func readBack(t *testing.T, out, site string) readerResult {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the independent-reader checks need it (.ci/run installs it)")
	}
	if _, err := os.Stat("../../e2e/reader/node_modules/@duckdb/node-api"); err != nil {
		t.Skip("independent readers not installed: run `npm ci --prefix e2e/reader` (.ci/run does)")
	}
	args := []string{"../../e2e/reader/read.mjs", out}
	if site != "" {
		args = append(args, site)
	}
	cmd := exec.Command(node, args...)
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
	PubType     string           `json:"published_type"`
	DatesType   string           `json:"dates_type"`
}

type readerResult struct {
	DuckDB struct {
		Rows       []readerRow `json:"rows"`
		Quarantine []struct {
			Source, Stage, Reason, Error string
		} `json:"quarantine"`
		SiteCount int      `json:"site_count"`
		SiteFiles []string `json:"site_files"`
		SiteScan  *struct {
			Read, Total int
		} `json:"site_scan"`
	} `json:"duckdb"`
	Polars struct {
		ParquetRows  int      `json:"parquet_rows"`
		ArrowRows    int      `json:"arrow_rows"`
		ArrowColumns []string `json:"arrow_columns"`
	} `json:"polars"`
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
