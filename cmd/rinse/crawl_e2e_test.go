package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rinse-etl/rinse/internal/genpages"
)

// TestCrawlWithFewFiles runs the CLI on a crawl (a site per page) with at
// most 64 open files allowed, flat and partitioned by site: a run that
// held a file per site would fail. The flat layout writes one file; by
// site, one file per site.
func TestCrawlWithFewFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("slow; skipped with -short")
	}
	in := filepath.Join(t.TempDir(), "in")
	const pages = 1500
	if _, err := genpages.WriteSites(in, pages, pages, 9); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		flags string
		files int
	}{{"flat", "", 1}, {"by site", "--partition-by site", pages - pages/50}} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			script := "ulimit -n 64 && exec " + rinseBin + " run --input " + in + " --output " + out +
				" --progress never --log-level warn " + c.flags
			cmd := exec.Command("bash", "-c", script)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("run with 64 open files: %v\n%s", err, b)
			}
			var files int
			_ = filepath.WalkDir(filepath.Join(out, "documents")+string(os.PathSeparator), func(p string, e os.DirEntry, err error) error {
				if err == nil && !e.IsDir() {
					files++
				}
				return nil
			})
			if files != c.files {
				t.Errorf("%d document files, want %d", files, c.files)
			}
			checkAccounted(t, out, pages)
		})
	}
}
