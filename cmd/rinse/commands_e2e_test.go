package main

import (
	"encoding/json"
	"os"
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
	if code != 0 || !strings.Contains(stdout, "site=mooflife.com") || !strings.Contains(stdout, "1 run\n") {
		t.Errorf("stats: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := runCLI(t, nil, "stats", t.TempDir()); code != exitUsage {
		t.Errorf("stats on a non-dataset: exit %d, want %d", code, exitUsage)
	}
}

func TestUsageErrors(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	pages := "../../testdata/pages"
	cases := []struct {
		env  []string
		args []string
		want []string // in the message
	}{
		{nil, []string{"run", "--output", "x"}, []string{"--input"}},
		{nil, []string{"run", "-i", pages}, []string{"--output"}},
		{nil, []string{"run", "-i", pages, "-o", "x", "--format", "csv"}, []string{"format", `"csv"`, "parquet, arrow, both", "--format=csv"}},
		{nil, []string{"run", "--no-such-flag"}, []string{"no-such-flag"}},
		{nil, []string{"frobnicate"}, []string{"frobnicate"}},
		{nil, []string{"run", "-i", pages, "-o", file}, []string{"is a file"}},
		{nil, []string{"run", "-i", pages, "-o", pages + "/out"}, []string{"inside --input"}},
		{nil, []string{"run", "-i", pages, "-o", "x", "--partition-by", "none,site"}, []string{"mixes none"}},
		{[]string{"RINSE_FORAMT=arrow"}, []string{"run", "-i", pages, "-o", "x"}, []string{"RINSE_FORAMT", "RINSE_FORMAT"}},
		{[]string{"RINSE_DATASET_COMPRESSION=brotli"}, []string{"run", "-i", pages, "-o", tmp}, []string{"dataset.compression", "zstd", "RINSE_DATASET_COMPRESSION=brotli"}},
		{nil, []string{"eval", "--suite", "bogus"}, []string{"bogus", "zyte"}},
		{nil, []string{"eval", "--suite", "dates", "--data", tmp + "/none"}, []string{"not found", "--data"}},
		{[]string{"RINSE_WORKERS=1000000000"}, []string{"run", "-i", pages, "-o", tmp}, []string{"workers", "from 0 to 1024"}},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.env, c.args...)
		if code != exitUsage {
			t.Errorf("%v %v: exit %d (want %d): %s", c.env, c.args, code, exitUsage, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v %v: message %q does not mention %q", c.env, c.args, stderr, w)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "version")
	if code != 0 || !strings.HasPrefix(stdout, "rinse ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func TestStrictExitCode(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCLI(t, nil, "run", "--input", "../../testdata/pages/bad", "--output", out, "--strict", "--progress", "never")
	if code != exitQuarantined {
		t.Errorf("--strict with quarantined pages: exit %d, want %d\n%s", code, exitQuarantined, stderr)
	}
}
