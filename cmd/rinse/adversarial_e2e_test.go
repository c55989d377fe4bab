package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rinse-etl/rinse/internal/adversarial"
)

// TestAdversarialSuite runs every hostile input of issue 15 beside good
// pages in one `rinse run`: the run ends (a deadline, not a timing), each
// bad input is quarantined or skipped with its reason, the good pages and
// good WARC records come out as rows, nothing outside the input is read,
// and every input is counted once.
func TestAdversarialSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("writes ~25 MB of hostile inputs and runs them")
	}
	set, err := adversarial.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	out, tmp := filepath.Join(t.TempDir(), "out"), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, rinseBin, "run", "--input", set.Input, "--output", out, "--page-timeout", "5s")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	msg, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("the run did not finish: %v\n%s", ctx.Err(), msg)
	}
	if err != nil {
		t.Fatalf("run: %v\n%s", err, msg)
	}

	got := map[string]adversarial.Outcome{}
	for _, r := range readTable(t, filepath.Join(out, "documents"), "source", "text") {
		got[r["source"]] = adversarial.Outcome{Table: "documents"}
		if r["source"] == "bad/invalid-utf8.html" && !strings.Contains(r["text"], adversarial.Accents) {
			t.Errorf("%s: the UTF-8 beside broken bytes is garbled: %.300q", r["source"], r["text"])
		}
		if strings.Contains(r["text"], adversarial.Secret) || strings.Contains(r["text"], "root:") {
			t.Errorf("%s holds text from outside the input", r["source"])
		}
	}
	for _, r := range readTable(t, filepath.Join(out, "quarantine"), "source", "reason") {
		if _, dup := got[r["source"]]; dup {
			t.Errorf("%s is both a row and quarantined", r["source"])
		}
		got[r["source"]] = adversarial.Outcome{Table: "quarantine", Reason: r["reason"]}
	}
	for src, want := range set.Want {
		if want.Table == "skipped" {
			continue // a skip leaves no row: counted below by reason
		}
		if got[src] != want {
			t.Errorf("%s: got %+v, want %+v", src, got[src], want)
		}
	}
	for src, o := range got {
		if _, ok := set.Want[src]; !ok {
			t.Errorf("unexpected %s: %+v", src, o)
		}
	}
	checkAdversarialCounts(t, out, set)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("%d files left in TMPDIR", len(left))
	}
}

// checkAdversarialCounts: the manifest counts each input once, skips by
// their reason.
func checkAdversarialCounts(t *testing.T, out string, set *adversarial.Set) {
	t.Helper()
	entries, _ := filepath.Glob(filepath.Join(out, "_manifest", "*.json"))
	if len(entries) == 0 {
		t.Fatal("no manifest")
	}
	slices.Sort(entries)
	b, _ := os.ReadFile(entries[len(entries)-1])
	var m struct {
		Counts struct {
			Inputs, Documents, Quarantined, Duplicates, Skipped, Filtered, Unchanged int
			SkipReasons                                                              map[string]int `json:"skip_reasons"`
		} `json:"counts"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	c := m.Counts
	t.Logf("counts %+v", c)
	want := map[string]int{}
	skips := map[string]int{}
	for _, o := range set.Want {
		want[o.Table]++
		if o.Table == "skipped" {
			skips[o.Reason]++
		}
	}
	if c.Inputs != len(set.Want) || c.Documents != want["documents"] || c.Quarantined != want["quarantine"] || c.Skipped != want["skipped"] {
		t.Errorf("counts %+v, want %d inputs: %v", c, len(set.Want), want)
	}
	if c.Inputs != c.Documents+c.Quarantined+c.Duplicates+c.Skipped+c.Filtered+c.Unchanged {
		t.Errorf("counts do not add up: %+v", c)
	}
	for r, n := range skips {
		if c.SkipReasons[r] != n {
			t.Errorf("skipped %s: %d, want %d (all: %v)", r, c.SkipReasons[r], n, c.SkipReasons)
		}
	}
}
