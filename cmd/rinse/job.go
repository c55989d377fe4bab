package main

import (
	"fmt"
	"os"

	"go.uber.org/zap"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/source"
)

// job is a run assembled from the config: the glue between the typed
// config and the library's options.
type job struct {
	cfg     *Config
	stages  pipeline.Stages
	source  pipeline.Source
	options pipeline.Options
	dataset load.DatasetOptions
	admit   *load.Admit
	closers []func() error
}

func newJob(cfg *Config, log *zap.Logger) (*job, error) {
	profiles, err := loadProfiles(cfg.Extract.Profiles)
	if err != nil {
		return nil, err
	}
	bo := assemble.Options{
		Version: version, MaxPageBytes: cfg.Pipeline.MaxPageBytes, Profiles: profiles,
		KeepComments: cfg.Extract.KeepComments, MinWords: cfg.Extract.MinWords,
		Languages: cfg.Extract.Languages, EntityFS: configs.Entities,
		Gazetteers: cfg.Entities.Gazetteers, Dedup: cfg.Dataset.Dedup,
	}
	j := &job{cfg: cfg}
	if cfg.URLs != "" {
		if bo.Fetch, err = j.fetchOptions(); err != nil {
			return nil, err
		}
	}
	if j.stages, err = assemble.Build(bo); err != nil {
		return nil, err
	}
	if cfg.URLs != "" && cfg.Fetch.Archive != "" {
		f, err := os.Create(cfg.Fetch.Archive)
		if err != nil {
			return nil, fmt.Errorf("creating archive: %w", err)
		}
		j.closers = append(j.closers, f.Close)
		j.stages.Fetch = pipeline.Tap(j.stages.Fetch, source.NewArchiver(f).WritePage)
	}
	j.options = pipeline.Options{
		Workers: pipeline.Workers{
			Fetch: cfg.Pipeline.FetchWorkers, Decode: cfg.Pipeline.DecodeWorkers,
			Extract: or(cfg.Pipeline.ExtractWorkers, cfg.Workers), Transform: or(cfg.Pipeline.TransformWorkers, cfg.Workers),
		},
		Buffer: cfg.Pipeline.Buffer, PageTimeout: cfg.Pipeline.PageTimeout, Logger: log,
	}
	hash, err := configHash(cfg)
	if err != nil {
		return nil, err
	}
	j.dataset = load.DatasetOptions{
		Dir: cfg.Output, Format: cfg.Format, PartitionBy: cfg.partitionKeys(),
		File:      load.FileOptions{Compression: cfg.Dataset.Compression, RowGroupBytes: cfg.Dataset.RowGroupBytes},
		FileBytes: cfg.Dataset.FileBytes, Version: version, ConfigHash: hash, Logger: log,
		Full: cfg.Full, Prune: cfg.Prune, Dedup: cfg.Dataset.Dedup,
	}
	return j, nil
}

func or(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}

// loadProfiles compiles the shipped site profiles and the user's, failing
// start-up on any invalid one (the error names file and line).
func loadProfiles(extra []string) (*rules.Set, error) {
	set, err := rules.Load(configs.Sites, "sites")
	if err != nil {
		return nil, fmt.Errorf("loading shipped site profiles: %w", err)
	}
	if len(extra) == 0 {
		return set, nil
	}
	user, err := rules.LoadFiles(extra...)
	if err != nil {
		return nil, err
	}
	return set.Merge(user), nil
}

// newSource picks the input: a URL list, or a directory / file / archive.
func (j *job) newSource() (pipeline.Source, error) {
	if j.cfg.URLs != "" {
		r := os.Stdin
		if j.cfg.URLs != "-" {
			f, err := os.Open(j.cfg.URLs)
			if err != nil {
				return nil, fmt.Errorf("opening URL list: %w", err)
			}
			j.closers = append(j.closers, f.Close)
			r = f
		}
		return &source.URLList{R: r}, nil
	}
	if _, err := os.Stat(j.cfg.Input); err != nil {
		return nil, fmt.Errorf("input: %w", err)
	}
	max := j.cfg.Pipeline.MaxPageBytes
	return &source.Dir{Root: j.cfg.Input, MaxBytes: max, Archives: source.WARCArchives(max)}, nil
}

// attach connects the stages to the dataset they write: the incremental
// filter. The dataset resolves duplicates itself when it commits, against
// every earlier run, so no dedup stage runs.
func (j *job) attach(ds *load.Dataset) {
	j.admit = ds.Admit()
	j.stages.Admit = j.admit
	j.stages.Sequential = nil
}

// wrapSink returns the sink for the run: the dataset itself.
func (j *job) wrapSink(ds *load.Dataset) pipeline.Sink { return ds }

// close releases what the job opened.
func (j *job) close() {
	for _, c := range j.closers {
		_ = c()
	}
}
