package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/evaluate"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/source"
)

func init() {
	st, err := rinseStages()
	if err != nil {
		// The baselines are worth running on their own; say why rinse
		// is missing instead of giving up.
		fmt.Fprintln(os.Stderr, "compare: rinse left out:", err)
		return
	}
	contenders = append(contenders,
		contender{name: "rinse", fn: evaluate.Rinse(runOne(st))},
		contender{name: "rinse whole run", whole: wholeRun(st)},
	)
}

// rinseStages builds the standard stages with the shipped profiles and
// gazetteers and the default settings, as `rinse eval` does without a
// config file. Dedup is off: in the whole run too, every suite page must
// go through every stage.
func rinseStages() (pipeline.Stages, error) {
	profiles, err := rules.Load(configs.Sites, "sites")
	if err != nil {
		return pipeline.Stages{}, fmt.Errorf("loading site profiles: %w", err)
	}
	return assemble.Build(assemble.Options{
		Version:      "bench",
		MaxPageBytes: 32 << 20,
		Profiles:     profiles,
		MinWords:     5,
		EntityFS:     configs.Entities,
		Dedup:        "none",
	})
}

// runOne adapts assemble.RunOne, naming the failing stage in the error.
func runOne(st pipeline.Stages) evaluate.Stages {
	return func(ctx context.Context, p *rinse.Page) (*rinse.Document, error) {
		doc, stage, err := assemble.RunOne(ctx, st, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", stage, err)
		}
		return doc, nil
	}
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
