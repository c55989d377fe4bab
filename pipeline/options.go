package pipeline

import (
	"time"

	"go.uber.org/zap"
)

// Workers sets how many pages each stage processes at once.
type Workers struct {
	Fetch     int
	Decode    int
	Extract   int
	Transform int
}

// Options tune a run. The zero value is usable: every field has a default.
type Options struct {
	Workers Workers
	// Buffer is the capacity of each channel between stages. Small on
	// purpose: it bounds the pages held in memory, whatever the input size.
	Buffer int
	// PageTimeout is the time budget of one page across decode, extract
	// and transform; a page over budget is quarantined as "timeout".
	PageTimeout time.Duration
	// Logger receives per-page failures at debug level and run events.
	Logger *zap.Logger
	// Progress, when set, is called about every ProgressEvery with a
	// snapshot of the run, and once more at the end.
	Progress      func(Progress)
	ProgressEvery time.Duration
	// Clock returns the time written as processed_at; tests fix it.
	Clock func() time.Time
	// GCPercent, when positive, raises the garbage collector's target (as
	// GOGC) while the run lasts; 0 or less leaves the runtime alone, as
	// does a GOGC environment variable. See tuneGC.
	GCPercent int
}

// Stages are the processors of a run, in order. Fetch is optional; the
// transforms run in order, each in the transform workers. Sequential
// processors run in input order on the sink goroutine: they see every
// document once, in a deterministic order, so they may keep state (dedup).
type Stages struct {
	Fetch PageProcessor
	// Admit, when set, runs first on every read (or fetched) page, on one
	// worker: an incremental run's filter of unchanged inputs.
	Admit      PageProcessor
	Decode     PageProcessor
	Extract    Extractor
	Transform  []DocProcessor
	Sequential []DocProcessor
}

// Progress is a snapshot of a run in flight.
type Progress struct {
	// Total is the number of inputs the run will read: a Sizer's count
	// while the source walks (0 when there is none), exact once it is done.
	Total     int64
	Read      int64 // inputs taken from the source
	Done      int64 // inputs that reached the sink
	Documents int64 // documents so far (before duplicates are resolved)
	Failed    int64 // quarantined so far
	Unchanged int64
	Skipped   int64
	Bytes     int64 // raw bytes read
	Elapsed   time.Duration
	Final     bool
}

// DefaultOptions returns the options a zero Options stands for.
func DefaultOptions() Options {
	return Options{Workers: Workers{Fetch: 16, Decode: 1, Extract: 2, Transform: 2}, Buffer: 16,
		PageTimeout: 10 * time.Second, ProgressEvery: 500 * time.Millisecond}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	def := func(n *int, v int) {
		if *n <= 0 {
			*n = v
		}
	}
	def(&o.Workers.Fetch, d.Workers.Fetch)
	def(&o.Workers.Decode, d.Workers.Decode)
	def(&o.Workers.Extract, d.Workers.Extract)
	def(&o.Workers.Transform, d.Workers.Transform)
	def(&o.Buffer, d.Buffer)
	if o.PageTimeout <= 0 {
		o.PageTimeout = d.PageTimeout
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = d.ProgressEvery
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	return o
}
