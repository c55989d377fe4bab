package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/evaluate"
)

func init() { register(newEvalCmd) }

func newEvalCmd() *cobra.Command {
	var (
		suite, data, configFile string
		dump                    int
	)
	cmd := &cobra.Command{
		Use:   "eval --suite zyte|boilerplate|dates|wild [--data DIR] [--dump N]",
		Short: "Score rinse's extraction on a labelled evaluation suite",
		Long: `Runs rinse's decode, extract and transform stages over every page of a
labelled suite, one page at a time, and prints the suite's scores and the
throughput. --dump N lists the N worst pages with what went wrong.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			kind := evaluate.Kind(suite)
			if !slices.Contains(evaluate.Kinds, kind) {
				return usageError(fmt.Errorf("--suite %q: want one of %v", suite, evaluate.Kinds))
			}
			if data == "" {
				data = filepath.Join("..", "shared", "bench", suite)
			}
			if _, err := os.Stat(data); errors.Is(err, fs.ErrNotExist) {
				return usageError(fmt.Errorf("suite folder %s not found: pass --data with the folder holding the %s suite", data, suite))
			}
			st, err := evalStages(configFile, data)
			if err != nil {
				return err
			}
			s, err := evaluate.Load(kind, data)
			if err != nil {
				return err
			}
			rep := evaluate.Run(cmd.Context(), s, evaluate.Rinse(st))
			rep.Name = "rinse " + version
			out := cmd.OutOrStdout()
			rep.Print(out)
			if dump > 0 {
				rep.PrintWorst(out, dump)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&suite, "suite", "", "suite to score: zyte, boilerplate, dates or wild")
	cmd.Flags().StringVar(&data, "data", "", "suite folder (default ../shared/bench/<suite>)")
	cmd.Flags().IntVar(&dump, "dump", 0, "list the N worst pages")
	cmd.Flags().StringVar(&configFile, "config", "", "config file (YAML); eval scores the stages it configures")
	_ = cmd.MarkFlagRequired("suite")
	return cmd
}

// evalStages builds the stages exactly as `rinse run` would with the same
// config, and runs them one page at a time. Dedup is sequential and not
// part of RunOne, so every suite page is scored on its own.
func evalStages(configFile, data string) (evaluate.Stages, error) {
	cfg, err := loadConfig(configFile, nil)
	if err != nil {
		return nil, err
	}
	// Short pages are scored on what was extracted rather than rejected.
	cfg.Extract.MinWords = 0
	stages, err := assemble.StagesFor(cfg)
	if err != nil {
		return nil, fmt.Errorf("building stages: %w", err)
	}
	return func(ctx context.Context, p *rinse.Page) (*rinse.Document, error) {
		doc, stage, err := assemble.RunOne(ctx, stages, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", stage, err)
		}
		return doc, nil
	}, nil
}
