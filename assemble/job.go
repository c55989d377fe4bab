package assemble

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
// opposed to a run that failed (errors.Is(err, ErrUsage)).
var ErrUsage = errors.New("usage error")

// usageErr marks err as a usage error without changing its message.
type usageErr struct{ err error }

func (u *usageErr) Error() string        { return u.err.Error() }
func (u *usageErr) Unwrap() error        { return u.err }
func (u *usageErr) Is(target error) bool { return target == ErrUsage }

func usage(err error) error { return &usageErr{err} }

// Job is a run built from a Config: its source, its stages and the
// dataset it writes, which is opened first so that the stages get its
// incremental filter and conditional-request hook directly.
type Job struct {
	Config  *Config
	Shard   Shard
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
	if err := checkPaths(cfg); err != nil {
		return nil, usage(err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, usage(err)
	}
	shard, err := ResolveShard(cfg, os.Getenv)
	if err != nil {
		return nil, usage(err)
	}
	j := &Job{Config: cfg, Shard: shard}
	profiles, err := loadProfiles(cfg.Extract.Profiles)
	if err != nil {
		return nil, usage(err)
	}
	if j.Source, err = j.newSource(); err != nil {
		j.Close()
		return nil, usage(err)
	}
	if err := j.openDataset(log); err != nil {
		j.Close()
		return nil, err
	}
	if err := j.build(profiles); err != nil {
		j.Close()
		return nil, usage(err)
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
		return usage(err)
	}
	label := ""
	if j.Shard.On() {
		label = load.ShardLabel(j.Shard.Index, j.Shard.Count)
	}
	dir, remote, err := outputDirs(cfg, label)
	if err != nil {
		return usage(err)
	}
	j.Dataset, err = load.OpenDataset(load.DatasetOptions{
		Shard: label, Job: j.Shard.Job, Remote: remote,
		Dir: dir, Format: cfg.Format, PartitionBy: cfg.PartitionKeys(),
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
		return pipeline.Stages{}, usage(err)
	}
	profiles, err := loadProfiles(cfg.Extract.Profiles)
	if err != nil {
		return pipeline.Stages{}, usage(err)
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

// outputDirs gives the dataset's local directory and, for a bucket
// output, its URL: the local directory is then the work directory (one per
// output and shard), which holds the run's staging and a mirror of the
// state.
func outputDirs(cfg *Config, label string) (dir, remote string, err error) {
	if !load.IsRemote(cfg.Output) {
		return cfg.Output, "", nil
	}
	work := cfg.WorkDir
	if work == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", "", fmt.Errorf("no cache directory for the bucket output: give --work-dir (%w)", err)
		}
		h := sha256.Sum256([]byte(cfg.Output + "\x00" + label))
		work = filepath.Join(cache, "rinse", hex.EncodeToString(h[:8]))
	}
	return work, cfg.Output, nil
}

// checkPaths refuses what a run cannot mean: no output, no input, an
// output that is a file, or one inside (or equal to) the input, which the
// next run would read as pages.
func checkPaths(cfg *Config) error {
	switch {
	case cfg.Output == "":
		return errors.New("a run needs --output (the dataset directory to write)")
	case cfg.Input == "" && cfg.URLs == "":
		return errors.New("a run needs --input (a directory, page file or WARC archive) or --urls (a file of URLs)")
	case cfg.Input != "" && cfg.URLs != "":
		return errors.New("give --input or --urls, not both")
	}
	if load.IsRemote(cfg.Output) || load.IsRemote(cfg.Input) {
		return nil
	}
	if st, err := os.Stat(cfg.Output); err == nil && !st.IsDir() {
		return fmt.Errorf("--output %s is a file, not a directory", cfg.Output)
	}
	if cfg.Input == "" {
		return nil
	}
	in, out := realPath(cfg.Input), realPath(cfg.Output)
	if rel, err := filepath.Rel(in, out); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("--output %s is inside --input %s: the next run would read the dataset as pages", cfg.Output, cfg.Input)
	}
	return nil
}

// realPath is p absolute, with the links of its existing part resolved.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	for dir, rest := abs, ""; dir != filepath.Dir(dir); dir, rest = filepath.Dir(dir), filepath.Join(filepath.Base(dir), rest) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
	}
	return abs
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
		return &source.URLList{R: r, Keep: j.keep()}, nil
	}
	max := cfg.Pipeline.MaxPageBytes
	if load.IsRemote(cfg.Input) {
		b, err := load.OpenBucket(context.Background(), cfg.Input)
		if err != nil {
			return nil, err
		}
		j.closers = append(j.closers, b.Close)
		return &source.Bucket{B: b, MaxBytes: max, Keep: j.keep()}, nil
	}
	if _, err := os.Stat(cfg.Input); err != nil {
		return nil, fmt.Errorf("input: %w", err)
	}
	return &source.Dir{Root: cfg.Input, MaxBytes: max, FollowSymlinks: cfg.InputFollowSymlinks, Archives: source.WARCArchives(max), Keep: j.keep()}, nil
}

// keep is the source's filter of the run's shard, nil when not sharded.
func (j *Job) keep() func(string) bool {
	if !j.Shard.On() {
		return nil
	}
	return j.Shard.Keeps
}
