package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/rinse-etl/rinse"
)

// Tap wraps p so that fn sees every page p outputs successfully, one call
// at a time (fn need not be safe for concurrent use: a WARC archiver, for
// instance). A failing fn fails the page.
func Tap(p PageProcessor, fn func(*rinse.Page) error) PageProcessor {
	return &tap{next: p, fn: fn}
}

type tap struct {
	mu   sync.Mutex
	next PageProcessor
	fn   func(*rinse.Page) error
}

func (t *tap) Process(ctx context.Context, in *rinse.Page) (*rinse.Page, error) {
	out, err := t.next.Process(ctx, in)
	if err != nil || out == nil || out.Err != nil {
		return out, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.fn(out); err != nil {
		return nil, fmt.Errorf("archiving %s: %w", out.URL, err)
	}
	return out, nil
}
