package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/rinse-etl/rinse/bench/internal/ports/rinseport"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/source"
)

func init() {
	st, err := rinseport.Stages()
	if err != nil {
		// The baselines are worth running on their own; say why rinse
		// is missing instead of giving up.
		fmt.Fprintln(os.Stderr, "compare: rinse left out:", err)
		return
	}
	contenders = append(contenders,
		contender{name: "rinse", fn: rinseport.Func(st)},
		contender{name: "rinse whole run", whole: wholeRun(st)},
	)
}

// wholeRun times a complete run over a folder of the suite's pages: reading and
// gunzipping the files, every stage with one worker each, and writing
// Parquet to a temporary folder that is removed afterwards.
func wholeRun(st pipeline.Stages) func(ctx context.Context, htmlDir string) (time.Duration, error) {
	return func(ctx context.Context, htmlDir string) (time.Duration, error) {
		tmp, err := os.MkdirTemp("", "rinse-bench-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(tmp)
		start := time.Now()
		ds, err := load.OpenDataset(load.DatasetOptions{Dir: tmp, Format: "parquet", Version: "bench"})
		if err != nil {
			return 0, fmt.Errorf("opening dataset: %w", err)
		}
		src := &source.Dir{Root: htmlDir}
		opts := pipeline.Options{Workers: pipeline.Workers{Fetch: 1, Decode: 1, Extract: 1, Transform: 1}}
		sum, err := pipeline.Run(ctx, src, ds, st, opts)
		took := time.Since(start)
		if err != nil {
			return took, fmt.Errorf("running pipeline: %w", err)
		}
		if sum.Documents == 0 {
			return took, fmt.Errorf("running pipeline: no document written (%+v)", sum)
		}
		return took, nil
	}
}
