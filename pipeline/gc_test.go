package pipeline

import (
	"runtime/debug"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "") // the rule under test, not the environment's
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	cases := []struct {
		name         string
		before, want int // target before and during the run
		percent      int
	}{
		{"left by default", 100, 100, 0},
		{"raised as asked", 100, 250, 250},
		{"left when higher", 800, 800, 400},
		{"left when off", -1, -1, 400},
		{"left when asked", 100, 100, -1},
	}
	for _, c := range cases {
		debug.SetGCPercent(c.before)
		restore := tuneGC(c.percent)
		if got := gcPercent(); got != c.want {
			t.Errorf("%s: during the run %d, want %d", c.name, got, c.want)
		}
		restore()
		if got := gcPercent(); got != c.before {
			t.Errorf("%s: after the run %d, want %d", c.name, got, c.before)
		}
	}
}

func TestTuneGCConcurrentRuns(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	a := tuneGC(400)
	b := tuneGC(400)
	a()
	if got := gcPercent(); got != 400 {
		t.Errorf("one run still going: %d, want 400", got)
	}
	b()
	if got := gcPercent(); got != 100 {
		t.Errorf("both done: %d, want 100", got)
	}
}

func TestTuneGCLeavesGOGCAlone(t *testing.T) {
	t.Setenv("GOGC", "100")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer tuneGC(400)()
	if got := gcPercent(); got != 100 {
		t.Errorf("GOGC set, target %d, want 100", got)
	}
}
