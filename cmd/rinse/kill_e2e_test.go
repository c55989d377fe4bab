package main

import (
	"bufio"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/parquet/file"

	"github.com/rinse-etl/rinse/internal/genpages"
)

// TestKillAtRandomMoments kills the CLI with SIGKILL at random moments of
// runs over generated pages. After every kill, each Parquet file a reader
// globbing documents/**/*.parquet finds must open and belong to a
// committed run; a final run must leave every input exactly once.
func TestKillAtRandomMoments(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test is slow; skipped with -short")
	}
	in, out := filepath.Join(t.TempDir(), "in"), filepath.Join(t.TempDir(), "out")
	const pages = 2000
	if _, err := genpages.Write(in, pages, 7); err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--input", in, "--output", out, "--progress", "never", "--log-level", "error", "--workers", "2"}
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 12 {
		cmd := exec.Command(rinseBin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Random moments across start-up, processing and commit.
		time.Sleep(time.Duration(r.IntN(2500)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		checkVisibleFiles(t, out, trial)
	}
	code, _, stderr := runCLI(t, nil, args...)
	if code != 0 {
		t.Fatalf("final run exited %d: %s", code, stderr)
	}
	checkVisibleFiles(t, out, -1)
	checkAccounted(t, out, pages)
}

// TestFullRunKilledOrInterrupted: until a --full rebuild completes,
// readers see the previous dataset whole (every input once), whether the
// rebuild is killed (nothing of it is visible) or interrupted (what it
// finished is committed); the next run goes on with it.
func TestFullRunKilledOrInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test is slow; skipped with -short")
	}
	in, out := filepath.Join(t.TempDir(), "in"), filepath.Join(t.TempDir(), "out")
	const pages = 2000
	if _, err := genpages.Write(in, pages, 5); err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--input", in, "--output", out, "--progress", "never", "--log-level", "error", "--workers", "1"}
	if code, _, stderr := runCLI(t, nil, args...); code != 0 {
		t.Fatalf("first run exited %d: %s", code, stderr)
	}
	full := append(args, "--full")
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 6 {
		cmd := exec.Command(rinseBin, full...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(200+r.IntN(1500)) * time.Millisecond)
		sig := syscall.SIGKILL
		if trial%2 == 1 {
			sig = syscall.SIGINT
		}
		_ = cmd.Process.Signal(sig)
		_ = cmd.Wait()
		checkVisibleFiles(t, out, trial)
		checkAccounted(t, out, pages)
	}
	if code, _, stderr := runCLI(t, nil, args...); code != 0 {
		t.Fatalf("final run exited %d: %s", code, stderr)
	}
	checkAccounted(t, out, pages)
}

// checkAccounted expects every input in exactly one of the tables a
// reader can open: documents, quarantine and the duplicates table.
func checkAccounted(t *testing.T, out string, inputs int) {
	t.Helper()
	where := map[string][]string{}
	for _, table := range []string{"documents", "quarantine", "_current/_duplicates"} {
		for _, r := range readTable(t, filepath.Join(out, table), "source") {
			where[r["source"]] = append(where[r["source"]], table)
		}
	}
	for src, tables := range where {
		if len(tables) != 1 {
			t.Errorf("%s is in %v", src, tables)
		}
	}
	if len(where) != inputs {
		t.Errorf("%d inputs accounted for in the tables, want %d", len(where), inputs)
	}
}

// checkVisibleFiles opens every visible Parquet file with arrow's reader
// and checks it is listed, with its row count, in a committed manifest.
func checkVisibleFiles(t *testing.T, out string, trial int) {
	t.Helper()
	committed := map[string]int64{}
	manifests, _ := filepath.Glob(filepath.Join(out, "_manifest", "*.json"))
	for _, m := range manifests {
		b, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		var man struct {
			Files []struct {
				Path string
				Rows int64
			}
		}
		if err := json.Unmarshal(b, &man); err != nil {
			t.Fatalf("trial %d: manifest %s: %v", trial, m, err)
		}
		for _, f := range man.Files {
			committed[f.Path] = f.Rows
		}
	}
	_ = filepath.WalkDir(filepath.Join(out, "documents")+string(os.PathSeparator), func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".parquet") {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		rows, ok := committed[filepath.ToSlash(rel)]
		if !ok {
			t.Errorf("trial %d: visible file %s belongs to no committed run", trial, rel)
			return nil
		}
		rdr, err := file.OpenParquetFile(p, false)
		if err != nil {
			t.Errorf("trial %d: %s does not open: %v", trial, rel, err)
			return nil
		}
		if rdr.NumRows() != rows {
			t.Errorf("trial %d: %s has %d rows, manifest says %d", trial, rel, rdr.NumRows(), rows)
		}
		rdr.Close()
		return nil
	})
}

// sourcesInDataset counts rows per source over the visible files.
func sourcesInDataset(t *testing.T, out string) map[string]int {
	t.Helper()
	seen := map[string]int{}
	for _, r := range readTable(t, filepath.Join(out, "documents"), "source") {
		seen[r["source"]]++
	}
	return seen
}

// TestInterruptCommitsAndResumes sends SIGINT mid-run: the run stops
// reading, finishes and commits the pages in flight, exits 1, and a rerun
// processes exactly the rest.
func TestInterruptCommitsAndResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("slow; skipped with -short")
	}
	in, out := filepath.Join(t.TempDir(), "in"), filepath.Join(t.TempDir(), "out")
	const pages = 3000
	if _, err := genpages.Write(in, pages, 11); err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--input", in, "--output", out, "--progress", "never", "--log-level", "error", "--workers", "1"}
	err := signalWhenUnderWay(t, exec.Command(rinseBin, args...), syscall.SIGINT)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailed {
		t.Fatalf("the run was not interrupted mid-way: exit %v", err)
	}
	first := sourcesInDataset(t, out)
	if len(first) == 0 || len(first) >= pages-pages/50 {
		t.Fatalf("interrupted run committed %d rows of %d", len(first), pages)
	}
	if code, _, stderr := runCLI(t, nil, args...); code != 0 {
		t.Fatalf("resumed run exited %d: %s", code, stderr)
	}
	checkAccounted(t, out, pages)
}

// signalWhenUnderWay starts a run and sends it sig once its own progress
// events say it is under way, whatever the machine's speed; it returns
// what Wait returns.
func signalWhenUnderWay(t *testing.T, cmd *exec.Cmd, sig syscall.Signal) error {
	t.Helper()
	cmd.Args = append(cmd.Args, "--progress", "log", "--progress-interval", "100ms", "--log-level", "info")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		var ev struct {
			Msg  string `json:"msg"`
			Done int    `json:"done"`
		}
		if json.Unmarshal(sc.Bytes(), &ev) == nil && ev.Msg == "progress" && ev.Done > 0 {
			_ = cmd.Process.Signal(sig)
			break
		}
	}
	go io.Copy(io.Discard, stderr)
	return cmd.Wait()
}
