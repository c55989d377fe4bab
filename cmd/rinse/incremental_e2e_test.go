package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse/internal/genpages"
)

// dataFiles lists the visible data files of a dataset.
func dataFiles(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	_ = filepath.WalkDir(filepath.Join(out, "documents")+string(os.PathSeparator), func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			rel, _ := filepath.Rel(out, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(files)
	return files
}

// TestIncrementalRuns: a rerun over unchanged input writes nothing new;
// changing one page rewrites only the file that held its row (in a
// site-partitioned layout, only that site's); --full rebuilds; every
// input stays exactly once throughout.
func TestIncrementalRuns(t *testing.T) {
	for _, layout := range []struct {
		name  string
		flags []string
	}{{"flat", nil}, {"by site", []string{"--partition-by", "site"}}} {
		t.Run(layout.name, func(t *testing.T) { incrementalRuns(t, layout.flags) })
	}
}

func incrementalRuns(t *testing.T, flags []string) {
	in, out := filepath.Join(t.TempDir(), "in"), filepath.Join(t.TempDir(), "out")
	if _, err := genpages.Write(in, 120, 3); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"run", "--input", in, "--output", out, "--progress", "never", "--log-level", "warn"}, flags...)
	if code, _, stderr := runCLI(t, nil, args...); code != 0 {
		t.Fatalf("first run exited %d: %s", code, stderr)
	}
	first := dataFiles(t, out)
	code, _, stderr := runCLI(t, nil, args...)
	if code != 0 {
		t.Fatalf("second run exited %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "unchanged    120") {
		t.Errorf("second run should find all 120 inputs unchanged:\n%s", stderr)
	}
	if again := dataFiles(t, out); !slices.Equal(again, first) {
		t.Errorf("an unchanged rerun changed the data files:\n %v\n %v", first, again)
	}

	// Edit one page of one site.
	var victim string
	_ = filepath.WalkDir(in, func(p string, e os.DirEntry, err error) error {
		if victim == "" && err == nil && !e.IsDir() && strings.Contains(p, "metro-daily.org") {
			victim = p
		}
		return nil
	})
	body, _ := os.ReadFile(victim)
	edited := strings.Replace(string(body), "<p>", "<p>A correction was added to this report on Friday. ", 1)
	os.WriteFile(victim, []byte(edited), 0o644)
	if code, _, stderr := runCLI(t, nil, args...); code != 0 {
		t.Fatalf("third run exited %d: %s", code, stderr)
	}
	third := dataFiles(t, out)
	var gone, added []string
	for _, f := range first {
		if !slices.Contains(third, f) {
			gone = append(gone, f)
		}
	}
	for _, f := range third {
		if !slices.Contains(first, f) {
			added = append(added, f)
		}
	}
	for _, f := range append(gone, added...) {
		if flags != nil && !strings.Contains(f, "site=metro-daily.org") {
			t.Errorf("changing one metro-daily.org page touched %s", f)
		}
	}
	if len(gone) != 1 || len(added) != 2 {
		t.Errorf("want the old file replaced by a rewrite plus the new row's file; gone %v, added %v", gone, added)
	}
	checkOnce(t, out, 120)

	if code, _, stderr := runCLI(t, nil, append(args, "--full")...); code != 0 {
		t.Fatalf("--full run exited %d: %s", code, stderr)
	}
	checkOnce(t, out, 120)
}

// checkOnce asserts every input is in the dataset at most once and all
// are accounted for as rows or duplicates.
func checkOnce(t *testing.T, out string, inputs int) {
	t.Helper()
	seen := sourcesInDataset(t, out)
	for src, n := range seen {
		if n != 1 {
			t.Errorf("%s appears %d times", src, n)
		}
	}
	if len(seen) < inputs-inputs/50-1 || len(seen) > inputs {
		t.Errorf("%d inputs in the dataset, want about %d (minus exact duplicates)", len(seen), inputs)
	}
}

// TestOversizeFileNotReadAgain: a file over max_page_bytes is quarantined
// as too-large once; the next run finds it unchanged by its size and time
// without reading it, and a changed file is tried again.
func TestOversizeFileNotReadAgain(t *testing.T) {
	in, out := filepath.Join(t.TempDir(), "in"), filepath.Join(t.TempDir(), "out")
	os.MkdirAll(in, 0o755)
	big := filepath.Join(in, "big.html")
	os.WriteFile(big, []byte("<p>"+strings.Repeat("word ", 400)+"</p>"), 0o644)
	env := []string{"RINSE_PIPELINE_MAX_PAGE_BYTES=1000"}
	args := []string{"run", "--input", in, "--output", out, "--progress", "never", "--log-level", "warn"}
	for i, want := range []string{"too-large 1", "unchanged    1"} {
		if _, _, stderr := runCLI(t, env, args...); !strings.Contains(stderr, want) {
			t.Errorf("run %d: want %q in\n%s", i+1, want, stderr)
		}
	}
	os.WriteFile(big, []byte("<p>"+strings.Repeat("other ", 400)+"</p>"), 0o644)
	if _, _, stderr := runCLI(t, env, args...); !strings.Contains(stderr, "too-large 1") {
		t.Errorf("a changed oversize file is tried again:\n%s", stderr)
	}
	checkAccounted(t, out, 1)
}
