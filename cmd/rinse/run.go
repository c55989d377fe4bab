package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/rinse-etl/rinse/assemble"
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
	addSettingFlags(f)
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (go tool pprof) to this file")
	f.StringVar(&memProfile, "memprofile", "", "write a heap profile at the end of the run to this file")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	return cmd
}

// runJob runs one batch job as configured and maps its outcome to an exit
// code: see the exit codes in root.go.
func runJob(parent context.Context, cfg *assemble.Config) error {
	log, err := newLogger(cfg.Log.Level, cfg.Log.Format)
	if err != nil {
		return usageError(err)
	}
	defer func() { _ = log.Sync() }()
	if os.Getenv("GOMEMLIMIT") == "" && cfg.Pipeline.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.Pipeline.MemoryLimit)
	}
	job, err := assemble.Open(cfg, log)
	if errors.Is(err, assemble.ErrUsage) {
		return usageError(err)
	} else if err != nil {
		return &exitError{code: exitFailed, err: err}
	}
	defer job.Close()
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first signal drains and commits; stop() then restores the
	// default handlers, so a second signal ends the process at once (the
	// next run removes what it staged).
	defer context.AfterFunc(ctx, stop)()

	run := job.Dataset.RunID()
	log.Info("run starting", zap.String("run", run), zap.String("input", cfg.Input),
		zap.String("output", cfg.Output), zap.String("format", cfg.Format))
	rep := newReporter(cfg.Progress, cfg.ProgressInterval, log)
	job.Options.Progress = rep.update
	job.Options.ProgressEvery = min(cfg.ProgressInterval, 500*time.Millisecond)
	sum, err := job.Run(ctx)
	rep.finish()
	logFinished(log, sum, run, err)
	printSummary(os.Stderr, sum, run, cfg.Output, cfg.Format)
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
