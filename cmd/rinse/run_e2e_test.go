package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse/internal/fixtures"
)

// TestRunTestdataPages is the README's main job: it runs the CLI on
// testdata/pages and checks the dataset, read back by DuckDB and polars,
// against testdata/expectations.json.
func TestRunTestdataPages(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(t, nil, "run", "--input", "../../testdata/pages", "--output", out,
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

	res := readBack(t, out, "mooflife.com")
	rows := map[string]readerRow{}
	for _, r := range res.DuckDB.Rows {
		rows[r.Source] = r
	}
	quarantined := map[string]string{}
	for _, q := range res.DuckDB.Quarantine {
		quarantined[q.Source] = q.Reason
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
	if len(res.DuckDB.Rows) > 0 && (res.DuckDB.Rows[0].PubType != "TIMESTAMP WITH TIME ZONE" || !strings.HasPrefix(res.DuckDB.Rows[0].DatesType, "STRUCT")) {
		t.Errorf("DuckDB types: published_at %s, dates %s", res.DuckDB.Rows[0].PubType, res.DuckDB.Rows[0].DatesType)
	}
	if res.Polars.ParquetRows != len(res.DuckDB.Rows) || res.Polars.ArrowRows != len(res.DuckDB.Rows) {
		t.Errorf("polars read %d parquet and %d arrow rows, DuckDB %d", res.Polars.ParquetRows, res.Polars.ArrowRows, len(res.DuckDB.Rows))
	}
	if s := res.DuckDB.SiteScan; s == nil || s.Read != 1 || s.Total < 3 || res.DuckDB.SiteCount == 0 {
		t.Errorf("a filter on site must read only its partition: scan %+v, %d rows", s, res.DuckDB.SiteCount)
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
