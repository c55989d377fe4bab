package main

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"go.uber.org/zap"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/pipeline"
)

// reporter shows a run's progress: a live bar on a terminal, structured
// log events elsewhere (progress: auto), or nothing.
type reporter interface {
	update(pipeline.Progress)
	finish()
}

func newReporter(mode string, every time.Duration, log *zap.Logger) reporter {
	switch {
	case mode == "always" || mode == "auto" && isTerminal(os.Stderr):
		return newBar(os.Stderr)
	case mode == "log" || mode == "auto":
		return &logReporter{log: log, every: every}
	}
	return nopReporter{}
}

type nopReporter struct{}

func (nopReporter) update(pipeline.Progress) {}
func (nopReporter) finish()                  {}

// rateMeter measures the rate of pages reaching the sink over the last
// rateWindow, so the time left follows the run's pace rather than its
// start-up (loading profiles, warming caches).
type rateMeter struct {
	rate    float64 // pages per second
	samples []sample
}

type sample struct {
	at   time.Duration
	done int64
}

const rateWindow = 20 * time.Second

func (m *rateMeter) add(s pipeline.Progress) {
	m.samples = append(m.samples, sample{s.Elapsed, s.Done})
	for len(m.samples) > 2 && s.Elapsed-m.samples[1].at >= rateWindow {
		m.samples = m.samples[1:] // the oldest sample still spans the window
	}
	first := m.samples[0]
	if dt := (s.Elapsed - first.at).Seconds(); dt > 0 {
		m.rate = float64(s.Done-first.done) / dt
	}
}

// eta is the time left, or -1 when the total or the rate is unknown.
func (m *rateMeter) eta(s pipeline.Progress) time.Duration {
	if s.Total <= 0 || m.rate <= 0 {
		return -1
	}
	return time.Duration(float64(max(s.Total-s.Done, 0)) / m.rate * float64(time.Second))
}

// bar is the terminal display (mpb).
type bar struct {
	mu    sync.Mutex
	p     *mpb.Progress
	bar   *mpb.Bar
	total int64
	m     rateMeter
	last  pipeline.Progress
}

func newBar(w io.Writer) *bar {
	b := &bar{p: mpb.New(mpb.WithOutput(w), mpb.WithWidth(32), mpb.WithRefreshRate(200*time.Millisecond))}
	b.bar = b.p.New(0, mpb.BarStyle(),
		mpb.PrependDecorators(decor.Any(func(decor.Statistics) string { return b.left() }, decor.WCSyncSpaceR)),
		mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return b.right() })))
	return b
}

func (b *bar) update(s pipeline.Progress) {
	b.mu.Lock()
	b.m.add(s)
	b.last = s
	total := s.Total
	b.mu.Unlock()
	if total > 0 && total != b.total {
		b.total = total
		b.bar.SetTotal(total, false)
	}
	b.bar.SetCurrent(s.Done)
}

func (b *bar) left() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.last.Total > 0 {
		return fmt.Sprintf("%d/%d pages", b.last.Done, b.last.Total)
	}
	return fmt.Sprintf("%d pages", b.last.Done)
}

func (b *bar) right() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.last
	eta := "eta …"
	if d := b.m.eta(s); d >= 0 {
		eta = "eta " + d.Round(time.Second).String()
	}
	return fmt.Sprintf("%d docs  %d quarantined  %d unchanged  %.0f pages/s  %s", s.Documents, s.Failed, s.Unchanged, b.m.rate, eta)
}

func (b *bar) finish() {
	b.bar.SetTotal(-1, true)
	b.p.Wait()
}

// logReporter writes a structured progress event every so often: for
// runs whose output goes to a log collector, not a terminal.
type logReporter struct {
	log   *zap.Logger
	every time.Duration
	next  time.Duration
	m     rateMeter
}

func (l *logReporter) update(s pipeline.Progress) {
	l.m.add(s)
	if s.Final || s.Elapsed < l.next {
		return
	}
	l.next = s.Elapsed + l.every
	fields := []zap.Field{zap.Int64("done", s.Done), zap.Int64("read", s.Read), zap.Int64("total", s.Total),
		zap.Int64("documents", s.Documents), zap.Int64("quarantined", s.Failed), zap.Int64("unchanged", s.Unchanged),
		zap.Int64("skipped", s.Skipped), zap.Int64("bytes", s.Bytes), zap.Float64("pages_per_second", l.m.rate),
		zap.Duration("elapsed", s.Elapsed)}
	if d := l.m.eta(s); d >= 0 {
		fields = append(fields, zap.Duration("eta", d))
	}
	l.log.Info("progress", fields...)
}

func (l *logReporter) finish() {}

// logFinished writes the structured end-of-run event: every count and the
// time taken, whatever the progress mode.
func logFinished(log *zap.Logger, s rinse.Summary, run string, err error) {
	fields := []zap.Field{zap.String("run", run), zap.Int64("inputs", s.Inputs), zap.Int64("documents", s.Documents),
		zap.Int64("quarantined", s.Quarantined), zap.Int64("rejected", s.Rejected), zap.Int64("duplicates", s.Duplicates),
		zap.Int64("skipped", s.Skipped), zap.Int64("filtered", s.Filtered), zap.Int64("unchanged", s.Unchanged),
		zap.Int64("promoted", s.Promoted), zap.Any("reasons", s.Reasons),
		zap.Any("skip_reasons", s.SkipReasons), zap.Int64("bytes_read", s.Bytes),
		zap.Duration("elapsed", s.Elapsed), zap.Bool("interrupted", s.Interrupted), zap.Bool("balanced", s.Balanced())}
	if err != nil {
		log.Error("run failed", append(fields, zap.Error(err))...)
		return
	}
	log.Info("run finished", fields...)
}

// printSummary writes the end-of-run summary: counts per outcome (they add
// up to the inputs), throughput and where the dataset is.
func printSummary(w io.Writer, s rinse.Summary, run, out, format string) {
	secs := max(s.Elapsed.Seconds(), 1e-9)
	fmt.Fprintf(w, "rinse run %s\n", run)
	fmt.Fprintf(w, "  inputs       %d\n", s.Inputs)
	fmt.Fprintf(w, "  documents    %d\n", s.Documents)
	fmt.Fprintf(w, "  quarantined  %d%s\n", s.Quarantined, reasons(s.Reasons))
	fmt.Fprintf(w, "  duplicates   %d\n", s.Duplicates)
	fmt.Fprintf(w, "  skipped      %d%s\n", s.Skipped, reasons(s.SkipReasons))
	if s.Filtered > 0 {
		fmt.Fprintf(w, "  filtered     %d\n", s.Filtered)
	}
	if s.Unchanged > 0 {
		fmt.Fprintf(w, "  unchanged    %d (already in the dataset)\n", s.Unchanged)
	}
	if s.Promoted > 0 {
		fmt.Fprintf(w, "  promoted     %d (duplicates taking the place of a row that changed)\n", s.Promoted)
	}
	fmt.Fprintf(w, "  time         %s (%.1f pages/s, %.2f MB/s)\n",
		s.Elapsed.Round(time.Millisecond), float64(s.Inputs)/secs, float64(s.Bytes)/1e6/secs)
	if !s.Balanced() {
		fmt.Fprintln(w, "  WARNING: counts do not add up to the inputs")
	}
	glob := "documents/**/*.parquet"
	if format == "arrow" {
		glob = "documents/**/*.arrow"
	}
	if u, err := url.Parse(out); err == nil && u.RawQuery != "" {
		u.RawQuery = "" // a bucket's endpoint options are not part of its paths
		out = u.String()
	}
	out = strings.TrimSuffix(out, "/")
	fmt.Fprintf(w, "  dataset      %s/%s (quarantine: %s/quarantine/)\n", out, glob, out)
}

func reasons(m map[string]int64) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return "  (" + strings.Join(parts, ", ") + ")"
}
