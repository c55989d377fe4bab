package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/rinse-etl/rinse"
)

// drain is the sink's owner goroutine. Stages finish pages out of order;
// drain puts them back in input order before anything is written, so a
// run's output does not depend on scheduling. The source's admission
// window (run.window) bounds the pages it may hold back while an earlier,
// slower page is still in a stage.
func (r *run) drain(ctx context.Context, in <-chan *item, sink Sink, seq []DocProcessor) error {
	pending := make(map[int64]*item)
	var next int64
	for it := range in {
		pending[it.seq] = it
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-r.window
			if err := r.deliver(ctx, sink, seq, p); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(pending) > 0 {
		return fmt.Errorf("pipeline: %d pages lost before the sink (next %d)", len(pending), next)
	}
	return nil
}

// deliver records one finished input: a document, a quarantined page, a
// counted duplicate, a skip or a filter.
func (r *run) deliver(ctx context.Context, sink Sink, seq []DocProcessor, it *item) error {
	defer r.done.Add(1)
	if it.err == nil && it.doc != nil && len(seq) > 0 {
		doc, err := runDoc(ctx, seq, it.doc)
		it.doc, it.filtered = doc, doc == nil && err == nil
		if err != nil {
			it.err, it.stage = err, "sequential"
		}
	}
	switch {
	case it.err != nil && errors.Is(it.err, rinse.ErrUnchanged):
		r.count(&r.sum.Unchanged)
		return record(sink, it, "unchanged")
	case it.err != nil && errors.Is(it.err, rinse.ErrSkipped):
		r.mu.Lock()
		r.sum.Skipped++
		r.sum.SkipReasons[rinse.Reason(it.err)]++
		r.mu.Unlock()
		return nil
	case it.err != nil && errors.Is(it.err, rinse.ErrDuplicate):
		r.count(&r.sum.Duplicates)
		return record(sink, it, "duplicate")
	case it.err != nil:
		return r.quarantine(sink, it)
	case it.filtered || it.doc == nil:
		r.count(&r.sum.Filtered)
		return record(sink, it, "filtered")
	}
	if it.digest != "" {
		// The raw input's identity travels with the item, not through the
		// stages: stamp it on the document for the sink.
		d := *it.doc
		d.InputDigest, d.InputETag, d.InputLastModified = it.digest, it.etag, it.lastMod
		it.doc = &d
	}
	if err := sink.WriteDocument(it.doc); err != nil {
		return fmt.Errorf("writing document %s: %w", it.source, err)
	}
	r.count(&r.sum.Documents)
	r.docs.Add(1)
	return nil
}

// record tells a Recorder sink of an input that ends without a row.
func record(sink Sink, it *item, outcome string) error {
	rec, ok := sink.(Recorder)
	if !ok {
		return nil
	}
	if err := rec.Record(it.source, it.digest, outcome); err != nil {
		return fmt.Errorf("recording %s: %w", it.source, err)
	}
	return nil
}

func (r *run) quarantine(sink Sink, it *item) error {
	reason := rinse.Reason(it.err)
	q := &rinse.Quarantined{
		Source:      it.source,
		URL:         it.url,
		Stage:       it.stage,
		Reason:      reason,
		Error:       it.err.Error(),
		At:          r.opts.Clock().UTC(),
		InputDigest: it.digest,
	}
	if err := sink.WriteQuarantine(q); err != nil {
		return fmt.Errorf("writing quarantine row %s: %w", it.source, err)
	}
	r.mu.Lock()
	r.sum.Quarantined++
	if rinse.IsRejection(it.err) {
		r.sum.Rejected++
	}
	r.sum.Reasons[reason]++
	r.mu.Unlock()
	r.failed.Add(1)
	return nil
}
