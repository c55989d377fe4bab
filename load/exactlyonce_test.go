package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	textA = "the council approved the plan to extend the tram line along the river after a long debate"
	textB = "a local charity opened a new shelter in the old mill, with volunteers serving meals every night"
	textC = "engineers reviewed the bridge and found the cables in good order, though the deck needs paint"
)

// 3(a): a transient failure is retried by the next plain run; a permanent
// one is not, until its content changes.
func TestTransientRetriedPermanentKept(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/t"] = "TIMEOUT:" + textA
	w.pages["a.com/p"] = "NOCONTENT:" + textB
	w.pages["a.com/ok"] = textC
	s := w.run()
	if s.Quarantined != 2 || s.Documents != 1 {
		t.Fatalf("first run: %+v", s)
	}
	w.expectOnce([]string{"a.com/ok"}, []string{"a.com/t", "a.com/p"}, nil)

	// Same content: the timeout is retried (and fails again), the
	// permanent failure and the document are unchanged.
	s = w.run()
	if s.Unchanged != 2 || s.Quarantined != 1 || s.Reasons["timeout"] != 1 {
		t.Errorf("second run: unchanged %d, quarantined %d (%v); want 2 unchanged, the timeout retried", s.Unchanged, s.Quarantined, s.Reasons)
	}
	w.expectOnce([]string{"a.com/ok"}, []string{"a.com/t", "a.com/p"}, nil)

	// The timeout passes; the permanent failure's content changes.
	w.pages["a.com/t"] = textA
	w.pages["a.com/p"] = textB
	s = w.run()
	if s.Documents != 2 || s.Unchanged != 1 {
		t.Errorf("third run: %+v", s)
	}
	// 3(b): the quarantine table shows the current state.
	w.expectOnce([]string{"a.com/ok", "a.com/t", "a.com/p"}, nil, nil)
}

// 3(b): an input that fails every run has one quarantine row, not one per run.
func TestQuarantineHoldsOneRowPerInput(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/bad"] = "TIMEOUT:x"
	for range 4 {
		w.run()
	}
	w.expectOnce(nil, []string{"a.com/bad"}, nil)
	if q := w.table("quarantine", "reason")["a.com/bad"]; len(q) != 1 || q[0] != "timeout" {
		t.Errorf("quarantine rows of a.com/bad: %v", q)
	}
}

// 3(c): another configuration processes every input again and replaces
// its row.
func TestConfigChangeReprocesses(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/1"], w.pages["b.com/2"] = textA, textB
	w.run()
	if s := w.run(); s.Unchanged != 2 {
		t.Fatalf("unchanged rerun: %+v", s)
	}
	w.opts.ConfigHash = "c2"
	if s := w.run(); s.Documents != 2 || s.Unchanged != 0 {
		t.Errorf("after a configuration change: %+v", s)
	}
	w.expectOnce([]string{"a.com/1", "b.com/2"}, nil, nil)
}

// 3(d): an interrupted --full leaves readers every input once; the next
// run goes on with the rebuild and, once it completes, drops rows of
// inputs that are gone.
func TestFullInterruptedThenContinued(t *testing.T) {
	w := newWorld(t)
	var all []string
	for i := range 10 {
		src := "a.com/" + string(rune('a'+i))
		w.pages[src] = textA + " " + src
		all = append(all, src)
	}
	w.pages["gone.com/x"] = textB
	w.run()
	delete(w.pages, "gone.com/x")

	w.opts.Full, w.stopAfter = true, 4
	s := w.run()
	if !s.Interrupted || s.Documents == 0 || s.Documents >= 10 {
		t.Fatalf("interrupted --full: %+v", s)
	}
	// Readers still see every input, gone.com/x too (the rebuild is not done).
	w.expectOnce(append(all, "gone.com/x"), nil, nil)

	w.opts.Full, w.stopAfter = false, 0
	s = w.run()
	if s.Documents+s.Unchanged != 10 || s.Documents == 0 {
		t.Errorf("continuing the rebuild: %+v", s)
	}
	w.expectOnce(all, nil, nil)
	if s := w.run(); s.Unchanged != 10 {
		t.Errorf("after the rebuild: %+v", s)
	}
}

// 3(e): near-duplicates are marked against rows kept by earlier runs.
func TestNearDuplicatesAcrossRuns(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/orig"] = textA + " " + textB + " " + textC
	w.run()
	w.pages["b.com/copy"] = textA + " " + textB + " " + strings.Replace(textC, "paint", "paint soon", 1)
	w.pages["c.com/other"] = textC + " " + textA
	w.run()
	docs := w.table("documents", "duplicate_of")
	if got := docs["b.com/copy"]; len(got) != 1 || got[0] != id("a.com/orig") {
		t.Errorf("b.com/copy duplicate_of = %v, want the id of a.com/orig", got)
	}
	if got := docs["c.com/other"]; len(got) != 1 || got[0] != "" {
		t.Errorf("c.com/other duplicate_of = %v, want none", got)
	}
}

// 3(f): rows of inputs that left the source stay, unless --prune.
func TestPrune(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/1"], w.pages["b.com/2"], w.pages["c.com/3"] = textA, textB, "TIMEOUT:x"
	w.run()
	delete(w.pages, "b.com/2")
	delete(w.pages, "c.com/3")
	w.run()
	w.expectOnce([]string{"a.com/1", "b.com/2"}, []string{"c.com/3"}, nil)
	w.opts.Prune = true
	w.run()
	w.expectOnce([]string{"a.com/1"}, nil, nil)
}

// An interrupted run with --prune must not prune what it did not reach.
func TestPruneWaitsForACompleteRun(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/1"], w.pages["b.com/2"], w.pages["c.com/3"] = textA, textB, textC
	w.run()
	w.opts.Prune, w.stopAfter = true, 1
	w.run()
	w.expectOnce([]string{"a.com/1", "b.com/2", "c.com/3"}, nil, nil)
}

// 3(h): a deleted state never duplicates rows: it is rebuilt from the
// committed files and every input is processed again.
func TestLostStateIsRebuilt(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/1"], w.pages["a.com/2"], w.pages["b.com/3"] = textA, textA, "NOCONTENT:x"
	w.pages["b.com/4"] = textB
	w.run()
	if err := os.RemoveAll(filepath.Join(w.dir, "_state")); err != nil {
		t.Fatal(err)
	}
	s := w.run()
	if s.Unchanged != 0 {
		t.Errorf("after losing the state every input is processed again: %+v", s)
	}
	w.expectOnce([]string{"a.com/1", "b.com/4"}, []string{"b.com/3"}, []string{"a.com/2"})
	if s := w.run(); s.Unchanged != 4 {
		t.Errorf("the rebuilt state works: %+v", s)
	}
}

// 3(i): an exact duplicate whose kept copy changes gets its own row in
// that run, without being processed again.
func TestDuplicatePromotedWhenKeptCopyChanges(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/kept"], w.pages["b.com/dup"], w.pages["c.com/dup2"] = textA, textA, strings.ToUpper(textA)
	s := w.run()
	if s.Documents != 1 || s.Duplicates != 2 {
		t.Fatalf("first run: %+v", s)
	}
	w.expectOnce([]string{"a.com/kept"}, nil, []string{"b.com/dup", "c.com/dup2"})
	if d := w.table("_duplicates", "duplicate_of")["b.com/dup"]; len(d) != 1 || d[0] != id("a.com/kept") {
		t.Errorf("b.com/dup points at %v", d)
	}

	w.pages["a.com/kept"] = textB
	s = w.run()
	if s.Promoted != 1 || s.Unchanged != 2 || s.Documents != 1 {
		t.Errorf("second run: %+v", s)
	}
	w.expectOnce([]string{"a.com/kept", "b.com/dup"}, nil, []string{"c.com/dup2"})

	// The kept copy leaves: the remaining duplicate takes its place.
	w.pages["b.com/dup"] = "NOCONTENT:"
	s = w.run()
	w.expectOnce([]string{"a.com/kept", "c.com/dup2"}, []string{"b.com/dup"}, nil)
}

// Within one run the first by input order keeps the row, and a later run
// never moves it.
func TestFirstKeepsTheRow(t *testing.T) {
	w := newWorld(t)
	w.pages["b.com/second"] = textA
	w.run()
	w.pages["a.com/first"] = textA // earlier in input order, later in time
	s := w.run()
	if s.Duplicates != 1 || s.Documents != 0 {
		t.Errorf("second run: %+v", s)
	}
	w.expectOnce([]string{"b.com/second"}, nil, []string{"a.com/first"})
}

// 3(j): a source whose name is not valid UTF-8 keeps its key across runs.
func TestInvalidUTF8SourceStable(t *testing.T) {
	w := newWorld(t)
	src := "a.com/caf\xe9.html"
	w.pages[src] = textA
	w.run()
	if s := w.run(); s.Unchanged != 1 || s.Documents != 0 {
		t.Errorf("rerun: %+v", s)
	}
	if n := len(w.table("documents", "duplicate_of")); n != 1 {
		t.Errorf("%d rows, want 1", n)
	}
}

// A filtered input loses the row an earlier run gave it.
func TestFilteredLosesItsRow(t *testing.T) {
	w := newWorld(t)
	w.pages["a.com/1"], w.pages["a.com/2"] = textA, textB
	w.run()
	w.pages["a.com/2"] = textB + " changed"
	w.filter = map[string]bool{"a.com/2": true}
	w.run()
	w.expectOnce([]string{"a.com/1"}, nil, nil)
}
