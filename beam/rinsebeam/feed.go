package rinsebeam

import (
	"context"
	"fmt"
	"sync"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/minhash"
	"github.com/rinse-etl/rinse/pipeline"
)

// feed is one run of the command's engine (pipeline.Run) over the pages of
// a bundle: a source that yields pages as the bundle hands them over, and
// a sink that keeps the results for the bundle to emit. The engine calls
// the sink once per page it was given, in the order it was given them (a
// document, a quarantine row, or a record of a page filtered out), so the
// n-th call is about the n-th page: its position comes off a queue.
type feed struct {
	in   chan *rinse.Page
	done chan error
	near bool

	mu       sync.Mutex
	queue    []fedPage // positions of the pages yielded, not yet answered
	results  []Row
	filtered int64
	err      error
}

type fedPage struct {
	pos    Pos
	source string
}

// startFeed starts the engine on stages; pages are given with give.
func startFeed(st pipeline.Stages, opts pipeline.Options, near bool) *feed {
	f := &feed{in: make(chan *rinse.Page), done: make(chan error, 1), near: near}
	go func() { // owned by the feed: it ends when in is closed (finish)
		_, err := pipeline.Run(context.Background(), f, f, st, opts)
		f.done <- err
	}()
	return f
}

// give hands a page to the engine, waiting while the engine is full.
func (f *feed) give(ctx context.Context, pos Pos, p *rinse.Page) error {
	f.mu.Lock()
	f.queue = append(f.queue, fedPage{pos, p.Source})
	f.mu.Unlock()
	select {
	case f.in <- p:
		return nil
	case err := <-f.done:
		f.done <- err
		return fmt.Errorf("the stages stopped early: %w", err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// take returns the results so far.
func (f *feed) take() ([]Row, int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	rs, n := f.results, f.filtered
	f.results, f.filtered = nil, 0
	return rs, n, f.err
}

// finish waits for the engine to answer every page given.
func (f *feed) finish() error {
	close(f.in)
	return <-f.done
}

// Walk implements pipeline.Source.
func (f *feed) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	for p := range f.in {
		if err := yield(p); err != nil {
			return err
		}
	}
	return nil
}

// next pops the position of the page a sink call is about. The engine
// answers in order; a page it counted without telling the sink (a skip
// decided by a stage) is passed over by its source name.
func (f *feed) next(source string) Pos {
	for len(f.queue) > 1 && f.queue[0].source != source {
		f.queue = f.queue[1:]
	}
	if len(f.queue) == 0 {
		return Pos{-1, -1}
	}
	p := f.queue[0].pos
	f.queue = f.queue[1:]
	return p
}

func (f *feed) keep(r Row, err error) error {
	if err != nil {
		f.err = err
		return err
	}
	f.results = append(f.results, r)
	return nil
}

// WriteDocument implements pipeline.Sink; the document's near-duplicate
// signature is computed here, where its text is at hand, as the dataset
// computes it when it takes a document.
func (f *feed) WriteDocument(d *rinse.Document) error {
	var sig []byte
	if f.near {
		if s, ok := minhash.Compute(d.Text); ok {
			sig = s[:]
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.keep(documentRow(f.next(d.Source), d, sig))
}

// WriteQuarantine implements pipeline.Sink.
func (f *feed) WriteQuarantine(q *rinse.Quarantined) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.keep(quarantineRow(f.next(q.Source), q))
}

// Record implements pipeline.Recorder: a page that ends without a row.
func (f *feed) Record(source, _, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.next(source)
	f.filtered++
	return nil
}

// Commit implements pipeline.Sink: the rows are the bundle's to emit.
func (f *feed) Commit(s rinse.Summary) (rinse.Summary, error) { return s, nil }

// Abort implements pipeline.Sink.
func (f *feed) Abort() error { return nil }
