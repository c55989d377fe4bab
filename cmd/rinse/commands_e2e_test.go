package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestSchemaAndStats(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "schema", "--json")
	var s struct {
		SchemaVersion int `json:"schema_version"`
		Columns       []struct {
			Name, Type, Description string
			Nullable                bool
		}
	}
	if code != 0 || json.Unmarshal([]byte(stdout), &s) != nil || s.SchemaVersion != 3 || len(s.Columns) != 25 {
		t.Fatalf("schema --json: exit %d, %+v", code, s)
	}
	for _, c := range s.Columns {
		if c.Description == "" {
			t.Errorf("column %s is undocumented", c.Name)
		}
	}

	out := filepath.Join(t.TempDir(), "out")
	runCLI(t, nil, "run", "--input", "../../testdata/pages/mooflife", "--output", out, "--progress", "never", "--partition-by", "site")
	code, stdout, stderr := runCLI(t, nil, "stats", out)
	if code != 0 || !strings.Contains(stdout, "site=mooflife.com") || !strings.Contains(stdout, "1 runs") {
		t.Errorf("stats: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := runCLI(t, nil, "stats", t.TempDir()); code != exitUsage {
		t.Errorf("stats on a non-dataset: exit %d, want %d", code, exitUsage)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := [][]string{
		{"run", "--output", "x"},
		{"run", "--input", "../../testdata/pages", "--output", "x", "--format", "csv"},
		{"run", "--no-such-flag"},
		{"frobnicate"},
	}
	for _, args := range cases {
		if code, _, stderr := runCLI(t, nil, args...); code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d (want %d), stderr %q", args, code, exitUsage, stderr)
		}
	}
	code, _, stderr := runCLI(t, []string{"RINSE_DATASET_COMPRESSION=brotli"}, "run", "--input", "../../testdata/pages", "--output", t.TempDir())
	if code != exitUsage || !strings.Contains(stderr, "dataset.compression") || !strings.Contains(stderr, "zstd") {
		t.Errorf("bad env value: exit %d, %s", code, stderr)
	}
}

func TestStrictExitCode(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(t, nil, "run", "--input", "../../testdata/pages/bad", "--output", out, "--strict", "--progress", "never")
	if code != exitQuarantined {
		t.Errorf("--strict with quarantined pages: exit %d, want %d\n%s", code, exitQuarantined, stderr)
	}
}
