package rinsebeam

import (
	"context"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rinse-etl/rinse"
)

func init() {
	register.Function2x0[Row, func(string, Pos)](sourcePos)
	register.Function3x0[string, func(*Pos) bool, func(Pos)](repeatsOf)
	register.DoFn4x0[context.Context, Row, func(*Pos) bool, func(Row)](&dropRepeatsFn{})
	register.Function2x0[Row, func(string, Row)](byContentHash)
	register.DoFn4x0[context.Context, string, func(*Row) bool, func(Row)](&exactFn{})
	register.Emitter2[string, Pos]()
	register.Emitter2[string, Row]()
	register.Emitter1[Pos]()
	register.Iter1[Pos]()
	register.Iter1[Row]()
}

// dropRepeats keeps the first row of each source, as a commit does when
// the same input comes twice in one run (the same WARC record id twice,
// the same URL on two lines): the others are dropped and counted as
// duplicates. Only positions cross the shuffle; the rows stay where they
// are and meet the (few) repeated positions as a side input.
func dropRepeats(s beam.Scope, rows beam.PCollection) beam.PCollection {
	s = s.Scope("repeats")
	repeats := beam.ParDo(s, repeatsOf, beam.GroupByKey(s, beam.ParDo(s, sourcePos, rows)))
	return beam.ParDo(s, &dropRepeatsFn{}, rows, beam.SideInput{Input: repeats})
}

func sourcePos(r Row, emit func(string, Pos)) { emit(r.Source, r.pos()) }

// repeatsOf emits every position of a source but its first.
func repeatsOf(_ string, it func(*Pos) bool, emit func(Pos)) {
	var all []Pos
	var p Pos
	for it(&p) {
		all = append(all, p)
	}
	if len(all) < 2 {
		return
	}
	slices.SortFunc(all, cmpPos)
	for _, p := range all[1:] {
		emit(p)
	}
}

type dropRepeatsFn struct {
	repeats    map[Pos]bool // the side input, read once per instance
	duplicates beam.Counter
}

func (f *dropRepeatsFn) Setup() { f.duplicates = beam.NewCounter("rinse", "duplicates") }

func (f *dropRepeatsFn) ProcessElement(ctx context.Context, r Row, side func(*Pos) bool, emit func(Row)) {
	if f.repeats == nil {
		f.repeats = map[Pos]bool{}
		var p Pos
		for side(&p) {
			f.repeats[p] = true
		}
	}
	if f.repeats[r.pos()] {
		f.duplicates.Inc(ctx, 1)
		return
	}
	emit(r)
}

// dropExact groups documents by content hash and keeps the first of
// each group by input order; the others are exact duplicates of it
// (Exact, DuplicateOf its id), bound for _duplicates/.
func dropExact(s beam.Scope, docs beam.PCollection) beam.PCollection {
	s = s.Scope("exact")
	return beam.ParDo(s, &exactFn{}, beam.GroupByKey(s, beam.ParDo(s, byContentHash, docs)))
}

func byContentHash(r Row, emit func(string, Row)) { emit(r.ContentHash, r) }

type exactFn struct {
	duplicates beam.Counter
}

func (f *exactFn) Setup() { f.duplicates = beam.NewCounter("rinse", "duplicates") }

func (f *exactFn) ProcessElement(ctx context.Context, _ string, it func(*Row) bool, emit func(Row)) {
	var group []Row
	var r Row
	for it(&r) {
		group = append(group, r)
		r = Row{}
	}
	slices.SortFunc(group, func(a, b Row) int { return cmpPos(a.pos(), b.pos()) })
	holder := rinse.DocumentID(group[0].Source)
	emit(group[0])
	for _, d := range group[1:] {
		d.Exact, d.DuplicateOf, d.Signature = true, holder, present(nil)
		f.duplicates.Inc(ctx, 1)
		emit(d)
	}
}
