// Command rinse-beam runs rinse's stages as an Apache Beam pipeline: the
// rows `rinse run` writes for a fresh output, on Prism (the default, in
// this process), Flink, Spark or Dataflow. It reads the same config file,
// RINSE_* environment and setting flags as `rinse run`; Beam's options
// (--runner, --endpoint, --environment_type, …) choose the runner. See
// beam/README.md.
//
//	rinse-beam --input pages/ --output out/
//	rinse-beam --config rinse.yaml --runner flink --endpoint localhost:8099 --environment_type LOOPBACK
//	rinse-beam compare CLI_OUTPUT BEAM_OUTPUT
//
// Exit codes are rinse's: 0 done, 1 failed, 2 bad flags, config or
// output, 3 --strict and some pages were quarantined.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/spf13/pflag"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/beam/internal/rowdiff"
	"github.com/rinse-etl/rinse/beam/rinsebeam"
	"github.com/rinse-etl/rinse/internal/cmdconfig"
)

const (
	exitFailed      = 1
	exitUsage       = 2
	exitQuarantined = 3
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "compare" {
		os.Exit(compare(os.Args[2:]))
	}
	os.Exit(run())
}

func run() int {
	settings := pflag.NewFlagSet("rinse", pflag.ContinueOnError)
	cmdconfig.AddFlags(settings)
	exportFlags(settings, flag.CommandLine)
	configFile := flag.String("config", "", "config file (YAML; see configs/rinse.yaml), as for rinse run")
	shards := flag.Int("write_shards", 0, fmt.Sprintf("groups each table is cut into for writing (default %d)", rinsebeam.DefaultShards))
	runID := flag.String("run_id", "", "run id naming the files (default: a new one)")
	flag.Parse()
	// A worker started by a runner (DOCKER or PROCESS environment) runs
	// its bundles here and exits: the pipeline's settings travel with it.
	beam.Init()
	if flag.NArg() > 0 {
		return fail(exitUsage, fmt.Errorf("unexpected arguments %q (see --help)", flag.Args()))
	}
	cfg, err := cmdconfig.Load(*configFile, settings)
	if err != nil {
		return fail(exitUsage, err)
	}
	ctx := context.Background()
	if err := rinsebeam.CheckOutput(ctx, cfg.Output); err != nil {
		return fail(codeOf(err), err)
	}
	p, s := beam.NewPipelineWithRoot()
	id, err := rinsebeam.Build(s, rinsebeam.Options{Config: cfg, Shards: *shards, RunID: *runID})
	if err != nil {
		return fail(codeOf(err), err)
	}
	return execute(ctx, p, id, cfg)
}

// execute runs the pipeline on the runner the flags name and reports
// what the run published.
func execute(ctx context.Context, p *beam.Pipeline, id string, cfg *assemble.Config) int {
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return fail(exitFailed, fmt.Errorf("run %s failed (nothing published): %w", id, err))
	}
	if res != nil {
		fmt.Fprintf(os.Stderr, "rinse-beam: counters %s\n", counters(res))
	}
	sum, err := rinsebeam.ReadSummary(ctx, cfg.Output, id)
	if err != nil {
		return fail(exitFailed, err)
	}
	fmt.Fprintf(os.Stderr, "rinse-beam: run %s published %d documents, %d duplicates, %d quarantined in %d files to %s (%s)\n",
		id, sum.Rows["documents"], sum.Rows["_duplicates"], sum.Rows["quarantine"], len(sum.Files), cfg.Output,
		time.Since(start).Round(time.Millisecond))
	if cfg.Strict && sum.Rows["quarantine"] > 0 {
		return fail(exitQuarantined, fmt.Errorf("%d pages quarantined (--strict)", sum.Rows["quarantine"]))
	}
	return 0
}

// compare prints how the rows of two outputs differ (a `rinse run`
// dataset and a rinse-beam one, or two of either) and exits 1 if they do.
func compare(args []string) int {
	if len(args) != 2 {
		return fail(exitUsage, errors.New("usage: rinse-beam compare CLI_OUTPUT BEAM_OUTPUT"))
	}
	a, err := rowdiff.Read(args[0])
	if err != nil {
		return fail(exitFailed, err)
	}
	b, err := rowdiff.Read(args[1])
	if err != nil {
		return fail(exitFailed, err)
	}
	diffs := rowdiff.Compare(a, b)
	for _, d := range diffs {
		fmt.Println(d)
	}
	fmt.Printf("%s: %s\n%s: %s\n", args[0], a.Counts(), args[1], b.Counts())
	if len(diffs) > 0 {
		fmt.Printf("rows differ (%d differences)\n", len(diffs))
		return exitFailed
	}
	fmt.Println("rows equal")
	return 0
}

// counters sums rinse's counters over the steps that count them; a
// runner that reports no metrics leaves them out.
func counters(res beam.PipelineResult) string {
	sums := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Key.Namespace == "rinse" {
			sums[c.Key.Name] += c.Result()
		}
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(sums)) {
		out = append(out, fmt.Sprintf("%s=%d", k, sums[k]))
	}
	return strings.Join(out, " ")
}

func codeOf(err error) int {
	if errors.Is(err, assemble.ErrUsage) {
		return exitUsage
	}
	return exitFailed
}

func fail(code int, err error) int {
	fmt.Fprintln(os.Stderr, "rinse-beam:", err)
	return code
}
