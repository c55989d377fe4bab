package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse/internal/fixtures"
)

// TestRunTestdataPages is the README's main job: it runs the CLI on
// testdata/pages and checks the dataset, read back by DuckDB and polars,
// against testdata/expectations.json.
func TestRunTestdataPages(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	// Small row groups, so that a filter on one site has some to skip.
	code, _, stderr := runCLI(t, []string{"RINSE_DATASET_ROW_GROUP_BYTES=3000"}, "run", "--input", "../../testdata/pages", "--output", out,
		"--format", "both", "--progress", "never", "--log-level", "warn")
	if code != 0 {
		t.Fatalf("rinse run exited %d:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "documents") || !strings.Contains(stderr, "quarantined") {
		t.Errorf("no end-of-run summary on stderr:\n%s", stderr)
	}
	exp := loadExpectations(t)
	counts := manifestCounts(t, out)
	var wantDocs, wantQ, wantSkip int
	for _, e := range exp {
		switch e.Outcome {
		case "document":
			wantDocs++
		case "quarantined":
			wantQ++
		case "skipped":
			wantSkip++
		}
	}
	if num(counts, "inputs") != len(exp) ||
		num(counts, "inputs") != num(counts, "documents")+num(counts, "quarantined")+num(counts, "skipped")+num(counts, "duplicates")+num(counts, "filtered") {
		t.Errorf("counts do not add up to the %d inputs: %v", len(exp), counts)
	}
	if num(counts, "documents") != wantDocs || num(counts, "quarantined") != wantQ || num(counts, "skipped") != wantSkip {
		t.Errorf("counts = %v, want %d documents, %d quarantined, %d skipped", counts, wantDocs, wantQ, wantSkip)
	}

	rows := goRows(t, out)
	quarantined := map[string]string{}
	for _, q := range readTable(t, filepath.Join(out, "quarantine"), "source", "reason") {
		quarantined[q["source"]] = q["reason"]
	}
	for src, e := range exp {
		t.Run(src, func(t *testing.T) {
			switch e.Outcome {
			case "quarantined":
				if got, ok := quarantined[src]; !ok || got != e.Reason {
					t.Errorf("quarantine reason = %q (present %v), want %q", got, ok, e.Reason)
				}
			case "document":
				r, ok := rows[src]
				if !ok {
					t.Fatalf("no row (quarantined as %q)", quarantined[src])
				}
				checkRow(t, r, e)
			}
		})
	}
	checkReaders(t, out, rows)
}

// checkReaders reads the dataset with the Python stack notebooks use and
// expects every reader to see what arrow's Go reader saw.
func checkReaders(t *testing.T, out string, rows map[string]readerRow) {
	res := readBack(t, out, "mooflife.com")
	if len(res.DuckDB.Rows) != len(rows) {
		t.Errorf("DuckDB read %d rows, arrow %d", len(res.DuckDB.Rows), len(rows))
	}
	for _, r := range res.DuckDB.Rows {
		g, ok := rows[r.Source]
		if !ok || g.Title != r.Title || g.Text != r.Text || *g.Site != *r.Site || !slices.Equal(g.Tags, r.Tags) {
			t.Errorf("DuckDB and arrow disagree on %s", r.Source)
		}
	}
	if len(res.DuckDB.Rows) > 0 && (res.DuckDB.Rows[0].PubType != "TIMESTAMP WITH TIME ZONE" || !strings.HasPrefix(res.DuckDB.Rows[0].DatesType, "STRUCT")) {
		t.Errorf("DuckDB types: published_at %s, dates %s", res.DuckDB.Rows[0].PubType, res.DuckDB.Rows[0].DatesType)
	}
	o := res.Others
	if n := len(res.DuckDB.Rows); o.PolarsRows != n || o.ArrowRows != n || o.PyarrowRows != n || o.PandasRows != n {
		t.Errorf("rows read: DuckDB %d, polars %d (arrow %d), pyarrow %d, pandas %d", n, o.PolarsRows, o.ArrowRows, o.PyarrowRows, o.PandasRows)
	}
	// Rows are sorted by site, so the row groups a filter on a site must
	// read (by their statistics) are exactly those holding it, and the
	// others are skipped.
	if s := res.Site; s.Count != 10 || s.Touched != s.Holding || s.Touched == 0 || s.RowGroups < s.Touched+3 {
		t.Errorf("a filter on mooflife.com: %d rows; it touches %d of %d row groups, %d of which hold it", s.Count, s.Touched, s.RowGroups, s.Holding)
	}
}

func checkRow(t *testing.T, r readerRow, e fixtures.Expectation) {
	t.Helper()
	site := ""
	if r.Site != nil {
		site = *r.Site
	}
	for _, msg := range e.Check(fixtures.Doc{Title: r.Title, Author: r.Author, Text: r.Text, Site: site,
		Language: r.Language, Categories: r.Categories, Tags: r.Tags}) {
		t.Error(msg)
	}
	if e.PublishedAt != "" && (r.PublishedAt == nil || *r.PublishedAt != e.PublishedAt) {
		t.Errorf("published_at = %v, want %s", r.PublishedAt, e.PublishedAt)
	}
}
