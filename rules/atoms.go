package rules

import (
	"regexp/syntax"
	"slices"
)

// minAtom is the shortest atom worth a search: shorter ones are in
// almost every text.
const minAtom = 3

// needs returns sets of atoms, case-folded (fold), such that every match
// of t contains at least one atom of each set. Rules like "a byline
// within the first 120 characters" (^.{0,120}\b(?:by|von)…) make the
// engine try each alternative at each position; a substring search for
// the alternatives turns away the blocks that hold none of them.
func needs(t *syntax.Regexp) [][]string {
	switch t.Op {
	case syntax.OpLiteral:
		return [][]string{{fold(string(t.Rune))}}
	case syntax.OpCapture, syntax.OpPlus:
		return needs(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return needs(t.Sub[0])
		}
	case syntax.OpConcat:
		var out [][]string
		for _, s := range t.Sub {
			out = append(out, needs(s)...)
		}
		return out
	case syntax.OpAlternate:
		var any []string
		for _, s := range t.Sub {
			best := bestSet(needs(s))
			if best == nil {
				return nil
			}
			any = append(any, best...)
		}
		slices.Sort(any)
		return [][]string{slices.Compact(any)}
	}
	return nil
}

// bestSet picks the set whose shortest atom is longest: the most
// selective one.
func bestSet(sets [][]string) []string {
	var best []string
	bestLen := 0
	for _, s := range sets {
		if l := shortest(s); l > bestLen {
			best, bestLen = s, l
		}
	}
	return best
}

func shortest(set []string) int {
	n := -1
	for _, a := range set {
		if n < 0 || len(a) < n {
			n = len(a)
		}
	}
	return max(n, 0)
}

// usefulNeeds keeps the sets worth searching for.
func usefulNeeds(sets [][]string) [][]string {
	var out [][]string
	for _, s := range sets {
		if shortest(s) >= minAtom {
			out = append(out, s)
		}
	}
	return out
}
