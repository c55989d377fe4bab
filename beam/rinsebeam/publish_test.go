package rinsebeam_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/rinse-etl/rinse/beam/rinsebeam"
)

// What a failed or retried attempt staged is never published: only the
// files a successful bundle reported move to their names, and the run's
// staging goes, with the leftovers.
func TestPublishLeavesNoAttemptBehind(t *testing.T) {
	cfg := config(t, bundled, nil)
	cfg.Output = t.TempDir()
	const run = "20261202T000000Z-test01"
	left := filepath.Join(cfg.Output, "_staging", run, "0badc0ffee00", "documents", "part-"+run+"-000-000.parquet")
	if err := os.MkdirAll(filepath.Dir(left), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(left, []byte("half a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	if _, err := rinsebeam.Build(s, rinsebeam.Options{Config: cfg, RunID: run, Shards: 2}); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatal(err)
	}
	checkPublished(t, cfg.Output, run)
	files, _ := filepath.Glob(filepath.Join(cfg.Output, "*", "*.parquet"))
	for _, f := range files {
		if !strings.Contains(filepath.Base(f), run) {
			t.Errorf("%s: not named by the run", f)
		}
	}
	// The published rows read whole: no leftover made it in.
	d := read(t, cfg.Output)
	if len(d.Documents.Rows) == 0 || len(files) == 0 {
		t.Fatalf("published %s in %d files", d.Counts(), len(files))
	}
}
