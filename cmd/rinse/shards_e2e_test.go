package main

import (
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/rinse-etl/rinse/internal/genpages"
)

// rowsOf reads what readers see: id → content hash, for documents, and
// every source of the three tables.
func rowsOf(t *testing.T, out string) (map[string]string, []string) {
	t.Helper()
	docs := map[string]string{}
	for _, r := range readTable(t, filepath.Join(out, "documents"), "id", "content_hash") {
		if _, ok := docs[r["id"]]; ok {
			t.Errorf("row %s is visible twice", r["id"])
		}
		docs[r["id"]] = r["content_hash"]
	}
	var sources []string
	for _, table := range []string{"documents", "quarantine", "_current/_duplicates"} {
		for _, r := range readTable(t, filepath.Join(out, table), "source") {
			sources = append(sources, r["source"])
		}
	}
	slices.Sort(sources)
	return docs, sources
}

// TestShards runs 4 shards of one job as 4 concurrent processes into one
// output: the union is what one process writes, every input once. Then one
// shard is killed mid-run and run again: the union converges to the same.
func TestShards(t *testing.T) {
	if testing.Short() {
		t.Skip("slow; skipped with -short")
	}
	in := filepath.Join(t.TempDir(), "in")
	const pages = 4000
	if _, err := genpages.WriteSites(in, pages, 300, 21); err != nil {
		t.Fatal(err)
	}
	// Duplicates are found within a shard: compare without them.
	base := []string{"run", "--input", in, "--progress", "never", "--log-level", "warn"}
	env := []string{"RINSE_DATASET_DEDUP=none"}
	single := filepath.Join(t.TempDir(), "single")
	if code, _, stderr := runCLI(t, env, append(base, "--output", single)...); code != 0 {
		t.Fatalf("single run: exit %d: %s", code, stderr)
	}
	want, wantSources := rowsOf(t, single)

	out := filepath.Join(t.TempDir(), "sharded")
	shard := func(i int) *exec.Cmd {
		cmd := exec.Command(rinseBin, append(base, "--output", out, "--shard", []string{"0/4", "1/4", "2/4", "3/4"}[i], "--job", "t")...)
		cmd.Env = append(cmd.Environ(), env...)
		return cmd
	}
	var cmds []*exec.Cmd
	for i := range 4 {
		c := shard(i)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, c)
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
	}
	got, gotSources := rowsOf(t, out)
	if !maps.Equal(got, want) || !slices.Equal(gotSources, wantSources) {
		t.Errorf("4 shards wrote %d rows (%d inputs), one process %d (%d inputs)", len(got), len(gotSources), len(want), len(wantSources))
	}

	// Shard 2 is killed halfway through a --full rebuild.
	c := shard(2)
	c.Args = append(c.Args, "--full", "--workers", "1")
	if err := signalWhenUnderWay(t, c, syscall.SIGKILL); err == nil {
		t.Fatal("shard 2 finished before it could be killed")
	}
	if got, gotSources = rowsOf(t, out); !maps.Equal(got, want) || !slices.Equal(gotSources, wantSources) {
		t.Errorf("after killing shard 2: %d rows, want %d", len(got), len(want))
	}
	if err := shard(2).Run(); err != nil {
		t.Fatalf("rerun of shard 2: %v", err)
	}
	if got, gotSources = rowsOf(t, out); !maps.Equal(got, want) || !slices.Equal(gotSources, wantSources) {
		t.Errorf("after the rerun of shard 2: %d rows, want %d", len(got), len(want))
	}
	if code, stdout, _ := runCLI(t, nil, "stats", out); code != 0 || !strings.Contains(stdout, "job t: 4 of 4 shards committed") ||
		!strings.Contains(stdout, "shard 3/4  run") {
		t.Errorf("stats: %s", stdout)
	}
}
