package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

// sliceSource yields pages named 0..n-1; a page whose body is "skip" is
// marked skipped like an unsupported file.
type sliceSource struct {
	bodies []string
	delay  time.Duration
}

func (s sliceSource) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	for i, b := range s.bodies {
		if s.delay > 0 {
			time.Sleep(s.delay)
		}
		p := &rinse.Page{Source: fmt.Sprint(i), Body: []byte(b)}
		if b == "skip" {
			p.Err = fmt.Errorf("unsupported: %w", rinse.ErrSkipped)
		}
		if err := yield(p); err != nil {
			return err
		}
	}
	return nil
}

// memSink records what reaches it.
type memSink struct {
	mu        sync.Mutex
	docs      []string
	q         []*rinse.Quarantined
	committed *rinse.Summary
	aborted   bool
	failAt    int
}

func (m *memSink) WriteDocument(d *rinse.Document) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failAt > 0 && len(m.docs)+1 == m.failAt {
		return errors.New("disk full")
	}
	m.docs = append(m.docs, d.Source)
	return nil
}
func (m *memSink) WriteQuarantine(q *rinse.Quarantined) error    { m.q = append(m.q, q); return nil }
func (m *memSink) Commit(s rinse.Summary) (rinse.Summary, error) { m.committed = &s; return s, nil }
func (m *memSink) Abort() error                                  { m.aborted = true; return nil }

// decode fails on "bad", panics on "panic", sleeps on "slow" until its
// budget runs out, and filters "drop".
var decode = ProcessorFunc[*rinse.Page, *rinse.Page](func(ctx context.Context, p *rinse.Page) (*rinse.Page, error) {
	switch string(p.Body) {
	case "bad":
		return nil, fmt.Errorf("decoding: %w", rinse.ErrBinary)
	case "panic":
		panic("boom")
	case "slow":
		<-ctx.Done()
		return nil, ctx.Err()
	case "drop":
		return nil, nil
	}
	out := *p
	return &out, nil
})

var extractDoc = ProcessorFunc[*rinse.Page, *rinse.Document](func(ctx context.Context, p *rinse.Page) (*rinse.Document, error) {
	if string(p.Body) == "short" {
		return nil, fmt.Errorf("extracting: %w", rinse.ErrTooShort)
	}
	return &rinse.Document{Source: p.Source, Text: string(p.Body)}, nil
})

func stages() Stages { return Stages{Decode: decode, Extract: extractDoc} }

func TestRunRoutesEveryInput(t *testing.T) {
	src := sliceSource{bodies: []string{"a", "bad", "skip", "b", "panic", "drop", "short", "slow", "c"}}
	sink := &memSink{}
	opts := Options{Workers: Workers{Decode: 3, Extract: 2}, PageTimeout: 50 * time.Millisecond}
	sum, err := Run(context.Background(), src, sink, stages(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sink.docs, ","); got != "0,3,8" {
		t.Errorf("documents = %s, want 0,3,8 in input order", got)
	}
	reasons := map[string]string{}
	for _, q := range sink.q {
		reasons[q.Source] = q.Stage + ":" + q.Reason
	}
	want := map[string]string{"1": "decode:binary", "4": "decode:parse-error", "6": "extract:too-short", "7": "decode:timeout"}
	for k, v := range want {
		if reasons[k] != v {
			t.Errorf("quarantine[%s] = %q, want %q", k, reasons[k], v)
		}
	}
	if sum.Inputs != 9 || sum.Documents != 3 || sum.Quarantined != 4 || sum.Skipped != 1 || sum.Filtered != 1 || sum.Rejected != 1 {
		t.Errorf("summary = %+v", sum)
	}
	if len(sum.SkipReasons) != 1 || sum.SkipReasons["skipped"] != 1 {
		t.Errorf("skip reasons = %v, want the one skip counted by its reason", sum.SkipReasons)
	}
	if !sum.Balanced() || sink.committed == nil || sink.aborted {
		t.Errorf("balanced=%v committed=%v aborted=%v", sum.Balanced(), sink.committed != nil, sink.aborted)
	}
}

func TestRunKeepsInputOrderUnderLoad(t *testing.T) {
	bodies := make([]string, 500)
	for i := range bodies {
		bodies[i] = fmt.Sprint(i)
	}
	jitter := ProcessorFunc[*rinse.Page, *rinse.Page](func(ctx context.Context, p *rinse.Page) (*rinse.Page, error) {
		if len(p.Body)%3 == 0 {
			time.Sleep(time.Millisecond)
		}
		return p, nil
	})
	sink := &memSink{}
	_, err := Run(context.Background(), sliceSource{bodies: bodies}, sink,
		Stages{Decode: jitter, Extract: extractDoc}, Options{Workers: Workers{Decode: 4, Extract: 4}})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sink.docs {
		if s != fmt.Sprint(i) {
			t.Fatalf("document %d is %s: order lost", i, s)
		}
	}
}

func TestRunBoundsPagesInFlight(t *testing.T) {
	var inFlight, peak atomic.Int64
	bodies := make([]string, 300)
	for i := range bodies {
		bodies[i] = "x"
	}
	enter := ProcessorFunc[*rinse.Page, *rinse.Page](func(ctx context.Context, p *rinse.Page) (*rinse.Page, error) {
		n := inFlight.Add(1)
		for {
			old := peak.Load()
			if n <= old || peak.CompareAndSwap(old, n) {
				break
			}
		}
		return p, nil
	})
	slowSink := &slowSink{memSink: &memSink{}, inFlight: &inFlight}
	opts := Options{Buffer: 4, Workers: Workers{Decode: 2, Extract: 2}}
	if _, err := Run(context.Background(), sliceSource{bodies: bodies}, slowSink, Stages{Decode: enter, Extract: extractDoc}, opts); err != nil {
		t.Fatal(err)
	}
	// channels (3 × 4) + workers (2 + 2) + the one in the sink, with slack.
	if p := peak.Load(); p > 24 {
		t.Errorf("peak pages in flight = %d: a slow sink must back-pressure the source", p)
	}
}

type slowSink struct {
	*memSink
	inFlight *atomic.Int64
}

func (s *slowSink) WriteDocument(d *rinse.Document) error {
	time.Sleep(100 * time.Microsecond)
	s.inFlight.Add(-1)
	return s.memSink.WriteDocument(d)
}

func TestRunInterruptCommitsWhatIsDone(t *testing.T) {
	bodies := make([]string, 1000)
	for i := range bodies {
		bodies[i] = "x"
	}
	ctx, cancel := context.WithCancel(context.Background())
	sink := &memSink{}
	progress := func(p Progress) {
		if p.Done >= 20 {
			cancel()
		}
	}
	sum, err := Run(ctx, sliceSource{bodies: bodies, delay: 100 * time.Microsecond}, sink, stages(),
		Options{Progress: progress, ProgressEvery: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Inputs >= 1000 || sink.committed == nil {
		t.Errorf("interrupt: interrupted=%v inputs=%d committed=%v", sum.Interrupted, sum.Inputs, sink.committed != nil)
	}
	if !sum.Balanced() || int64(len(sink.docs)) != sum.Documents {
		t.Errorf("every page read must be accounted for: %+v, %d written", sum, len(sink.docs))
	}
}

func TestRunSinkFailureAborts(t *testing.T) {
	sink := &memSink{failAt: 2}
	_, err := Run(context.Background(), sliceSource{bodies: []string{"a", "b", "c", "d"}}, sink, stages(), Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the sink's error", err)
	}
	if !sink.aborted || sink.committed != nil {
		t.Errorf("a failed run must abort, not commit")
	}
}

// TestRunBoundsPagesBehindASlowPage: while the first page is slow, the
// sink must not buffer every later page to restore the order.
func TestRunBoundsPagesBehindASlowPage(t *testing.T) {
	var started atomic.Int64
	bodies := make([]string, 400)
	for i := range bodies {
		bodies[i] = fmt.Sprint(i)
	}
	decode := ProcessorFunc[*rinse.Page, *rinse.Page](func(ctx context.Context, p *rinse.Page) (*rinse.Page, error) {
		started.Add(1)
		if string(p.Body) == "0" {
			time.Sleep(300 * time.Millisecond)
		}
		return p, nil
	})
	sink := &memSink{}
	opts := Options{Buffer: 4, Workers: Workers{Decode: 2, Extract: 2}}
	done := make(chan struct{})
	var peakWhileSlow int64
	go func() {
		time.Sleep(200 * time.Millisecond)
		peakWhileSlow = started.Load()
		close(done)
	}()
	if _, err := Run(context.Background(), sliceSource{bodies: bodies}, sink, Stages{Decode: decode, Extract: extractDoc}, opts); err != nil {
		t.Fatal(err)
	}
	<-done
	if w := int64(windowSize(Stages{Decode: decode, Extract: extractDoc}, opts.withDefaults())); peakWhileSlow > w {
		t.Errorf("%d pages started while the first was still decoding; the window is %d", peakWhileSlow, w)
	}
	if len(sink.docs) != 400 || sink.docs[0] != "0" {
		t.Errorf("%d documents, first %v", len(sink.docs), sink.docs[:1])
	}
}

// slowCommit takes its time to commit, as closing many files does.
type slowCommit struct{ memSink }

func (s *slowCommit) Commit(sum rinse.Summary) (rinse.Summary, error) {
	time.Sleep(60 * time.Millisecond)
	return s.memSink.Commit(sum)
}

// TestRunElapsedIncludesCommit: the time a run reports is the time its
// caller waited, commit included.
func TestRunElapsedIncludesCommit(t *testing.T) {
	sink := &slowCommit{}
	sum, err := Run(context.Background(), sliceSource{bodies: []string{"a", "b"}}, sink, stages(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Elapsed < 60*time.Millisecond || sum.Finished.Sub(sum.Started) != sum.Elapsed {
		t.Errorf("elapsed %v (started %v, finished %v), want at least the commit's 60ms", sum.Elapsed, sum.Started, sum.Finished)
	}
	if sink.committed.Elapsed >= 60*time.Millisecond {
		t.Errorf("the sink was handed a summary from after its own commit: %v", sink.committed.Elapsed)
	}
}

// sizedSource is a slice source that can count itself.
type sizedSource struct {
	sliceSource
	n int64
}

func (s sizedSource) Size(context.Context) (int64, error) { return s.n, nil }

// TestProgressTotal: a Sizer's count is the total while the walk goes;
// at the end the total is exact.
func TestProgressTotal(t *testing.T) {
	var mu sync.Mutex
	var snaps []Progress
	opts := Options{ProgressEvery: time.Millisecond, Progress: func(p Progress) {
		mu.Lock()
		snaps = append(snaps, p)
		mu.Unlock()
	}}
	bodies := make([]string, 40)
	for i := range bodies {
		bodies[i] = "ok"
	}
	src := sizedSource{sliceSource: sliceSource{bodies: bodies, delay: 2 * time.Millisecond}, n: 50}
	if _, err := Run(context.Background(), src, &memSink{}, stages(), opts); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	sawEstimate := false
	for _, p := range snaps[:len(snaps)-1] {
		if p.Total == 50 {
			sawEstimate = true
		}
		if p.Total != 0 && p.Total < p.Read {
			t.Errorf("total %d below read %d", p.Total, p.Read)
		}
	}
	if last := snaps[len(snaps)-1]; !last.Final || last.Total != 40 || last.Done != 40 {
		t.Errorf("final progress %+v: want the exact total", last)
	}
	if !sawEstimate {
		t.Error("the Sizer's count never showed as the total")
	}
}

// TestProgressTotalUnknown: without a Sizer the total stays unknown (0)
// until the walk ends; the inputs read so far are never shown as one.
func TestProgressTotalUnknown(t *testing.T) {
	var mu sync.Mutex
	var snaps []Progress
	opts := Options{ProgressEvery: time.Millisecond, Progress: func(p Progress) {
		mu.Lock()
		snaps = append(snaps, p)
		mu.Unlock()
	}}
	bodies := make([]string, 40)
	for i := range bodies {
		bodies[i] = "ok"
	}
	src := sliceSource{bodies: bodies, delay: 2 * time.Millisecond}
	if _, err := Run(context.Background(), src, &memSink{}, stages(), opts); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	early := 0
	for _, p := range snaps {
		if p.Read < 40 { // still walking
			early++
			if p.Total != 0 {
				t.Errorf("total %d while walking (read %d): want 0, unknown", p.Total, p.Read)
			}
		}
	}
	if early == 0 {
		t.Error("no progress while the walk went on")
	}
	if last := snaps[len(snaps)-1]; last.Total != 40 {
		t.Errorf("final total %d, want 40", last.Total)
	}
}
