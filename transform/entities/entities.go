package entities

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"github.com/rinse-etl/rinse"
)

// Options configure Entities.
type Options struct {
	// Bundled holds the shipped gazetteers as "entities/*.yaml" (the lead
	// passes configs.Entities; tests use os.DirFS("../configs")). Nil
	// means no bundled names.
	Bundled fs.FS
	// Gazetteers are extra files in the same format, merged over the
	// bundled ones in order: an entry with a known name adds aliases (and
	// replaces the type when it sets one), others add entities.
	Gazetteers []string
	// MaxTextBytes bounds the text scanned per document; names past it are
	// not counted. Default 512 KiB.
	MaxTextBytes int
}

// Entities recognizes named entities in Document.Text and sets
// Document.Entities: canonical name, type and mention count, in order of
// first mention. The title is not counted (it usually repeats the text).
//
// Names come from the gazetteers (countries, organizations, aliases and
// acronyms), matched longest-first over whole words: "South Korea" is
// never also "Korea", "North Korea's" is North Korea. Acronyms a page
// defines ("the Non-Aligned Movement (NAM)") count, on that page, into
// their long form. People are recognized from the shape of the text only
// with strong evidence; see people.go.
type Entities struct {
	gaz      *gazetteer
	maxBytes int
}

// New loads and compiles the gazetteers once.
func New(opts Options) (*Entities, error) {
	es, err := loadGazetteers(opts.Bundled, opts.Gazetteers)
	if err != nil {
		return nil, fmt.Errorf("loading gazetteers: %w", err)
	}
	if opts.MaxTextBytes <= 0 {
		opts.MaxTextBytes = 512 << 10
	}
	return &Entities{gaz: compileGazetteer(es), maxBytes: opts.MaxTextBytes}, nil
}

// Process implements pipeline.DocProcessor.
func (e *Entities) Process(ctx context.Context, in *rinse.Document) (*rinse.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("finding entities: %w: %w", rinse.ErrTimeout, err)
	}
	d := *in
	d.Entities = e.Find(in.Text)
	return &d, nil
}

// Find returns the entities mentioned in text, in order of first mention.
func (e *Entities) Find(text string) []rinse.Entity {
	if len(text) > e.maxBytes {
		text = text[:e.maxBytes]
	}
	s := newEntityScan(e.gaz, text)
	defer s.release()
	s.findDefinitions()
	s.findShadowedNames()
	s.matchNames()
	s.resolveGuarded()
	s.findPeople()
	return s.result()
}

// entityScan is the state of one Find call.
type entityScan struct {
	g    *gazetteer
	text string
	ws   []entWord
	used []bool // word already part of a mention or definition

	found []foundEntity
	index map[string]int // entityKey → found index
	byGaz map[int32]int  // gazetteer entity → found index
	// named marks gazetteer entities mentioned by an unguarded form:
	// evidence that lets their guarded acronyms count.
	named    map[int32]bool
	pending  []pendingHit
	acronyms map[string]acronymTarget // page-defined, by normalized acronym
	// surnames holds one-word gazetteer names the page uses as a
	// person's surname ("Michael Jordan"): the page then means the person
	// by the bare word too.
	surnames map[string]bool
	cands    []candidate // scratch for gazetteer.longest
}

type foundEntity struct {
	rinse.Entity
	first int32 // byte offset of the first mention
}

type pendingHit struct {
	pos   int32
	cands []candidate
}

// acronymTarget is what a page-defined acronym stands for: a gazetteer
// entity (gaz >= 0) or a long form found on the page.
type acronymTarget struct {
	gaz       int32
	name, typ string
}

// scanPool recycles the per-call buffers: a page's words and maps are
// most of the allocation of Find.
var scanPool = sync.Pool{New: func() any {
	return &entityScan{index: map[string]int{}, byGaz: map[int32]int{}, named: map[int32]bool{}}
}}

func newEntityScan(g *gazetteer, text string) *entityScan {
	s := scanPool.Get().(*entityScan)
	s.g, s.text = g, text
	s.ws = splitEntWords(text, s.ws[:0])
	s.used = slices.Grow(s.used[:0], len(s.ws))[:len(s.ws)]
	clear(s.used)
	return s
}

// release returns s to the pool, dropping references to the text.
func (s *entityScan) release() {
	s.g, s.text = nil, ""
	clear(s.ws[:cap(s.ws)])
	s.found, s.pending, s.acronyms, s.surnames = s.found[:0], s.pending[:0], nil, nil
	clear(s.index)
	clear(s.byGaz)
	clear(s.named)
	if cap(s.ws) > 1<<16 { // do not keep a huge page's buffers
		s.ws, s.used = nil, nil
	}
	scanPool.Put(s)
}

// mention counts one mention at byte offset pos.
func (s *entityScan) mention(name, typ string, pos int32) int {
	key := entityKey(name, typ)
	i, ok := s.index[key]
	if !ok {
		i = len(s.found)
		s.index[key] = i
		s.found = append(s.found, foundEntity{Entity: rinse.Entity{Name: name, Type: typ}, first: pos})
	}
	f := &s.found[i]
	f.Mentions++
	if pos < f.first {
		f.first = pos
	}
	return i
}

func (s *entityScan) mentionGazetteer(id, pos int32) {
	if i, ok := s.byGaz[id]; ok {
		f := &s.found[i]
		f.Mentions++
		f.first = min(f.first, pos)
		return
	}
	name, typ := s.g.entity(id)
	s.byGaz[id] = s.mention(name, typ, pos)
}

// matchNames walks the words once, taking at each the longest gazetteer
// name or page-defined acronym.
func (s *entityScan) matchNames() {
	for i := 0; i < len(s.ws); {
		w := s.ws[i]
		if s.used[i] || w.tagged || (w.shape != wordShapeTitle && w.shape != wordShapeUpper) {
			i++
			continue
		}
		hit := s.g.longest(s.text, s.ws, i, s.cands)
		if t, ok := s.acronyms[w.norm]; ok && w.shape == wordShapeUpper && hit.n <= 1 {
			s.mentionAcronym(t, w.start)
			s.used[i] = true
			i++
			continue
		}
		if hit.n == 0 || s.personNotPlace(i, hit) {
			i++
			continue
		}
		s.takeHit(i, hit)
		for k := i; k < i+hit.n; k++ {
			s.used[k] = true
		}
		i += hit.n
	}
}

func (s *entityScan) mentionAcronym(t acronymTarget, pos int32) {
	if t.gaz >= 0 {
		s.mentionGazetteer(t.gaz, pos)
		return
	}
	s.mention(t.name, t.typ, pos)
}

// takeHit counts an unguarded candidate now; guarded ones wait for
// evidence elsewhere on the page.
func (s *entityScan) takeHit(i int, hit gazetteerHit) {
	pos := s.ws[i].start
	for _, c := range hit.cands {
		if !c.guarded {
			s.named[c.entity] = true
			s.mentionGazetteer(c.entity, pos)
			return
		}
	}
	s.pending = append(s.pending, pendingHit{pos: pos, cands: hit.cands})
}

// findShadowedNames finds one-word gazetteer names right after a given
// name ("Michael Jordan"): on that page they name the person.
func (s *entityScan) findShadowedNames() {
	for i := 1; i < len(s.ws); i++ {
		p, w := s.ws[i-1], s.ws[i]
		if p.shape != wordShapeTitle || w.shape != wordShapeTitle || !givenName(p.norm) ||
			!personGapOK(s.text[p.end:w.start]) {
			continue
		}
		if hit := s.g.longest(s.text, s.ws, i, s.cands); hit.n == 1 && !hit.cands[0].acronym {
			if s.surnames == nil {
				s.surnames = map[string]bool{}
			}
			s.surnames[w.norm] = true
		}
	}
}

// personNotPlace reports a one-word name the page uses as a surname.
func (s *entityScan) personNotPlace(i int, hit gazetteerHit) bool {
	return hit.n == 1 && !hit.cands[0].acronym && s.surnames[s.ws[i].norm]
}

func (s *entityScan) resolveGuarded() {
	for _, p := range s.pending {
		for _, c := range p.cands {
			if s.named[c.entity] {
				s.mentionGazetteer(c.entity, p.pos)
				break
			}
		}
	}
}

func (s *entityScan) result() []rinse.Entity {
	if len(s.found) == 0 {
		return nil
	}
	sort.SliceStable(s.found, func(i, j int) bool { return s.found[i].first < s.found[j].first })
	out := make([]rinse.Entity, len(s.found))
	for i, f := range s.found {
		out[i] = f.Entity
	}
	return out
}
