package assemble

import (
	"context"
	"errors"
	"fmt"
	"os"

	"go.uber.org/zap"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/load/table"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/source"
	"github.com/rinse-etl/rinse/source/fetch"
)

// ErrUsage marks errors in the configuration or the command line, as
// opposed to a run that failed.
var ErrUsage = errors.New("usage")

// Job is a run built from a Config: its source, its stages and the
// dataset it writes, which is opened first so that the stages get its
// incremental filter and conditional-request hook directly.
type Job struct {
	Config  *Config
	Source  pipeline.Source
	Stages  pipeline.Stages
	Dataset *load.Dataset
	Options pipeline.Options
	closers []func() error
}

// Open builds the run cfg describes. Errors in cfg wrap ErrUsage; an
// output that cannot be opened does not. On success the dataset is locked
// until Run commits or Close aborts.
func Open(cfg *Config, log *zap.Logger) (*Job, error) {
	if log == nil {
		log = zap.NewNop()
	}
	if cfg.Output == "" || (cfg.Input == "" && cfg.URLs == "") {
		return nil, fmt.Errorf("%w: a run needs an output and an input (or URLs)", ErrUsage)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUsage, err)
	}
	j := &Job{Config: cfg}
	profiles, err := loadProfiles(cfg.Extract.Profiles)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUsage, err)
	}
	if j.Source, err = j.newSource(); err != nil {
		j.Close()
		return nil, fmt.Errorf("%w: %w", ErrUsage, err)
	}
	if err := j.openDataset(log); err != nil {
		j.Close()
		return nil, err
	}
	if err := j.build(profiles); err != nil {
		j.Close()
		return nil, fmt.Errorf("%w: %w", ErrUsage, err)
	}
	j.Options = pipeline.Options{
		Workers: pipeline.Workers{
			Fetch: cfg.Pipeline.FetchWorkers, Decode: cfg.Pipeline.DecodeWorkers,
			Extract: or(cfg.Pipeline.ExtractWorkers, cfg.Workers), Transform: or(cfg.Pipeline.TransformWorkers, cfg.Workers),
		},
		Buffer: cfg.Pipeline.Buffer, PageTimeout: cfg.Pipeline.PageTimeout, Logger: log,
	}
	return j, nil
}

func (j *Job) openDataset(log *zap.Logger) error {
	cfg := j.Config
	hash, err := Fingerprint(cfg)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUsage, err)
	}
	j.Dataset, err = load.OpenDataset(load.DatasetOptions{
		Dir: cfg.Output, Format: cfg.Format, PartitionBy: cfg.PartitionKeys(),
		File:      table.FileOptions{Compression: cfg.Dataset.Compression, RowGroupBytes: cfg.Dataset.RowGroupBytes},
		FileBytes: cfg.Dataset.FileBytes, Version: rinse.Version, ConfigHash: hash, Logger: log,
		Full: cfg.Full, Prune: cfg.Prune, Dedup: cfg.Dataset.Dedup,
	})
	return err
}

// options are the stage options cfg describes.
func options(cfg *Config, profiles *rules.Set) Options {
	o := Options{
		Version: rinse.Version, MaxPageBytes: cfg.Pipeline.MaxPageBytes, MaxDOMNodes: cfg.Pipeline.MaxDOMNodes, Profiles: profiles,
		KeepComments: cfg.Extract.KeepComments, MinWords: cfg.Extract.MinWords,
		Languages: cfg.Extract.Languages, EntityFS: configs.Entities,
		Gazetteers: cfg.Entities.Gazetteers,
	}
	if cfg.URLs != "" {
		o.Fetch = fetchOptions(cfg.Fetch)
	}
	return o
}

// StagesFor builds the stages cfg describes, as a run would, without a
// dataset: for inspecting or scoring pages one at a time (RunOne).
func StagesFor(cfg *Config) (pipeline.Stages, error) {
	if err := cfg.Validate(); err != nil {
		return pipeline.Stages{}, fmt.Errorf("%w: %w", ErrUsage, err)
	}
	profiles, err := loadProfiles(cfg.Extract.Profiles)
	if err != nil {
		return pipeline.Stages{}, fmt.Errorf("%w: %w", ErrUsage, err)
	}
	return Build(options(cfg, profiles))
}

// build makes the stages, wired to the dataset.
func (j *Job) build(profiles *rules.Set) error {
	cfg := j.Config
	o := options(cfg, profiles)
	o.Dataset = j.Dataset
	st, err := Build(o)
	if err != nil {
		return err
	}
	if cfg.URLs != "" && cfg.Fetch.Archive != "" {
		f, err := os.Create(cfg.Fetch.Archive)
		if err != nil {
			return fmt.Errorf("creating archive: %w", err)
		}
		j.closers = append(j.closers, f.Close)
		st.Fetch = pipeline.Tap(st.Fetch, source.NewArchiver(f).WritePage)
	}
	j.Stages = st
	return nil
}

// Run runs the job and commits the dataset (also when ctx is cancelled:
// the pages finished so far are committed). It releases what the job
// opened.
func (j *Job) Run(ctx context.Context) (rinse.Summary, error) {
	defer j.closeFiles()
	ds := j.Dataset
	j.Dataset = nil // committed or aborted by pipeline.Run
	return pipeline.Run(ctx, j.Source, ds, j.Stages, j.Options)
}

// Close releases a job that will not run: it aborts the dataset.
func (j *Job) Close() {
	if j.Dataset != nil {
		_ = j.Dataset.Abort()
		j.Dataset = nil
	}
	j.closeFiles()
}

func (j *Job) closeFiles() {
	for _, c := range j.closers {
		_ = c()
	}
	j.closers = nil
}

// fetchOptions overlays the fetch.* keys on the fetcher's defaults (which
// also set what the configuration does not expose, such as backoff bounds).
func fetchOptions(f FetchConfig) *fetch.Options {
	o := fetch.DefaultOptions()
	o.UserAgent = f.UserAgent
	o.Timeout = f.Timeout
	o.ConnectTimeout = f.ConnectTimeout
	o.MaxBytes = f.MaxBytes
	o.MaxRedirects = f.MaxRedirects
	o.Retries = f.Retries
	o.PerHostRate = f.PerHostRate
	o.PerHostBurst = f.PerHostBurst
	o.PerHostConcurrency = f.PerHostConcurrency
	o.RespectRobots = f.RespectRobots
	o.AllowPrivateNetworks = f.AllowPrivateNetworks
	return &o
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
func (j *Job) newSource() (pipeline.Source, error) {
	cfg := j.Config
	if cfg.URLs != "" {
		r := os.Stdin
		if cfg.URLs != "-" {
			f, err := os.Open(cfg.URLs)
			if err != nil {
				return nil, fmt.Errorf("opening URL list: %w", err)
			}
			j.closers = append(j.closers, f.Close)
			r = f
		}
		return &source.URLList{R: r}, nil
	}
	if _, err := os.Stat(cfg.Input); err != nil {
		return nil, fmt.Errorf("input: %w", err)
	}
	max := cfg.Pipeline.MaxPageBytes
	return &source.Dir{Root: cfg.Input, MaxBytes: max, FollowSymlinks: cfg.InputFollowSymlinks, Archives: source.WARCArchives(max)}, nil
}
