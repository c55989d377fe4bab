package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/pipeline"
)

func init() { register(newRunCmd) }

func newRunCmd() *cobra.Command {
	var configFile, cpuProfile, memProfile string
	cmd := &cobra.Command{
		Use:   "run --input DIR --output DIR",
		Short: "Turn a directory of pages (or WARC files, or URLs) into a dataset",
		Example: `  rinse run --input testdata/pages --output out
  rinse run --input crawl.warc.gz --output out --format both
  rinse run --urls urls.txt --output out --archive fetched.warc.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(configFile, cmd.Flags())
			if err != nil {
				return usageError(err)
			}
			stop, err := startProfiles(cpuProfile, memProfile)
			if err != nil {
				return usageError(err)
			}
			defer stop()
			return runJob(cmd.Context(), cfg)
		},
	}
	f := cmd.Flags()
	f.StringVar(&configFile, "config", "", "config file (YAML; see configs/rinse.yaml)")
	f.String("input", "", "directory, page file or WARC archive to read")
	f.String("output", "", "dataset directory to write")
	f.String("urls", "", "file of URLs to fetch, one per line (- for stdin)")
	f.String("format", "parquet", "output format: parquet, arrow or both")
	f.Int("workers", 0, "extract/transform workers (0 = number of CPUs)")
	f.Bool("full", false, "rebuild the dataset: process every input again, then drop rows of inputs gone")
	f.Bool("prune", false, "remove the rows of inputs this run did not see (by default they are kept)")
	f.Bool("strict", false, "exit 3 when any page was quarantined")
	f.String("progress", "auto", "progress bar: auto, always or never")
	f.String("log-level", "info", "log level: debug, info, warn or error")
	f.String("log-format", "auto", "log format: auto, json or console")
	f.StringSlice("partition-by", nil, "Hive partition keys: year, language, site, or none (default: none, flat files sorted by site)")
	f.String("archive", "", "also write fetched responses to this WARC.gz file")
	f.Bool("allow-private-networks", false, "allow fetching loopback, private and link-local addresses")
	f.Int("min-words", 5, "reject documents with fewer words")
	f.Bool("keep-comments", false, "keep comment sections in the main text")
	f.Duration("page-timeout", 0, "time budget of one page (default 10s)")
	f.String("user-agent", "", "User-Agent for fetching")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (go tool pprof) to this file")
	f.StringVar(&memProfile, "memprofile", "", "write a heap profile at the end of the run to this file")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	return cmd
}

// runJob runs one batch job as configured and maps its outcome to an exit
// code: see the exit codes in root.go.
func runJob(parent context.Context, cfg *Config) error {
	if cfg.Output == "" || (cfg.Input == "" && cfg.URLs == "") {
		return usageError(errors.New("run needs --output and --input (or --urls)"))
	}
	log, err := newLogger(cfg.Log.Level, cfg.Log.Format)
	if err != nil {
		return usageError(err)
	}
	defer func() { _ = log.Sync() }()
	job, err := newJob(cfg, log)
	if err != nil {
		return usageError(err)
	}
	defer job.close()
	if job.source, err = job.newSource(); err != nil {
		return usageError(err)
	}
	if os.Getenv("GOMEMLIMIT") == "" && cfg.Pipeline.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.Pipeline.MemoryLimit)
	}
	ds, err := load.OpenDataset(job.dataset)
	if err != nil {
		return &exitError{code: exitFailed, err: err}
	}
	job.attach(ds)
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first signal drains and commits; stop() then restores the
	// default handlers, so a second signal ends the process at once (the
	// next run removes what it staged).
	defer context.AfterFunc(ctx, stop)()

	log.Info("run starting", zap.String("run", ds.RunID()), zap.String("input", cfg.Input),
		zap.String("output", cfg.Output), zap.String("format", cfg.Format))
	bar := newProgress(cfg.Progress)
	job.options.Progress = bar.update
	sum, err := pipeline.Run(ctx, job.source, job.wrapSink(ds), job.stages, job.options)
	bar.finish()
	printSummary(os.Stderr, sum, ds.RunID(), cfg.Output)
	switch {
	case err != nil:
		return &exitError{code: exitFailed, err: fmt.Errorf("run failed (nothing committed): %w", err)}
	case sum.Interrupted:
		return &exitError{code: exitFailed, err: errors.New("interrupted: the pages finished so far are committed; run again to continue")}
	case cfg.Strict && sum.Quarantined > 0:
		return &exitError{code: exitQuarantined, err: fmt.Errorf("%d pages quarantined (--strict)", sum.Quarantined)}
	}
	return nil
}
