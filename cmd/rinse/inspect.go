package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/source"
)

func init() { register(newInspectCmd) }

// newInspectCmd prints what one page's row would hold, for writing and
// debugging site profiles.
func newInspectCmd() *cobra.Command {
	var configFile, url string
	var blocks bool
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Print one page's document as JSON (what its row would hold)",
		Example: `  rinse inspect testdata/pages/mooflife/apollo-11.html
  rinse inspect --url https://www.mooflife.com/moment/x saved.html --blocks`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig(configFile, nil)
			if err != nil {
				return usageError(err)
			}
			stages, err := assemble.StagesFor(cfg)
			if err != nil {
				return usageError(err)
			}
			page, err := readOne(args[0], cfg.Pipeline.MaxPageBytes)
			if err != nil {
				return usageError(err)
			}
			page.URL = url
			return inspectPage(cmd, stages, page, blocks)
		},
	}
	cmd.Flags().StringVar(&configFile, "config", "", "config file (YAML)")
	cmd.Flags().StringVar(&url, "url", "", "the page's URL (selects site profiles by host)")
	cmd.Flags().BoolVar(&blocks, "blocks", false, "also print the extracted blocks before boilerplate rules")
	return cmd
}

// readOne reads a single page file the way a directory run would.
func readOne(path string, maxBytes int64) (*rinse.Page, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory: inspect takes one page file", path)
	}
	var page *rinse.Page
	src := &source.Dir{Root: path, MaxBytes: maxBytes}
	err := src.Walk(context.Background(), func(p *rinse.Page) error { page = p; return nil })
	if err != nil {
		return nil, err
	}
	page.Source = filepath.Base(path)
	return page, nil
}

func inspectPage(cmd *cobra.Command, st pipeline.Stages, page *rinse.Page, blocks bool) error {
	ctx := cmd.Context()
	doc, stage, err := assemble.RunOne(ctx, st, page)
	out := map[string]any{}
	if err != nil {
		out["quarantined"] = map[string]string{"stage": stage, "reason": rinse.Reason(err), "error": err.Error()}
	} else if doc != nil {
		out["document"] = documentJSON(doc)
	}
	if blocks && page.Err == nil {
		if p, err := st.Decode.Process(ctx, page); err == nil {
			if d, err := st.Extract.Process(ctx, p); err == nil {
				out["blocks"] = blockJSON(d.Blocks)
				out["profile"] = d.Profile
			}
		}
	}
	enc := json.NewEncoder(cmd.OutOrStdout())
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func blockJSON(bs []rinse.Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = fmt.Sprintf("[%d %.2f] %s", b.Kind, b.LinkDensity, strings.TrimSpace(b.Text))
	}
	return out
}
