package rinsebeam_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"go.uber.org/zap"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/beam/internal/rowdiff"
	"github.com/rinse-etl/rinse/beam/rinsebeam"
	"github.com/rinse-etl/rinse/internal/cmdconfig"
)

// TestMain runs the pipelines on Prism, in this process (ptest's default
// runner; -runner picks another).
func TestMain(m *testing.M) { ptest.Main(m) }

// config is the configuration both commands read with no file and no
// flags (RINSE_* variables apply, as they would to both), on input.
func config(t *testing.T, input string, edit func(*assemble.Config)) *assemble.Config {
	t.Helper()
	cfg, err := cmdconfig.Load("", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Input, cfg.Progress, cfg.Log.Level = input, "never", "warn"
	if edit != nil {
		edit(cfg)
	}
	return cfg
}

// runCLI writes cfg's dataset into a new output the way `rinse run` does
// (assemble.Open, then Run) and reads its rows.
func runCLI(t *testing.T, cfg assemble.Config) *rowdiff.Dataset {
	t.Helper()
	cfg.Output = filepath.Join(t.TempDir(), "cli")
	job, err := assemble.Open(&cfg, zap.NewNop())
	if err != nil {
		t.Fatal(err)
	}
	defer job.Close()
	start := time.Now()
	if _, err := job.Run(context.Background()); err != nil {
		t.Fatalf("rinse run: %v", err)
	}
	t.Logf("rinse run: %v", time.Since(start).Round(time.Millisecond))
	return read(t, cfg.Output)
}

// runBeam writes cfg's dataset with the Beam pipeline and reads its rows.
func runBeam(t *testing.T, cfg assemble.Config, shards int) (*rowdiff.Dataset, string) {
	t.Helper()
	cfg.Output = filepath.Join(t.TempDir(), "beam")
	p, s := beam.NewPipelineWithRoot()
	run, err := rinsebeam.Build(s, rinsebeam.Options{Config: &cfg, Shards: shards})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := ptest.Run(p); err != nil {
		t.Fatalf("rinse-beam on %s: %v", ptest.DefaultRunner(), err)
	}
	t.Logf("rinse-beam: %v", time.Since(start).Round(time.Millisecond))
	checkPublished(t, cfg.Output, run)
	return read(t, cfg.Output), cfg.Output
}

func read(t *testing.T, dir string) *rowdiff.Dataset {
	t.Helper()
	d, err := rowdiff.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkPublished checks what the publish step leaves: the run's summary,
// counting the rows, and no staging.
func checkPublished(t *testing.T, out, run string) {
	t.Helper()
	sum, err := rinsebeam.ReadSummary(context.Background(), out, run)
	if err != nil {
		t.Fatal(err)
	}
	if sum.RunID != run || len(sum.Files) == 0 {
		t.Errorf("summary: run %q, %d files", sum.RunID, len(sum.Files))
	}
	if _, err := os.Stat(filepath.Join(out, "_staging")); !os.IsNotExist(err) {
		t.Errorf("_staging is still there after the publish (%v)", err)
	}
}

// same runs both on cfg and fails on any difference in their rows.
func same(t *testing.T, cfg *assemble.Config, shards int) (cli, bm *rowdiff.Dataset) {
	t.Helper()
	cli = runCLI(t, *cfg)
	bm, _ = runBeam(t, *cfg, shards)
	for _, d := range rowdiff.Compare(cli, bm) {
		t.Error(d)
	}
	t.Logf("rinse run: %s; rinse-beam: %s", cli.Counts(), bm.Counts())
	return cli, bm
}
