package pipeline

import (
	"os"
	"runtime/debug"
	"sync"
)

// A run may raise the collector's target (Options.GCPercent) for its
// duration: it allocates about ten times its input in short-lived parse
// trees while its live data stays small, so fewer collections save CPU.
// It is off by default: measured on the zyte pages with the rinse CLI,
// GOGC=400 took 0.75 s and 140 MB where Go's default took 0.62 s and
// 81 MB (4 alternating pairs), since a heap five times the live data is
// fresh memory the kernel must fault in and zero; and in the comparison
// harness, sharing a process with other extractors, the whole run took
// twice as long. A library should not move a process-wide knob unasked.

// gc counts the runs in flight, so that concurrent runs raise the
// target once and the last one out restores it.
var gc struct {
	sync.Mutex
	runs int
	prev int
	set  bool
}

// tuneGC raises the GC target to percent for a run and returns the
// function that ends it. It leaves the runtime alone when percent <= 0,
// when GOGC is set (the user chose), or when the target is already as
// high or collection is off.
func tuneGC(percent int) (restore func()) {
	if percent <= 0 || os.Getenv("GOGC") != "" {
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
