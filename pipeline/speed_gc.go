package pipeline

import (
	"os"
	"runtime/debug"
	"sync"
)

// defaultGCPercent is the collector's target during a run (GOGC=400: the
// heap may grow to five times the live data before a collection). A run
// allocates about ten times its input in short-lived parse trees and
// strings while its live data stays small and bounded (the stage
// channels and the sink's batches), so at Go's default of 100 it
// collects every few pages; the extract worker, which allocates most,
// pays for those collections in assists. Fewer collections make a whole
// run ~8% cheaper in CPU. A memory limit (rinse run's memory_limit,
// GOMEMLIMIT) still caps the heap: near it the collector works harder.
const defaultGCPercent = 400

// gc counts the runs in flight, so that concurrent runs raise the
// target once and the last one out restores it.
var gc struct {
	sync.Mutex
	runs int
	prev int
	set  bool
}

// tuneGC raises the GC target to percent for a run and returns the
// function that ends it. It leaves the runtime alone when percent < 0,
// when GOGC is set (the user chose), or when the target is already as
// high or collection is off.
func tuneGC(percent int) (restore func()) {
	if percent == 0 {
		percent = defaultGCPercent
	}
	if percent < 0 || os.Getenv("GOGC") != "" {
		return func() {}
	}
	gc.Lock()
	defer gc.Unlock()
	if gc.runs == 0 {
		gc.prev = debug.SetGCPercent(percent)
		gc.set = true
		if gc.prev < 0 || gc.prev >= percent {
			debug.SetGCPercent(gc.prev)
			gc.set = false
		}
	}
	gc.runs++
	return func() {
		gc.Lock()
		defer gc.Unlock()
		if gc.runs--; gc.runs == 0 && gc.set {
			debug.SetGCPercent(gc.prev)
			gc.set = false
		}
	}
}
