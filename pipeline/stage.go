package pipeline

import (
	"context"

	"github.com/rinse-etl/rinse"
)

// Processor is one synchronous stage step. It must not mutate in and must be
// safe for concurrent use: the pipeline calls it from several workers.
// Returning a nil output with a nil error filters the input (it is counted
// as filtered). Errors wrapping rinse.ErrRejected are rejections; any other
// error is a failure. Both are quarantined with rinse.Reason(err).
type Processor[In, Out any] interface {
	Process(ctx context.Context, in In) (Out, error)
}

// ProcessorFunc adapts a function to Processor.
type ProcessorFunc[In, Out any] func(ctx context.Context, in In) (Out, error)

// Process calls f.
func (f ProcessorFunc[In, Out]) Process(ctx context.Context, in In) (Out, error) {
	return f(ctx, in)
}

// Source enumerates inputs. Walk calls yield once per input, in a stable
// order, from a single goroutine, and stops when yield returns an error
// (returning that error). An input the source could not read, or chose to
// skip, is yielded with Page.Err set (rinse.ErrSkipped for skips). Walk
// returns a non-nil error only when the whole source fails.
type Source interface {
	Walk(ctx context.Context, yield func(*rinse.Page) error) error
}

// Sizer is an optional Source extension: a cheap count of the inputs a
// walk will yield (from names, not contents), so that progress can show a
// total and an estimated time left long before the walk ends. Size runs
// beside the walk; it may return an error when it cannot tell.
type Sizer interface {
	Size(ctx context.Context) (int64, error)
}

// Sink receives the pipeline's results from a single goroutine, in input
// order. Commit is called once after the last result when the run
// completed or was interrupted; Abort instead when it failed. Commit
// returns the final counts: a sink that resolves duplicates when it
// commits moves documents to the duplicate count.
type Sink interface {
	WriteDocument(doc *rinse.Document) error
	WriteQuarantine(q *rinse.Quarantined) error
	Commit(summary rinse.Summary) (rinse.Summary, error)
	Abort() error
}

// Recorder is an optional Sink extension: it hears of inputs that end
// without a row or quarantine entry, with outcome "unchanged", "filtered"
// or "duplicate", so an incremental dataset can keep its state exact:
// an unchanged input is still there, a filtered one has no row any more.
type Recorder interface {
	Record(source, digest, outcome string) error
}

type (
	// PageProcessor transforms raw pages (fetch, decode).
	PageProcessor = Processor[*rinse.Page, *rinse.Page]
	// Extractor turns a decoded page into a document.
	Extractor = Processor[*rinse.Page, *rinse.Document]
	// DocProcessor refines documents (boilerplate, dates, entities, ...).
	DocProcessor = Processor[*rinse.Document, *rinse.Document]
)
