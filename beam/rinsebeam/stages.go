package rinsebeam

import (
	"context"
	"fmt"
	"runtime"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/pipeline"
)

func init() {
	register.DoFn3x1[context.Context, Page, func(Row), error](&stagesFn{})
}

// stagesFn runs rinse's stages over pages: decode → extract →
// boilerplate → normalize → language → dates → entities → finalize, as
// assemble builds them from the configuration (with the fetch stage
// first for URL lists). Each bundle is one run of the command's engine,
// so a page gets the command's time budget, panic guard, stage names and
// reasons, and the bundle gets the configured workers.
type stagesFn struct {
	Settings []byte

	stages   pipeline.Stages
	opts     pipeline.Options
	near     bool
	feed     *feed
	filtered beam.Counter
}

func (f *stagesFn) Setup() error {
	s, err := decodeSettings(f.Settings)
	if err != nil {
		return err
	}
	cfg := s.Config
	if f.stages, err = assemble.StagesFor(cfg); err != nil {
		return fmt.Errorf("building the stages: %w", err)
	}
	workers := cfg.Workers
	if s.WorkersAuto {
		workers = runtime.GOMAXPROCS(0) // this worker's cores, not the launcher's
	}
	f.opts = pipeline.Options{
		Workers: pipeline.Workers{
			Fetch: cfg.Pipeline.FetchWorkers, Decode: cfg.Pipeline.DecodeWorkers,
			Extract: or(cfg.Pipeline.ExtractWorkers, workers), Transform: or(cfg.Pipeline.TransformWorkers, workers),
		},
		Buffer: cfg.Pipeline.Buffer, PageTimeout: cfg.Pipeline.PageTimeout,
	}
	f.near = cfg.Dataset.Dedup == "near"
	f.filtered = beam.NewCounter("rinse", "filtered")
	return nil
}

func (f *stagesFn) StartBundle(context.Context, func(Row)) {
	f.feed = startFeed(f.stages, f.opts, f.near)
}

func (f *stagesFn) ProcessElement(ctx context.Context, p Page, emit func(Row)) error {
	page, err := p.page()
	if err != nil {
		return err
	}
	if err := f.feed.give(ctx, Pos{p.Ord, p.Sub}, page); err != nil {
		return err
	}
	return f.emit(ctx, emit)
}

func (f *stagesFn) FinishBundle(ctx context.Context, emit func(Row)) error {
	err := f.feed.finish()
	if eerr := f.emit(ctx, emit); err == nil {
		err = eerr
	}
	f.feed = nil
	if err != nil {
		return fmt.Errorf("running the stages: %w", err)
	}
	return nil
}

// emit hands on the rows the engine finished so far.
func (f *stagesFn) emit(ctx context.Context, emit func(Row)) error {
	rows, filtered, err := f.feed.take()
	for _, r := range rows {
		emit(r)
	}
	f.filtered.Inc(ctx, filtered)
	return err
}

func or(v ...int) int {
	for _, n := range v {
		if n > 0 {
			return n
		}
	}
	return 0
}
