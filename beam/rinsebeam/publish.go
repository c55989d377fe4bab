package rinsebeam

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rinse-etl/rinse"
)

func init() {
	register.DoFn3x1[context.Context, []byte, func(*File) bool, error](&publishFn{})
	register.Iter1[File]()
}

// summaryDir holds one summary per published run.
const summaryDir = "_beam"

// Summary is OUTPUT/_beam/RUN.json: what a run published.
type Summary struct {
	RunID         string    `json:"run_id"`
	PublishedAt   time.Time `json:"published_at"`
	RinseVersion  string    `json:"rinse_version"`
	SchemaVersion int       `json:"schema_version"`
	// Rows counts the rows of each table.
	Rows  map[string]int64 `json:"rows"`
	Files []File           `json:"files"`
}

// publish runs once, after every writer is done (the files are its side
// input; its main input is a single impulse): it moves the files the
// writers reported to their names, writes the summary, and removes the
// run's staging with whatever failed attempts left in it.
func publish(s beam.Scope, settings []byte, files beam.PCollection) {
	s = s.Scope("publish")
	beam.ParDo0(s, &publishFn{Settings: settings}, beam.Impulse(s), beam.SideInput{Input: files})
}

type publishFn struct {
	Settings []byte
}

func (f *publishFn) ProcessElement(ctx context.Context, _ []byte, it func(*File) bool) error {
	s, err := decodeSettings(f.Settings)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, s.Config.Output)
	if err != nil {
		return err
	}
	defer st.close()
	sum := collect(s.RunID, it)
	for _, fi := range sum.Files {
		if err := st.move(ctx, fi.Staged, fi.Final); err != nil {
			return fmt.Errorf("publishing %s: %w", fi.Final, err)
		}
	}
	sum.PublishedAt = time.Now().UTC()
	b, err := json.MarshalIndent(sum, "", "  ")
	if err != nil {
		return err
	}
	if err := st.put(ctx, path.Join(summaryDir, s.RunID+".json"), b); err != nil {
		return fmt.Errorf("writing the run summary: %w", err)
	}
	return st.removeAll(ctx, path.Join(stagingDir, s.RunID))
}

// collect gathers the staged files into the run's summary, in the order
// they are published: quarantine and duplicates first, documents last, so
// a reader that sees a run's documents sees its quarantine rows too.
func collect(run string, it func(*File) bool) Summary {
	sum := Summary{RunID: run, RinseVersion: rinse.Version, SchemaVersion: schemaVersion(), Rows: map[string]int64{}}
	var fi File
	for it(&fi) {
		sum.Files = append(sum.Files, fi)
		sum.Rows[fi.Table] += fi.Rows
		fi = File{}
	}
	slices.SortFunc(sum.Files, func(a, b File) int {
		if (a.Table == tableDocuments) != (b.Table == tableDocuments) {
			if a.Table == tableDocuments {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Final, b.Final)
	})
	return sum
}

// ReadSummary reads the summary a published run left in output.
func ReadSummary(ctx context.Context, output, runID string) (*Summary, error) {
	st, err := openStore(ctx, output)
	if err != nil {
		return nil, err
	}
	defer st.close()
	b, err := st.get(ctx, path.Join(summaryDir, runID+".json"))
	if err != nil {
		return nil, fmt.Errorf("reading the run summary: %w", err)
	}
	var sum Summary
	if err := json.Unmarshal(b, &sum); err != nil {
		return nil, fmt.Errorf("reading the run summary: %w", err)
	}
	return &sum, nil
}
