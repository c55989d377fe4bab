package rinsebeam

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/load"
)

// Options are what Build needs: the run's configuration, as the rinse
// command reads it (cmdconfig.Load), and what only a Beam run has.
type Options struct {
	Config *assemble.Config
	// RunID names the run's files; empty means a new one (load.NewRunID).
	RunID string
	// Shards is the number of files' worth of groups each table is cut
	// into (by site for documents, by source for the others); each shard
	// is sorted as the command sorts a dataset, in one worker's memory.
	// Zero means DefaultShards.
	Shards int
	// Now is the clock of the run id; tests fix it.
	Now func() time.Time

	workersAuto bool
}

// DefaultShards is the shard count when Options.Shards is zero.
const DefaultShards = 4

// settings is what the workers need of Options, in a form a runner ships
// with the pipeline (DoFn fields are serialized as JSON).
type settings struct {
	Config *assemble.Config
	RunID  string
	Shards int
	// WorkersAuto says the configuration left workers to the machine: each
	// worker then uses its own cores.
	WorkersAuto bool
}

// check refuses what a Beam run cannot mean, as the command refuses a bad
// configuration: the errors wrap assemble.ErrUsage.
func (o *Options) check() error {
	cfg := o.Config
	var errs []error
	switch {
	case cfg == nil:
		return usage(errors.New("no configuration"))
	case cfg.Output == "":
		errs = append(errs, errors.New("a run needs --output (the dataset directory or bucket URL to write)"))
	case cfg.Input == "" && cfg.URLs == "":
		errs = append(errs, errors.New("a run needs --input (a directory, page file or WARC archive) or --urls (a file of URLs)"))
	case cfg.Input != "" && cfg.URLs != "":
		errs = append(errs, errors.New("give --input or --urls, not both"))
	case cfg.URLs == "-":
		errs = append(errs, errors.New("--urls - (standard input) cannot reach a runner's workers: give a file"))
	}
	if cfg.Format != "parquet" {
		errs = append(errs, fmt.Errorf("format %q: rinse-beam writes parquet", cfg.Format))
	}
	if len(cfg.PartitionKeys()) > 0 {
		errs = append(errs, errors.New("dataset.partition_by: rinse-beam writes flat files sorted by site; partition with rinse run"))
	}
	if cfg.Full || cfg.Prune || cfg.Shard != "" || cfg.Shards > 0 {
		errs = append(errs, errors.New("full, prune and shard are for incremental or sharded `rinse run`: a Beam run writes a fresh dataset of the whole corpus"))
	}
	if o.Shards < 0 {
		errs = append(errs, fmt.Errorf("shards %d: want 1 or more", o.Shards))
	}
	if err := errors.Join(errs...); err != nil {
		return usage(err)
	}
	o.workersAuto = cfg.Workers == 0
	if err := cfg.Validate(); err != nil {
		return usage(err)
	}
	return nil
}

func (o *Options) settings() settings {
	s := settings{Config: o.Config, RunID: o.RunID, Shards: o.Shards, WorkersAuto: o.workersAuto}
	if s.Shards == 0 {
		s.Shards = DefaultShards
	}
	if s.RunID == "" {
		now := time.Now
		if o.Now != nil {
			now = o.Now
		}
		s.RunID = load.NewRunID(now())
	}
	return s
}

// encode and decodeSettings carry settings in DoFn fields.
func (s settings) encode() []byte {
	b, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("rinsebeam: encoding settings: %v", err)) // plain data: cannot fail
	}
	return b
}

func decodeSettings(b []byte) (settings, error) {
	var s settings
	if err := json.Unmarshal(b, &s); err != nil {
		return s, fmt.Errorf("decoding settings: %w", err)
	}
	return s, nil
}

// usageErr marks a configuration error (errors.Is(err, assemble.ErrUsage)).
type usageErr struct{ err error }

func (u *usageErr) Error() string        { return u.err.Error() }
func (u *usageErr) Unwrap() error        { return u.err }
func (u *usageErr) Is(target error) bool { return target == assemble.ErrUsage }

func usage(err error) error { return &usageErr{err} }
