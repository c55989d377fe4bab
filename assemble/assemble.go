package assemble

import (
	"context"
	"fmt"
	"io/fs"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/decode"
	"github.com/rinse-etl/rinse/extract"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/source/fetch"
	"github.com/rinse-etl/rinse/transform"
	"github.com/rinse-etl/rinse/transform/boilerplate"
	"github.com/rinse-etl/rinse/transform/dates"
	"github.com/rinse-etl/rinse/transform/entities"
	"github.com/rinse-etl/rinse/transform/language"
)

// Options choose and tune the standard stages.
type Options struct {
	// Version is written as pipeline_version.
	Version string
	// MaxPageBytes caps a page's size at decode.
	MaxPageBytes int64
	// MaxDOMNodes caps a page's parse tree (0: extract's default).
	MaxDOMNodes int
	// Profiles are the compiled site profiles (rules.Load).
	Profiles *rules.Set
	// KeepComments keeps comment sections in the main text.
	KeepComments bool
	// MinWords rejects shorter documents as too short.
	MinWords int
	// Languages, when set, rejects documents in other languages.
	Languages []string
	// EntityFS holds the bundled gazetteers ("entities/*"); Gazetteers
	// are user files merged over them.
	EntityFS   fs.FS
	Gazetteers []string
	// Fetch, when set, adds the fetch stage for URL inputs.
	Fetch *fetch.Options
	// Dataset, when set, is the dataset the run writes: its incremental
	// filter runs first on every page, the fetcher asks it for the HTTP
	// validators of earlier fetches, and it resolves duplicates itself
	// when it commits (so no dedup stage is added).
	Dataset *load.Dataset
	// Dedup is "exact", "near" or "none": the in-memory dedup stage, for
	// runs into a sink of your own (ignored with a Dataset).
	Dedup string
	// Now is the processed_at clock.
	Now func() time.Time
}

// Build assembles the standard stages: [fetch] → [admit] → decode →
// extract → boilerplate → normalize → language → dates → entities →
// finalize, then, without a dataset, dedup in input order on the sink
// goroutine.
func Build(o Options) (pipeline.Stages, error) {
	var st pipeline.Stages
	var admit *load.Admit
	if o.Dataset != nil {
		admit = o.Dataset.Admit()
		st.Admit = admit
	}
	if o.Fetch != nil {
		fo := *o.Fetch
		if admit != nil {
			fo.Conditional = admit.Conditional
		}
		f, err := fetch.New(fo)
		if err != nil {
			return st, fmt.Errorf("building fetch stage: %w", err)
		}
		st.Fetch = f
	}
	ents, err := entities.New(entities.Options{Bundled: o.EntityFS, Gazetteers: o.Gazetteers})
	if err != nil {
		return st, fmt.Errorf("building entity stage: %w", err)
	}
	generic, err := rules.LoadRules(configs.Rules, "rules")
	if err != nil {
		return st, fmt.Errorf("loading generic rules: %w", err)
	}
	st.Decode = decode.New(decode.Options{MaxBytes: o.MaxPageBytes})
	st.Extract = extract.NewExtractor(extract.ExtractorOptions{Profiles: o.Profiles, KeepComments: o.KeepComments, DOM: extract.DOMLimits{MaxNodes: o.MaxDOMNodes}})
	st.Transform = []pipeline.DocProcessor{
		boilerplate.New(o.Profiles, generic),
		transform.Normalize{},
		language.New(language.Options{Allowed: o.Languages}),
		dates.New(dates.Options{}),
		ents,
		transform.NewFinalize(transform.FinalizeOptions{Version: o.Version, MinWords: o.MinWords, Now: o.Now}),
	}
	if o.Dataset == nil && o.Dedup != "" {
		if d := transform.NewDedup(transform.DedupOptions{Mode: o.Dedup}); d != nil {
			st.Sequential = append(st.Sequential, d)
		}
	}
	return st, nil
}

// RunOne passes one page through every stage of st synchronously, as a
// run would (without the sequential stages and the sink): for inspecting
// a page or evaluating quality. It returns the stage name with the error
// when the page fails, and a nil document without an error when a stage
// filters the page.
func RunOne(ctx context.Context, st pipeline.Stages, p *rinse.Page) (*rinse.Document, string, error) {
	if p.Err != nil {
		return nil, "read", p.Err
	}
	var err error
	if st.Fetch != nil {
		if p, err = st.Fetch.Process(ctx, p); err != nil || p == nil {
			return nil, "fetch", err
		}
	}
	if p, err = st.Decode.Process(ctx, p); err != nil || p == nil {
		return nil, "decode", err
	}
	doc, err := st.Extract.Process(ctx, p)
	if err != nil || doc == nil {
		return nil, "extract", err
	}
	for _, t := range st.Transform {
		if doc, err = t.Process(ctx, doc); err != nil || doc == nil {
			return nil, "transform", err
		}
	}
	return doc, "", nil
}
