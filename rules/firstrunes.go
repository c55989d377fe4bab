package rules

import (
	"regexp/syntax"
	"slices"
	"unicode"
)

// maxFirst bounds the runes a first-rune set lists; a pattern that may
// start with more is treated as starting with anything.
const maxFirst = 256

// firstSet is what the first rune of a match can be. Block rules are
// anchored at the start and mostly begin with a word ("^(?i)advertisement"),
// so a look at the block's first rune turns most blocks away.
type firstSet struct {
	runes []rune // sorted; nil with any
	any   bool
	// empty means the pattern may consume nothing: no first rune needed.
	empty bool
}

// firstRunes computes t's first-rune set.
func firstRunes(t *syntax.Regexp) firstSet {
	switch t.Op {
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return firstSet{empty: true}
		}
		return firstSet{runes: orbit(t.Rune[0], t.Flags&syntax.FoldCase != 0)}
	case syntax.OpCharClass:
		return classSet(t.Rune)
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return firstSet{any: true}
	case syntax.OpCapture:
		return firstRunes(t.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		f := firstRunes(t.Sub[0])
		f.empty = true
		return f
	case syntax.OpPlus:
		return firstRunes(t.Sub[0])
	case syntax.OpRepeat:
		f := firstRunes(t.Sub[0])
		f.empty = f.empty || t.Min == 0
		return f
	case syntax.OpConcat:
		out := firstSet{empty: true}
		for _, s := range t.Sub {
			if !out.empty {
				break
			}
			f := firstRunes(s)
			out = union(out, f)
			out.empty = f.empty
		}
		return out
	case syntax.OpAlternate:
		var out firstSet
		for _, s := range t.Sub {
			f := firstRunes(s)
			empty := out.empty || f.empty
			out = union(out, f)
			out.empty = empty
		}
		return out
	}
	return firstSet{empty: true} // empty-width assertions
}

func union(a, b firstSet) firstSet {
	if a.any || b.any || len(a.runes)+len(b.runes) > maxFirst {
		return firstSet{any: true, empty: a.empty}
	}
	rs := slices.Concat(a.runes, b.runes)
	slices.Sort(rs)
	return firstSet{runes: slices.Compact(rs), empty: a.empty}
}

// classSet lists a character class's runes (pairs of range bounds).
func classSet(ranges []rune) firstSet {
	var rs []rune
	for i := 0; i+1 < len(ranges); i += 2 {
		if len(rs)+int(ranges[i+1]-ranges[i])+1 > maxFirst {
			return firstSet{any: true}
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return firstSet{runes: rs}
}

// orbit returns r, and with fold every rune (?i) matches it with.
func orbit(r rune, fold bool) []rune {
	rs := []rune{r}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			rs = append(rs, f)
		}
	}
	slices.Sort(rs)
	return rs
}
