package entities

import (
	"strings"

	"github.com/rinse-etl/rinse"
)

// gazetteer is the compiled form of the entries: a trie over normalized
// words, so a text is matched in one left-to-right pass whatever the
// number of names.
type gazetteer struct {
	names []string // canonical name by entity index
	types []string
	root  *trieNode
}

type trieNode struct {
	next  map[string]*trieNode
	cands []candidate // entities whose name ends here
}

// candidate is one way a word sequence can name an entity.
type candidate struct {
	entity int32
	// caps has bit k set when word k must be capitalized in the text.
	caps uint64
	// acronym forms match only upper-case words ("US", not "us").
	acronym bool
	guarded bool
}

// maxNameWords bounds the words of a name (and the caps bitmask).
const maxNameWords = 16

func compileGazetteer(es []gazetteerEntry) *gazetteer {
	g := &gazetteer{root: &trieNode{}}
	for _, e := range es {
		id := int32(len(g.names))
		g.names = append(g.names, e.Name)
		typ := e.Type
		if typ == "" {
			typ = rinse.EntityOther
		}
		g.types = append(g.types, typ)
		g.add(e.Name, candidate{entity: id})
		for _, a := range e.Aliases {
			g.add(a, candidate{entity: id})
		}
		for _, a := range e.Acronyms {
			g.add(a, candidate{entity: id, acronym: true})
		}
		for _, a := range e.Guarded {
			g.add(a, candidate{entity: id, acronym: true, guarded: true})
		}
		for _, c := range e.Codes {
			if len(c) == 3 {
				g.add(c, candidate{entity: id, acronym: true, guarded: true})
			}
		}
	}
	return g
}

// add inserts one form. Forms that could never match safely are skipped:
// a name must start with a capital, an acronym must be upper-case.
func (g *gazetteer) add(form string, c candidate) {
	ws := splitEntWords(form, nil)
	if len(ws) == 0 || len(ws) > maxNameWords {
		return
	}
	if c.acronym {
		for _, w := range ws {
			if w.shape == wordShapeLower || (w.shape == wordShapeTitle && len(ws) == 1 && w.end-w.start > 1) {
				return
			}
		}
	} else if !ws[0].shape.capitalized() {
		return
	}
	n := g.root
	for k, w := range ws {
		if !c.acronym && w.shape.capitalized() {
			c.caps |= 1 << k
		}
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		child := n.next[w.norm]
		if child == nil {
			child = &trieNode{}
			n.next[w.norm] = child
		}
		n = child
	}
	n.cands = mergeCandidate(n.cands, c)
}

// mergeCandidate keeps one candidate per entity and form kind, with the
// least demanding case pattern: an unguarded form beats a guarded one.
func mergeCandidate(cs []candidate, c candidate) []candidate {
	for i, o := range cs {
		if o.entity == c.entity && o.acronym == c.acronym {
			cs[i].caps &= c.caps
			cs[i].guarded = o.guarded && c.guarded
			return cs
		}
	}
	return append(cs, c)
}

// gazetteerHit is the longest name starting at a word.
type gazetteerHit struct {
	n     int // words covered
	cands []candidate
}

// longest finds the longest name starting at ws[i] whose case pattern the
// text satisfies, and the candidates that accept it.
func (g *gazetteer) longest(text string, ws []entWord, i int, buf []candidate) gazetteerHit {
	var best gazetteerHit
	n := g.root
	for j := i; j < len(ws) && j-i < maxNameWords; j++ {
		if j > i && (ws[j].tagged || !nameGapOK(text[ws[j-1].end:ws[j].start])) {
			break
		}
		if n = n.next[ws[j].norm]; n == nil {
			break
		}
		if len(n.cands) == 0 {
			continue
		}
		buf = buf[:0]
		for _, c := range n.cands {
			if caseFits(c, ws[i:j+1]) {
				buf = append(buf, c)
			}
		}
		if len(buf) > 0 {
			best = gazetteerHit{n: j - i + 1, cands: append([]candidate(nil), buf...)}
		}
	}
	return best
}

func caseFits(c candidate, ws []entWord) bool {
	for k, w := range ws {
		if c.acronym {
			if w.shape == wordShapeLower || (w.shape == wordShapeTitle && w.end-w.start > 1) {
				return false
			}
		} else if c.caps&(1<<k) != 0 && !w.shape.capitalized() {
			return false
		}
	}
	return true
}

// entity returns the canonical name and type of entity id.
func (g *gazetteer) entity(id int32) (string, string) { return g.names[id], g.types[id] }

// entityKey is the key entities are tallied under.
func entityKey(name, typ string) string { return strings.ToLower(name) + "\x00" + typ }
