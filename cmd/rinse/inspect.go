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
	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/source"
)

func init() { register(newInspectCmd) }

// newInspectCmd prints what one page's row would hold, for writing and
// debugging site profiles.
func newInspectCmd() *cobra.Command {
	var configFile, url, explainTo string
	var blocks bool
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Print one page's document as JSON (what its row would hold)",
		Long: `Print one page's document as JSON (what its row would hold), or the
quarantine record when the page fails.

--blocks adds "blocks": the extractor's content blocks before the
boilerplate rules, one string each, as "[KIND LINKDENSITY] text". KIND is
the block's kind: 0 paragraph, 1 heading, 2 list item, 3 quote, 4 table
row, 5 preformatted, 6 line of a text dump. LINKDENSITY is the share of
the block's characters inside links (0.00 to 1.00); link-dense blocks are
navigation and teasers. "profile" names the site profile that matched.

--explain FILE writes a self-contained HTML page (no scripts, no external
resources) showing the page's blocks in reading order: kept ones plain,
removed ones struck through and tinted by reason, each with the rule,
profile line or score that removed it, then the metadata and where each
field came from (JSON-LD, meta tags, bylines, the URL, text patterns,
profile selectors).`,
		Example: `  rinse inspect testdata/pages/mooflife/berlin-wall-opens-1989.html
  rinse inspect --url https://www.mooflife.com/moment/x saved.html --blocks
  rinse inspect testdata/pages/mooflife/voyager-1-launch-1977.txt --explain explain.html`,
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
			return inspectPage(cmd, stages, page, blocks, explainTo)
		},
	}
	cmd.Flags().StringVar(&configFile, "config", "", "config file (YAML)")
	cmd.Flags().StringVar(&url, "url", "", "the page's URL (selects site profiles by host)")
	cmd.Flags().BoolVar(&blocks, "blocks", false, `also print the extracted blocks before boilerplate rules, as "[kind linkdensity] text" (see above)`)
	cmd.Flags().StringVar(&explainTo, "explain", "", "write an HTML page to this file showing what was kept and removed, and why")
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

func inspectPage(cmd *cobra.Command, st pipeline.Stages, page *rinse.Page, blocks bool, explainTo string) error {
	ctx, runCtx := cmd.Context(), cmd.Context()
	var trace *explain.Trace
	if explainTo != "" {
		trace = explain.New()
		runCtx = explain.With(ctx, trace)
	}
	doc, stage, err := assemble.RunOne(runCtx, st, page)
	if trace != nil {
		if werr := writeExplain(explainTo, trace, explain.Page{Source: page.Source, URL: page.URL, Doc: doc, Stage: stage, Err: err}); werr != nil {
			return werr
		}
	}
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

// writeExplain renders the explain page into path.
func writeExplain(path string, t *explain.Trace, p explain.Page) error {
	f, err := os.Create(path)
	if err != nil {
		return usageError(err)
	}
	if err := t.Render(f, p); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

func blockJSON(bs []rinse.Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = fmt.Sprintf("[%d %.2f] %s", b.Kind, b.LinkDensity, strings.TrimSpace(b.Text))
	}
	return out
}
