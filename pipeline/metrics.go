package pipeline

import (
	"maps"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rinse-etl/rinse"
)

type stageMetrics struct {
	name     string
	workers  int
	pages    atomic.Int64
	failures atomic.Int64
	busy     atomic.Int64
}

func (m *stageMetrics) observe(d time.Duration, err error) {
	m.pages.Add(1)
	m.busy.Add(int64(d))
	if err != nil {
		m.failures.Add(1)
	}
}

// run is the state of one Run call.
type run struct {
	opts Options
	// window admits an input at the source and releases it when the sink
	// has delivered it: it bounds the pages between source and sink,
	// including those the sink holds back to restore input order while an
	// earlier, slower page is still in a stage.
	window chan struct{}
	start  time.Time
	read   atomic.Int64
	total  atomic.Int64 // a Sizer's count, or the exact count once walked
	walked atomic.Bool
	done   atomic.Int64
	docs   atomic.Int64
	failed atomic.Int64
	bytes  atomic.Int64

	stagesMu sync.Mutex
	stages   []*stageMetrics

	mu  sync.Mutex // guards sum
	sum rinse.Summary
}

func newRun(opts Options) *run {
	r := &run{opts: opts, start: opts.Clock()}
	r.sum.Reasons = make(map[string]int64)
	r.sum.SkipReasons = make(map[string]int64)
	return r
}

func (r *run) stageMetrics(name string, workers int) *stageMetrics {
	m := &stageMetrics{name: name, workers: workers}
	r.stagesMu.Lock()
	r.stages = append(r.stages, m)
	r.stagesMu.Unlock()
	return m
}

func (r *run) count(n *int64) {
	r.mu.Lock()
	*n++
	r.mu.Unlock()
}

func (r *run) progress(final bool) Progress {
	r.mu.Lock()
	unchanged, skipped := r.sum.Unchanged, r.sum.Skipped
	r.mu.Unlock()
	read := r.read.Load()
	// Unknown (0) until a Sizer tells or the walk ends: the inputs read so
	// far are no total, and shown as one they make the time left read 0s.
	total := r.total.Load()
	switch {
	case r.walked.Load():
		total = read
	case total > 0:
		total = max(total, read) // a Sizer's count may fall short
	}
	return Progress{
		Total:     total,
		Unchanged: unchanged,
		Skipped:   skipped,
		Read:      read,
		Done:      r.done.Load(),
		Documents: r.docs.Load(),
		Failed:    r.failed.Load(),
		Bytes:     r.bytes.Load(),
		Elapsed:   r.opts.Clock().Sub(r.start),
		Final:     final,
	}
}

// report calls the progress callback until the sink is done.
func (r *run) report(done <-chan struct{}) {
	t := time.NewTicker(r.opts.ProgressEvery)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			r.opts.Progress(r.progress(false))
		}
	}
}

func (r *run) summary(interrupted bool) rinse.Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.sum
	s.Reasons = maps.Clone(r.sum.Reasons)
	s.SkipReasons = maps.Clone(r.sum.SkipReasons)
	s.Inputs = r.read.Load()
	s.Bytes = r.bytes.Load()
	s.Started = r.start
	s.Finished = r.opts.Clock()
	s.Elapsed = s.Finished.Sub(s.Started)
	s.Interrupted = interrupted
	r.stagesMu.Lock()
	for _, m := range r.stages {
		s.Stages = append(s.Stages, rinse.StageStats{
			Name: m.name, Workers: m.workers, Pages: m.pages.Load(),
			Failures: m.failures.Load(), Busy: time.Duration(m.busy.Load()),
		})
	}
	r.stagesMu.Unlock()
	return s
}
