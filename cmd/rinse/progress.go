package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/pipeline"
)

// progress draws a one-line progress display on stderr when it is a
// terminal (or when asked with --progress always); otherwise it draws
// nothing, so logs and CI output stay clean.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	enabled bool
	drawn   bool
}

func newProgress(mode string) *progress {
	on := mode == "always" || mode == "auto" && isTerminal(os.Stderr)
	return &progress{w: os.Stderr, enabled: on}
}

// update is the pipeline's Progress callback. The total is unknown while
// the source is still walking, so the rate is shown rather than an ETA
// until intake ends.
func (p *progress) update(s pipeline.Progress) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Done) / secs
	}
	eta := "…"
	if rate > 0 && s.Read > s.Done {
		eta = (time.Duration(float64(s.Read-s.Done)/rate) * time.Second).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\033[K%d pages  %d docs  %d quarantined  %.0f pages/s  %.1f MB/s  in flight %d  eta %s",
		s.Done, s.Documents, s.Failed, rate, float64(s.Bytes)/1e6/max(secs, 1e-9), s.Read-s.Done, eta)
	p.drawn = true
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.enabled = false
}

// printSummary writes the end-of-run summary: counts per outcome (they add
// up to the inputs), throughput and where the dataset is.
func printSummary(w io.Writer, s rinse.Summary, run, out string) {
	secs := max(s.Elapsed.Seconds(), 1e-9)
	fmt.Fprintf(w, "rinse run %s\n", run)
	fmt.Fprintf(w, "  inputs       %d\n", s.Inputs)
	fmt.Fprintf(w, "  documents    %d\n", s.Documents)
	fmt.Fprintf(w, "  quarantined  %d%s\n", s.Quarantined, reasons(s.Reasons))
	fmt.Fprintf(w, "  duplicates   %d\n", s.Duplicates)
	fmt.Fprintf(w, "  skipped      %d\n", s.Skipped)
	if s.Filtered > 0 {
		fmt.Fprintf(w, "  filtered     %d\n", s.Filtered)
	}
	if s.Unchanged > 0 {
		fmt.Fprintf(w, "  unchanged    %d (already in the dataset)\n", s.Unchanged)
	}
	fmt.Fprintf(w, "  time         %s (%.1f pages/s, %.2f MB/s)\n",
		s.Elapsed.Round(time.Millisecond), float64(s.Inputs)/secs, float64(s.Bytes)/1e6/secs)
	if !s.Balanced() {
		fmt.Fprintln(w, "  WARNING: counts do not add up to the inputs")
	}
	fmt.Fprintf(w, "  dataset      %s/documents/**/*.parquet (quarantine: %s/quarantine/)\n", out, out)
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
