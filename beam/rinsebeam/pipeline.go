package rinsebeam

import (
	"context"
	"fmt"
	"path"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/load/table"
)

func init() {
	register.Function3x0[Row, func(Row), func(Row)](splitRows)
}

// Build adds the run o describes to scope s and returns its run id. The
// configuration is checked first: its errors wrap assemble.ErrUsage.
func Build(s beam.Scope, o Options) (string, error) {
	if err := o.check(); err != nil {
		return "", err
	}
	set := o.settings()
	enc := set.encode()
	s = s.Scope("rinse")

	inputs := beam.ParDo(s, &listFn{Settings: enc}, beam.Impulse(s))
	pages, failed := beam.ParDo2(s, &readFn{Settings: enc}, beam.Reshuffle(s, inputs))
	// Archives fan out into many records: spread them over the workers.
	rows := beam.ParDo(s, &stagesFn{Settings: enc}, beam.Reshuffle(s, pages))
	rows = dropRepeats(s, beam.Flatten(s, rows, failed))

	docs, quarantined := beam.ParDo2(s, splitRows, rows)
	dedup := set.Config.Dataset.Dedup
	if dedup != "none" {
		docs = dropExact(s, docs)
	}
	if dedup == "near" {
		docs = markNear(s, docs, load.DefaultNearThreshold)
	}
	shards := beam.ParDo(s, &shardFn{Shards: set.Shards}, beam.Flatten(s, docs, quarantined))
	files := beam.ParDo(s, &writeFn{Settings: enc}, beam.GroupByKey(s, shards))
	publish(s, enc, files)
	return set.RunID, nil
}

// splitRows separates documents from quarantine rows.
func splitRows(r Row, docs, quarantined func(Row)) {
	if r.Quarantined {
		quarantined(r)
		return
	}
	docs(r)
}

// CheckOutput refuses an output that holds a dataset already: a Beam run
// writes a fresh one (rinse run updates a dataset incrementally).
func CheckOutput(ctx context.Context, output string) error {
	st, err := openStore(ctx, output)
	if err != nil {
		return fmt.Errorf("opening output: %w", err)
	}
	defer st.close()
	for _, dir := range []string{tableDocuments, tableQuarantine, summaryDir, "_manifest"} {
		ok, err := st.has(ctx, dir)
		if err != nil {
			return fmt.Errorf("checking output: %w", err)
		}
		if ok {
			return usage(fmt.Errorf("--output %s already holds a dataset (%s): give a new output", output, path.Join(output, dir)))
		}
	}
	return nil
}

func schemaVersion() int { return table.SchemaVersion }
