// Package rinseport adapts rinse's own stages to evaluate.Func.
package rinseport

import (
	"context"
	"fmt"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/evaluate"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
)

// Stages builds the standard stages with the shipped profiles and
// gazetteers and the default settings, as `rinse eval` does without a
// config file. Dedup is off: every suite page must go through every
// stage.
func Stages() (pipeline.Stages, error) {
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

// Func runs rinse's decode → extract → transforms on one page at a time
// (assemble.RunOne), naming the failing stage in the error.
func Func(st pipeline.Stages) evaluate.Func {
	return evaluate.Rinse(func(ctx context.Context, p *rinse.Page) (*rinse.Document, error) {
		doc, stage, err := assemble.RunOne(ctx, st, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", stage, err)
		}
		return doc, nil
	})
}
