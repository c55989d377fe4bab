package main

import (
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/rinse-etl/rinse/pipeline"
)

// TestETA: at a steady pace the time left is what remains over the pace,
// whatever the start-up cost; no total, no estimate.
func TestETA(t *testing.T) {
	var m rateMeter
	s := pipeline.Progress{Total: 10000}
	// A slow start (100 pages in 10 s), then 100 pages/s.
	s.Elapsed, s.Done = 10*time.Second, 100
	m.add(s)
	for i := 1; i <= 60; i++ {
		s.Elapsed, s.Done = 10*time.Second+time.Duration(i)*time.Second, 100+int64(i)*100
		m.add(s)
	}
	want := time.Duration(float64(s.Total-s.Done)/100) * time.Second
	if got := m.eta(s); got < want*9/10 || got > want*11/10 {
		t.Errorf("eta %s, want about %s (rate %.1f)", got, want, m.rate)
	}
	s.Total = 0
	if m.eta(s) != -1 {
		t.Error("an unknown total has no eta")
	}
}

func TestLogReporterEvents(t *testing.T) {
	core, logs := observer.New(zap.InfoLevel)
	r := &logReporter{log: zap.New(core), every: 10 * time.Second}
	for i := range 26 { // a snapshot every second for 25 s
		r.update(pipeline.Progress{Elapsed: time.Duration(i) * time.Second, Done: int64(i * 10), Total: 1000})
	}
	r.update(pipeline.Progress{Elapsed: 26 * time.Second, Final: true})
	events := logs.FilterMessage("progress").All()
	if len(events) != 3 { // at 0, 10 and 20 s
		t.Fatalf("%d progress events, want 3", len(events))
	}
	if f := events[2].ContextMap(); f["done"] != int64(200) || f["total"] != int64(1000) || f["eta"] == nil {
		t.Errorf("progress event fields: %v", f)
	}
}
