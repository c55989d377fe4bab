package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The CPU comparison runs each side as a program of its own over a
// suite's page folder and reads the CPU time (user + system) the
// operating system charged to the process: `rinse run --workers 1` (the
// CLI a user runs: start-up, reading and gunzipping every file, every
// stage, dedup and the Parquet commit) against cmd/trafdir (go-trafilatura
// over the same files, one at a time, default options, output
// discarded). The tables' per-page times leave out start-up and the
// other stages; this is the figure "rinse costs N times less CPU than
// go-trafilatura" rests on.

// cpuTools are the two programs, built once.
type cpuTools struct {
	dir, rinse, trafdir string
}

// buildCPUTools builds the rinse CLI (from the rinse module bench
// replaces) and cmd/trafdir into a temporary folder.
func buildCPUTools() (*cpuTools, error) {
	tmp, err := os.MkdirTemp("", "compare-cpu-")
	if err != nil {
		return nil, err
	}
	t := &cpuTools{dir: tmp, rinse: filepath.Join(tmp, "rinse"), trafdir: filepath.Join(tmp, "trafdir")}
	rinseDir, err := goOutput("", "list", "-m", "-f", "{{.Dir}}", "github.com/rinse-etl/rinse")
	if err != nil {
		return nil, err
	}
	if _, err := goOutput(rinseDir, "build", "-o", t.rinse, "./cmd/rinse"); err != nil {
		return nil, err
	}
	if _, err := goOutput("", "build", "-o", t.trafdir, "github.com/rinse-etl/rinse/bench/cmd/trafdir"); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *cpuTools) remove() { os.RemoveAll(t.dir) }

// goOutput runs the go command in dir ("" for here) and returns its
// trimmed output.
func goOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}

// cpuTime runs a program to its end and returns the CPU time it used.
func cpuTime(ctx context.Context, name string, args ...string) (time.Duration, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%s %s: %w", filepath.Base(name), strings.Join(args, " "), err)
	}
	st := cmd.ProcessState
	return st.UserTime() + st.SystemTime(), nil
}

// rinseRun times `rinse run` over pages into a fresh dataset folder.
func (t *cpuTools) rinseRun(ctx context.Context, pages string) (time.Duration, error) {
	out, err := os.MkdirTemp(t.dir, "out-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(out)
	return cpuTime(ctx, t.rinse, "run", "--input", pages, "--output", out,
		"--workers", "1", "--progress", "never", "--log-level", "error")
}

// compareCPU measures both programs rounds times over pages, alternating
// which goes first, and prints the medians and the ratio.
func compareCPU(ctx context.Context, w io.Writer, t *cpuTools, pages string, rounds int) {
	var rinse, traf []time.Duration
	for round := range rounds {
		for k := range 2 {
			var d time.Duration
			var err error
			if (k+round)%2 == 0 {
				fmt.Fprintf(os.Stderr, "cpu round %d/%d rinse run over %s...\n", round+1, rounds, pages)
				d, err = t.rinseRun(ctx, pages)
				rinse = append(rinse, d)
			} else {
				fmt.Fprintf(os.Stderr, "cpu round %d/%d trafdir over %s...\n", round+1, rounds, pages)
				d, err = cpuTime(ctx, t.trafdir, pages)
				traf = append(traf, d)
			}
			if err != nil {
				fmt.Fprintf(w, "  CPU comparison failed: %v\n", err)
				return
			}
		}
	}
	r, g := median(rinse), median(traf)
	fmt.Fprintf(w, "  CPU time of whole processes, one worker (median of %d): rinse run %.2f s, %s %.2f s: rinse uses %.2fx less\n",
		rounds, r.Seconds(), reference, g.Seconds(), g.Seconds()/r.Seconds())
}

func median(ts []time.Duration) time.Duration {
	ts = slices.Clone(ts)
	slices.Sort(ts)
	return ts[len(ts)/2]
}
