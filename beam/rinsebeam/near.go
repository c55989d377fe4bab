package rinsebeam

import (
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/minhash"
	"github.com/rinse-etl/rinse/load"
)

func init() {
	register.Function2x0[Row, func(int64, Member)](bandsOf)
	register.DoFn3x0[int64, func(*Member) bool, func(Pair)](&pairsFn{})
	register.Function2x0[Pair, func(int64, Pair)](toOneKey)
	register.Function3x0[int64, func(*Pair) bool, func(Mark)](resolveNear)
	register.DoFn3x0[Row, func(*Mark) bool, func(Row)](&markNearFn{})
	register.Emitter2[int64, Member]()
	register.Emitter2[int64, Pair]()
	register.Emitter1[Pair]()
	register.Emitter1[Mark]()
	register.Iter1[Member]()
	register.Iter1[Pair]()
	register.Iter1[Mark]()
}

// markNear marks near-duplicates among the kept documents as a commit
// does: a document is compared with the first load.MaxNearCandidates
// earlier kept documents of each of its signature's bands, and is a
// near-duplicate of the first of them, by input order, that is similar
// enough and not itself a near-duplicate. The comparisons run in
// parallel, band by band; only the similar pairs (few) meet in one place,
// where the decisions are taken in input order, since each depends on
// the ones before. Documents keep their row either way.
func markNear(s beam.Scope, docs beam.PCollection, threshold float64) beam.PCollection {
	s = s.Scope("near")
	bands := beam.GroupByKey(s, beam.ParDo(s, bandsOf, docs))
	pairs := beam.ParDo(s, &pairsFn{Threshold: threshold}, bands)
	marks := beam.ParDo(s, resolveNear, beam.GroupByKey(s, beam.ParDo(s, toOneKey, pairs)))
	return beam.ParDo(s, &markNearFn{}, docs, beam.SideInput{Input: marks})
}

// bandsOf puts a kept document with a signature in each of its bands.
func bandsOf(r Row, emit func(int64, Member)) {
	if r.Exact || len(r.Signature) != minhash.Bytes {
		return
	}
	var sig minhash.Signature
	copy(sig[:], r.Signature)
	m := Member{Ord: r.Ord, Sub: r.Sub, ID: rinse.DocumentID(r.Source), Signature: r.Signature}
	for _, k := range sig.BandKeys() {
		emit(int64(k), m)
	}
}

// pairsFn compares the members of one band with their candidates.
type pairsFn struct {
	Threshold float64
}

func (f *pairsFn) ProcessElement(_ int64, it func(*Member) bool, emit func(Pair)) {
	var ms []Member
	var m Member
	for it(&m) {
		ms = append(ms, m)
		m = Member{}
	}
	slices.SortFunc(ms, func(a, b Member) int { return cmpPos(Pos{a.Ord, a.Sub}, Pos{b.Ord, b.Sub}) })
	for i, d := range ms {
		var ds minhash.Signature
		copy(ds[:], d.Signature)
		for _, c := range ms[:min(i, load.MaxNearCandidates)] {
			var cs minhash.Signature
			copy(cs[:], c.Signature)
			if minhash.Similarity(&ds, &cs) >= f.Threshold {
				emit(Pair{D: Pos{d.Ord, d.Sub}, C: Pos{c.Ord, c.Sub}, CID: c.ID})
			}
		}
	}
}

func toOneKey(p Pair, emit func(int64, Pair)) { emit(0, p) }

// resolveNear takes the decisions in input order: a document points at
// its first similar candidate that is still kept.
func resolveNear(_ int64, it func(*Pair) bool, emit func(Mark)) {
	var ps []Pair
	var p Pair
	for it(&p) {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b Pair) int {
		if c := cmpPos(a.D, b.D); c != 0 {
			return c
		}
		return cmpPos(a.C, b.C)
	})
	near := map[Pos]bool{}
	for _, p := range ps {
		if near[p.D] || near[p.C] {
			continue // decided already, or a candidate that is itself a duplicate
		}
		near[p.D] = true
		emit(Mark{Pos: p.D, DuplicateOf: p.CID})
	}
}

// markNearFn sets duplicate_of on the near-duplicates.
type markNearFn struct {
	marks map[Pos]string // the side input, read once per instance
}

func (f *markNearFn) ProcessElement(r Row, side func(*Mark) bool, emit func(Row)) {
	if f.marks == nil {
		f.marks = map[Pos]string{}
		var m Mark
		for side(&m) {
			f.marks[m.Pos] = m.DuplicateOf
		}
	}
	if id, ok := f.marks[r.pos()]; ok && !r.Exact {
		r.DuplicateOf = id
	}
	r.Signature = present(nil) // no further use: lighter rows to write
	emit(r)
}
