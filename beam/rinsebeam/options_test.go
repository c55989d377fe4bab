package rinsebeam_test

import (
	"context"
	"errors"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/beam/rinsebeam"
)

// What a Beam run cannot mean is refused as the command refuses a bad
// configuration, before anything runs: a usage error (exit 2).
func TestBuildRefusesWhatABeamRunCannotMean(t *testing.T) {
	for name, edit := range map[string]func(*assemble.Config){
		"no output":    func(c *assemble.Config) { c.Output = "" },
		"no input":     func(c *assemble.Config) { c.Input = "" },
		"stdin urls":   func(c *assemble.Config) { c.Input, c.URLs = "", "-" },
		"arrow":        func(c *assemble.Config) { c.Format = "arrow" },
		"partitioned":  func(c *assemble.Config) { c.Dataset.PartitionBy = []string{"language"} },
		"incremental":  func(c *assemble.Config) { c.Prune = true },
		"sharded":      func(c *assemble.Config) { c.Shard = "0/2" },
		"bad workers":  func(c *assemble.Config) { c.Workers = -1 },
		"input + urls": func(c *assemble.Config) { c.URLs = "urls.txt" },
	} {
		t.Run(name, func(t *testing.T) {
			cfg := config(t, bundled, func(c *assemble.Config) { c.Output = t.TempDir(); edit(c) })
			_, err := rinsebeam.Build(beam.NewPipeline().Root(), rinsebeam.Options{Config: cfg})
			if !errors.Is(err, assemble.ErrUsage) {
				t.Fatalf("Build: %v, want a usage error", err)
			}
		})
	}
}

// A Beam run writes a fresh dataset: an output that holds one (of rinse
// run or of an earlier rinse-beam run) is refused.
func TestCheckOutputRefusesADataset(t *testing.T) {
	ctx := context.Background()
	fresh := t.TempDir()
	if err := rinsebeam.CheckOutput(ctx, fresh); err != nil {
		t.Fatalf("an empty output: %v", err)
	}
	_, out := runBeam(t, *config(t, bundled, nil), 1)
	if err := rinsebeam.CheckOutput(ctx, out); !errors.Is(err, assemble.ErrUsage) {
		t.Fatalf("an output holding a run: %v, want a usage error", err)
	}
}
