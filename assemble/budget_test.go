package assemble_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/pipeline"
)

type pages []*rinse.Page

func (ps pages) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	for _, p := range ps {
		if err := yield(p); err != nil {
			return err
		}
	}
	return nil
}

type collect struct {
	docs []string
	q    map[string]string // source → reason
	full map[string]string // source → "stage: error"
}

func (c *collect) WriteDocument(d *rinse.Document) error {
	c.docs = append(c.docs, d.Source)
	return nil
}
func (c *collect) WriteQuarantine(q *rinse.Quarantined) error {
	c.q[q.Source] = q.Reason
	c.full[q.Source] = q.Stage + ": " + q.Error
	return nil
}
func (c *collect) Commit(s rinse.Summary) (rinse.Summary, error) { return s, nil }
func (c *collect) Abort() error                                  { return nil }

// TestPageBudgets runs the real stages over a pathological page between
// two ordinary ones: over its time budget it is quarantined as a timeout
// (it must not stall its worker), over the size cap as too large, and the
// pages around it are unaffected.
//
// Not stalling is checked two ways. The extractor must notice the budget
// itself, mid-page: the page's error is its own and wraps the context's
// deadline (a stage that ran the page to its end would be marked late by
// the pipeline instead). And the run over all three pages must end within
// twice the time the pathological page alone takes through every stage
// without a budget: a bound relative to this machine, which slow machines
// and -race slow alike, where a fixed time failed under -race and could
// not fail without it. A run that honours the budget takes about half
// that reference, so the bound leaves room for a busy machine; a run that
// hangs on the page exceeds it.
func TestPageBudgets(t *testing.T) {
	var huge strings.Builder
	huge.WriteString("<html><body>")
	for i := range 25000 { // under the default max_dom_nodes
		fmt.Fprintf(&huge, "<div><p>Paragraph %d of a page that never ends, with <a href='/x'>links</a>.</p></div>", i)
	}
	ordinary := "<html><head><title>A walk</title></head><body><article><p>" +
		strings.Repeat("The coastal path was quiet in the morning and the tide was out. ", 20) +
		"</p></article></body></html>"
	build := func(maxBytes int64) pipeline.Stages {
		st := standardStages(t)
		st.Decode = buildDecoder(maxBytes)
		st.Sequential = nil // b.html nearly duplicates a.html; keep both rows
		return st
	}
	unbudgeted := func() time.Duration {
		start := time.Now()
		p := &rinse.Page{Source: "huge.html", Body: []byte(huge.String()), Kind: rinse.KindHTML}
		if _, stage, err := assemble.RunOne(context.Background(), build(64<<20), p); err != nil {
			t.Fatalf("huge.html without a budget: %s: %v", stage, err)
		}
		return time.Since(start)
	}()
	cases := []struct {
		name    string
		st      pipeline.Stages
		timeout time.Duration
		reason  string
	}{
		// A tenth of what the page costs: the budget runs out inside the
		// extractor, which is most of that cost, however fast the machine.
		{"time budget", build(64 << 20), max(unbudgeted/10, 10*time.Millisecond), "timeout"},
		{"size budget", build(1 << 20), time.Minute, "too-large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := pages{
				{Source: "a.html", Body: []byte(ordinary), Kind: rinse.KindHTML},
				{Source: "huge.html", Body: []byte(huge.String()), Kind: rinse.KindHTML},
				{Source: "b.html", Body: []byte(strings.Replace(ordinary, "morning", "evening", -1)), Kind: rinse.KindHTML},
			}
			sink := &collect{q: map[string]string{}, full: map[string]string{}}
			start := time.Now()
			_, err := pipeline.Run(context.Background(), src, sink, c.st, pipeline.Options{PageTimeout: c.timeout})
			if err != nil {
				t.Fatal(err)
			}
			if sink.q["huge.html"] != c.reason || strings.Join(sink.docs, ",") != "a.html,b.html" {
				t.Errorf("quarantine %v, documents %v; want huge.html as %s", sink.q, sink.docs, c.reason)
			}
			if got := sink.full["huge.html"]; c.reason == "timeout" && (!strings.HasPrefix(got, "extract: ") || !strings.Contains(got, context.DeadlineExceeded.Error())) {
				t.Errorf("huge.html failed with %q; want the extractor to stop at its deadline", got)
			}
			if el := time.Since(start); c.reason == "timeout" && el >= 2*unbudgeted {
				t.Errorf("the run took %s, the page alone without a budget %s: the over-budget page stalled its worker", el, unbudgeted)
			}
		})
	}
}
