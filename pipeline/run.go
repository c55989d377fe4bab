package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"

	"github.com/rinse-etl/rinse"
)

// item carries one input through the stages. It is owned by one goroutine
// at a time (handed over through channels), so stages may update it; the
// page and document it points to are never mutated.
type item struct {
	seq      int64
	source   string
	url      string
	digest   string // the raw input's digest and HTTP validators, for the sink
	etag     string
	lastMod  string
	page     *rinse.Page
	doc      *rinse.Document
	stage    string // where err happened
	err      error
	filtered bool
	deadline time.Time
}

// finished reports whether later stages have nothing to do with the item.
func (it *item) finished() bool { return it.err != nil || it.filtered }

// step runs one stage's processor over an item.
type step func(ctx context.Context, it *item) error

// Run reads every input of src, passes it through the stages and hands the
// results to sink in input order. Cancelling ctx stops intake: pages
// already read finish, the sink commits them and the summary is marked
// Interrupted. A non-nil error means the run failed (the sink's Abort was
// called); page-level failures are not errors, they are quarantined.
func Run(ctx context.Context, src Source, sink Sink, st Stages, opts Options) (rinse.Summary, error) {
	opts = opts.withDefaults()
	if st.Decode == nil || st.Extract == nil {
		return rinse.Summary{}, errors.New("pipeline: decode and extract stages are required")
	}
	defer tuneGC(opts.GCPercent)()
	r := newRun(opts)
	r.window = make(chan struct{}, windowSize(st, opts))
	// hard is cancelled only by a fatal error; ctx only stops intake, so
	// pages in flight still finish after an interrupt.
	g, hard := errgroup.WithContext(context.WithoutCancel(ctx))
	intake, stopIntake := context.WithCancel(hard)
	defer stopIntake()
	defer context.AfterFunc(ctx, stopIntake)()

	c := r.source(g, hard, intake, src, st.Admit != nil)
	if st.Fetch != nil {
		c = r.stage(g, hard, "fetch", opts.Workers.Fetch, c, pageStep(st.Fetch), false)
	}
	if st.Admit != nil {
		c = r.stage(g, hard, "admit", 1, c, pageStep(st.Admit), false)
	}
	c = r.stage(g, hard, "decode", opts.Workers.Decode, c, pageStep(st.Decode), true)
	c = r.stage(g, hard, "extract", opts.Workers.Extract, c, extractStep(st.Extract), true)
	if len(st.Transform) > 0 {
		c = r.stage(g, hard, "transform", opts.Workers.Transform, c, transformStep(st.Transform), true)
	}
	sinkDone := make(chan struct{})
	g.Go(func() error {
		defer close(sinkDone)
		return r.drain(hard, c, sink, st.Sequential)
	})
	if opts.Progress != nil {
		g.Go(func() error { r.report(sinkDone); return nil })
		if sz, ok := src.(Sizer); ok {
			g.Go(func() error { r.size(intake, sinkDone, sz); return nil })
		}
	}
	err := g.Wait()
	sum := r.summary(ctx.Err() != nil)
	if opts.Progress != nil {
		opts.Progress(r.progress(true))
	}
	if err != nil {
		if aerr := sink.Abort(); aerr != nil {
			opts.Logger.Error("aborting sink", zap.Error(aerr))
		}
		return sum, err
	}
	sum, err = sink.Commit(sum)
	if err != nil {
		return sum, fmt.Errorf("committing: %w", err)
	}
	// The sink records the summary as it was before its commit; the
	// caller waited for the commit too.
	sum.Finished = r.opts.Clock()
	sum.Elapsed = sum.Finished.Sub(sum.Started)
	return sum, nil
}

// size counts the source's inputs for progress, giving up when the run
// is over first.
func (r *run) size(intake context.Context, sinkDone <-chan struct{}, sz Sizer) {
	ctx, cancel := context.WithCancel(intake)
	defer cancel()
	go func() { // owned by size: it ends when size returns (cancel)
		select {
		case <-sinkDone:
			cancel()
		case <-ctx.Done():
		}
	}()
	if n, err := sz.Size(ctx); err == nil && n > 0 {
		r.total.Store(n)
	}
}

// windowSize leaves room for every channel and worker of the stages in use
// to be busy, so the window never starves a stage; beyond that the source
// waits for the sink.
func windowSize(st Stages, opts Options) int {
	channels, workers := 3, opts.Workers.Decode+opts.Workers.Extract // source, decode, extract
	if st.Fetch != nil {
		channels, workers = channels+1, workers+opts.Workers.Fetch
	}
	if st.Admit != nil {
		channels, workers = channels+1, workers+1
	}
	if len(st.Transform) > 0 {
		channels, workers = channels+1, workers+opts.Workers.Transform
	}
	return channels*opts.Buffer + workers + 1
}

// send hands it on unless the run is being torn down.
func send(ctx context.Context, out chan<- *item, it *item) error {
	select {
	case out <- it:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// source runs src.Walk, numbering inputs in the order the source yields
// them; that order is the order the sink sees. A page the source could
// not read goes straight to the sink, unless it carries a digest and an
// admit stage runs: that stage may find it unchanged since the last run.
func (r *run) source(g *errgroup.Group, hard, intake context.Context, src Source, admitting bool) <-chan *item {
	out := make(chan *item, r.opts.Buffer)
	g.Go(func() error {
		defer close(out)
		var seq int64
		err := src.Walk(intake, func(p *rinse.Page) error {
			if err := intake.Err(); err != nil {
				return err
			}
			it := &item{seq: seq, source: p.Source, url: p.URL, page: p}
			if p.Err != nil {
				it.stage, it.digest = "read", p.Digest
				if p.Digest == "" || !admitting {
					it.err = p.Err
				}
			}
			select {
			case r.window <- struct{}{}:
			case <-hard.Done():
				return hard.Err()
			}
			seq++
			r.read.Add(1)
			r.bytes.Add(int64(len(p.Body)))
			return send(hard, out, it)
		})
		if err != nil && hard.Err() == nil && intake.Err() != nil {
			return nil // interrupted: not a failure
		}
		if err != nil {
			return fmt.Errorf("reading inputs: %w", err)
		}
		r.walked.Store(true)
		return nil
	})
	return out
}

// stage runs fn over every unfinished item with up to n at once. budget
// says whether the stage counts against the per-page time budget.
//
// Its n workers each take the next item from in as soon as they are done
// with one: a worker goroutine per item, started by a coordinator that
// must itself be scheduled first, left the extract stage (a run's
// critical path) idle between pages about a tenth of the time on a busy
// machine.
func (r *run) stage(g *errgroup.Group, ctx context.Context, name string, n int, in <-chan *item, fn step, budget bool) <-chan *item {
	out := make(chan *item, r.opts.Buffer)
	m := r.stageMetrics(name, n)
	var workers sync.WaitGroup
	for range n {
		workers.Go(func() { r.work(ctx, name, m, in, out, fn, budget) })
	}
	g.Go(func() error {
		workers.Wait()
		close(out)
		return nil
	})
	return out
}

// work is one worker of a stage: it runs fn over each unfinished item and
// hands every item on, until in closes or the run is torn down.
func (r *run) work(ctx context.Context, name string, m *stageMetrics, in <-chan *item, out chan<- *item, fn step, budget bool) {
	for it := range in {
		if ctx.Err() != nil {
			return
		}
		if !it.finished() {
			r.apply(ctx, name, m, fn, it, budget)
		}
		if send(ctx, out, it) != nil {
			return
		}
	}
}

// apply runs one step under the page's time budget and records the outcome.
func (r *run) apply(ctx context.Context, name string, m *stageMetrics, fn step, it *item, budget bool) {
	pctx := ctx
	if budget {
		if it.deadline.IsZero() {
			it.deadline = time.Now().Add(r.opts.PageTimeout)
		}
		var cancel context.CancelFunc
		pctx, cancel = context.WithDeadline(ctx, it.deadline)
		defer cancel()
	}
	start := time.Now()
	err := safeStep(pctx, fn, it)
	if err == nil && budget && pctx.Err() != nil && ctx.Err() == nil {
		err = rinse.ErrTimeout
	}
	if err != nil && errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		err = fmt.Errorf("%w: %w", rinse.ErrTimeout, err)
	}
	m.observe(time.Since(start), err)
	if err != nil {
		it.err = err
		if it.stage == "" { // a page the source failed keeps "read"
			it.stage = name
		}
		r.opts.Logger.Debug("page failed", zap.String("source", it.source),
			zap.String("stage", it.stage), zap.Error(err))
	}
}

// safeStep turns a panicking processor into a quarantined page: one bad
// page must never take the run down.
func safeStep(ctx context.Context, fn step, it *item) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: processor panicked: %v", rinse.ErrParse, p)
		}
	}()
	return fn(ctx, it)
}

func pageStep(p PageProcessor) step {
	return func(ctx context.Context, it *item) error {
		out, err := p.Process(ctx, it.page)
		if err != nil {
			return err
		}
		if out == nil {
			it.filtered = true
			return nil
		}
		if out.Err != nil {
			// A processor may hand back a page it could not complete (a
			// fetch answered 304 Not Modified): it goes to the sink as is.
			return out.Err
		}
		it.page = out
		if out.URL != "" {
			it.url = out.URL
		}
		if out.Digest != "" {
			it.digest, it.etag, it.lastMod = out.Digest, out.ETag, out.LastModified
		}
		return nil
	}
}

func extractStep(e Extractor) step {
	return func(ctx context.Context, it *item) error {
		doc, err := e.Process(ctx, it.page)
		if err != nil {
			return err
		}
		it.page = nil // the raw bytes are not needed any more
		it.doc, it.filtered = doc, doc == nil
		return nil
	}
}

func transformStep(ps []DocProcessor) step {
	return func(ctx context.Context, it *item) error {
		doc, err := runDoc(ctx, ps, it.doc)
		it.doc, it.filtered = doc, doc == nil && err == nil
		return err
	}
}

// runDoc applies processors in order; a nil document stops the chain.
func runDoc(ctx context.Context, ps []DocProcessor, doc *rinse.Document) (*rinse.Document, error) {
	for _, p := range ps {
		out, err := p.Process(ctx, doc)
		if err != nil || out == nil {
			return nil, err
		}
		doc = out
	}
	return doc, nil
}
