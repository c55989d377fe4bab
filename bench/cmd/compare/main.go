// Command compare scores rinse and two Go baselines (go-trafilatura and
// readeck's go-readability) on the evaluation suites and times them side
// by side, one worker each, in the same process.
//
// Every round runs each contender once over the whole suite, the order
// rotating from round to round so that none always runs first on a warm
// or a cold machine; the table shows the median round. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rinse-etl/rinse/evaluate"
)

// contender is one extractor under comparison. Exactly one of fn and
// whole is set: fn is scored and timed per page by evaluate.Run; whole
// times a complete run over the suite folder and is not scored (its
// extraction is the same as another contender's).
type contender struct {
	name  string
	fn    evaluate.Func
	whole func(ctx context.Context, htmlDir string) (time.Duration, error)
}

// contenders lists the baselines; rinse.go adds rinse's entries.
var contenders = []contender{
	{name: "go-trafilatura", fn: trafilaturaFunc(false)},
	{name: "go-trafilatura+fallback", fn: trafilaturaFunc(true)},
	{name: "go-readability", fn: readabilityFunc},
}

// reference is the contender the speed ratios are relative to.
const reference = "go-trafilatura"

func main() {
	data := flag.String("data", filepath.Join("..", "..", "shared", "bench"), "folder holding the suite folders")
	suites := flag.String("suites", "zyte,boilerplate,dates,wild,"+readabilitySuite, "comma-separated suites to run")
	rdir := flag.String("readability", "", "go-readability module folder holding test-pages/ (default: the one this binary was built with, in the module cache)")
	rounds := flag.Int("rounds", 3, "timed rounds per contender; the median is shown")
	only := flag.String("only", "", "comma-separated contender names to run (default all)")
	dump := flag.Int("dump", 0, "after each table, list the N worst pages of each scored contender")
	cpu := flag.Bool("cpu", false, "after each table, compare the CPU time of `rinse run` and go-trafilatura as processes of their own")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cs, err := pick(*only)
	if err != nil {
		fail(err)
	}
	var tools *cpuTools
	if *cpu {
		if tools, err = buildCPUTools(); err != nil {
			fail(err)
		}
		defer tools.remove()
	}
	for _, name := range strings.Split(*suites, ",") {
		bs, err := loadSuite(name, *data, *rdir)
		if errors.Is(err, errNoPages) {
			// The held-out pages come from the module cache, which a
			// vendored or trimmed setup may lack: say so and go on.
			fmt.Printf("\nsuite %s skipped: %v (pass -readability with the go-readability module folder)\n", name, err)
			continue
		}
		if err != nil {
			fail(err)
		}
		res := compare(ctx, bs, cs, max(1, *rounds))
		printTable(os.Stdout, bs, res, *rounds)
		if *cpu {
			compareCPU(ctx, os.Stdout, tools, bs.htmlDir, max(1, *rounds))
		}
		bs.cleanup()
		if *dump > 0 {
			for _, r := range res {
				if r.scored {
					r.report.PrintWorst(os.Stdout, *dump)
					if bs.name == readabilitySuite {
						printMetaMisses(os.Stdout, r.name, r.report.Results, *dump)
					}
				}
			}
		}
		if ctx.Err() != nil {
			fail(ctx.Err())
		}
	}
}

// result gathers one contender's rounds on one suite.
type result struct {
	name   string
	scored bool
	report evaluate.Report // the first round's, for the scores
	times  []time.Duration
	err    error
}

// median is the middle round's wall time.
func (r result) median() time.Duration {
	t := slices.Clone(r.times)
	slices.Sort(t)
	if len(t) == 0 {
		return 0
	}
	return t[len(t)/2]
}

// compare runs every contender rounds times, rotating the order.
func compare(ctx context.Context, bs benchSuite, cs []contender, rounds int) []result {
	res := make([]result, len(cs))
	for i, c := range cs {
		res[i] = result{name: c.name, scored: c.fn != nil}
	}
	for round := range rounds {
		for k := range cs {
			i := (k + round) % len(cs)
			if ctx.Err() != nil {
				return res
			}
			// Start each timed run from the same heap state, so one
			// contender's garbage is not collected on another's clock.
			runtime.GC()
			c := cs[i]
			fmt.Fprintf(os.Stderr, "round %d/%d %s on %s...\n", round+1, rounds, c.name, bs.name)
			if c.fn != nil {
				rep := evaluate.Run(ctx, bs.Suite, c.fn)
				rep.Name = c.name
				if round == 0 {
					res[i].report = rep
				}
				res[i].times = append(res[i].times, rep.Elapsed)
				continue
			}
			took, err := c.whole(ctx, bs.htmlDir)
			if err != nil {
				res[i].err = err
				continue
			}
			res[i].times = append(res[i].times, took)
		}
	}
	return res
}

// pick filters the contenders by name.
func pick(only string) ([]contender, error) {
	if only == "" {
		return contenders, nil
	}
	var cs []contender
	for _, name := range strings.Split(only, ",") {
		i := slices.IndexFunc(contenders, func(c contender) bool { return c.name == name })
		if i < 0 {
			names := make([]string, len(contenders))
			for j, c := range contenders {
				names[j] = c.name
			}
			sort.Strings(names)
			return nil, fmt.Errorf("-only: unknown contender %q (have %s)", name, strings.Join(names, ", "))
		}
		cs = append(cs, contenders[i])
	}
	return cs, nil
}

// printTable writes one suite's comparison.
func printTable(w io.Writer, bs benchSuite, res []result, rounds int) {
	mb := float64(bs.Bytes()) / 1e6
	fmt.Fprintf(w, "\nsuite %s: %d pages, %.1f MB raw; median of %d rounds, one worker each\n",
		bs.name, len(bs.Cases), mb, rounds)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	var ref time.Duration
	width := 0
	for _, r := range res {
		if r.name == reference {
			ref = r.median()
		}
		width = max(width, len(r.name))
	}
	fmt.Fprintf(tw, "%-*s\tF1\tP\tR\taccuracy\terrors\t%sseconds\tpages/s\tMB/s\tspeed vs %s\t\n",
		width, "extractor", metaHeader(bs), reference)
	for _, r := range res {
		// Padding the name keeps it left-aligned in a right-aligned table.
		fmt.Fprintf(tw, "%-*s\t%s%s", width, r.name, scores(r), metaCells(bs, r))
		if r.err != nil {
			fmt.Fprintf(tw, "error: %v\t\t\t\t\n", r.err)
			continue
		}
		t := r.median().Seconds()
		ratio := "-"
		if ref > 0 && t > 0 {
			ratio = fmt.Sprintf("%.2fx", ref.Seconds()/t)
		}
		fmt.Fprintf(tw, "%.2f\t%.1f\t%.2f\t%s\t\n", t, float64(len(bs.Cases))/t, mb/t, ratio)
	}
	tw.Flush()
	for _, n := range bs.notes {
		fmt.Fprintf(w, "  %s\n", n)
	}
}

// scores renders the headline score cells of a contender.
func scores(r result) string {
	if !r.scored {
		return "-\t-\t-\t-\t-\t"
	}
	rep := r.report
	var p, rc, acc float64
	switch rep.Kind {
	case evaluate.Zyte:
		p, rc, acc = rep.Zyte.Precision, rep.Zyte.Recall, rep.Zyte.Accuracy
	case evaluate.Wild:
		// Means over pages; no exact-match accuracy (see the median and
		// the source sets in the columns after).
		return fmt.Sprintf("%.3f\t%.3f\t%.3f\t-\t%d\t", rep.F1(), rep.Wild.Precision, rep.Wild.Recall, rep.Errors)
	case evaluate.Boilerplate:
		p, rc, acc = rep.Boilerplate.Precision, rep.Boilerplate.Recall, rep.Boilerplate.Accuracy
	default:
		p, rc, acc = rep.Dates.Precision, rep.Dates.Recall, rep.Dates.Accuracy
	}
	return fmt.Sprintf("%.3f\t%.3f\t%.3f\t%.3f\t%d\t", rep.F1(), p, rc, acc, rep.Errors)
}

// metaFields are the boilerplate metadata columns, as exact-match rates
// over the pages that label a non-empty value.
var metaFields = []string{evaluate.FieldTitle, evaluate.FieldAuthor, evaluate.FieldDate}

// metaHeader names the suite's extra columns: boilerplate's labelled
// fields, the readability suite's date and byline, or the wild suite's
// median F1 and the mean F1 of each source set.
func metaHeader(bs benchSuite) string {
	switch bs.name {
	case string(evaluate.Boilerplate):
		return strings.Join(metaFields, "\t") + "\t"
	case readabilitySuite:
		return "date\tbyline\t"
	case string(evaluate.Wild):
		return "median\t" + strings.Join(wildSets(bs.Suite), "\t") + "\t"
	}
	return ""
}

func metaCells(bs benchSuite, r result) string {
	switch bs.name {
	case string(evaluate.Boilerplate):
	case readabilitySuite:
		if !r.scored {
			return "-\t-\t"
		}
		return scoreHeldout(r.report.Results).cells()
	case string(evaluate.Wild):
		return wildCells(bs.Suite, r)
	default:
		return ""
	}
	var b strings.Builder
	for _, f := range metaFields {
		if s, ok := r.report.Boilerplate.Meta[f]; r.scored && ok && s.NonEmpty > 0 {
			fmt.Fprintf(&b, "%.3f\t", s.NonEmptyRate())
		} else {
			b.WriteString("-\t")
		}
	}
	return b.String()
}

// wildSets names the wild suite's source sets, in name order.
func wildSets(s evaluate.Suite) []string {
	var sets []string
	for _, c := range s.Cases {
		sets = append(sets, evaluate.SourceSet(c.ID))
	}
	slices.Sort(sets)
	return slices.Compact(sets)
}

// wildCells renders the median F1 and the mean F1 of each source set.
func wildCells(s evaluate.Suite, r result) string {
	sets := wildSets(s)
	if !r.scored {
		return strings.Repeat("-\t", len(sets)+1)
	}
	w := r.report.Wild
	var b strings.Builder
	fmt.Fprintf(&b, "%.3f\t", w.Median)
	for _, set := range sets {
		fmt.Fprintf(&b, "%.3f\t", w.Sets[set].F1)
	}
	return b.String()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "compare:", err)
	os.Exit(1)
}
