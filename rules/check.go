package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// check is a pattern prepared for Apply: cheap tests, read off the
// pattern's syntax, that turn away most blocks before the regexp engine
// runs. They never turn away a block the pattern matches, so results are
// those of the pattern alone. Boilerplate rules run ~35 patterns over
// every block of every page; without the checks they are a tenth of a
// run's time.
type check struct {
	// re is the pattern, or an equivalent anchored copy (see anchored).
	re *regexp.Regexp
	// lit is a literal every match contains ("" for none).
	lit string
	// minRunes is the fewest runes a match spans; maxRunes, when the
	// pattern must match the whole text (every path from ^ to $), the
	// most (-1: no bound).
	minRunes, maxRunes int
	// first, for patterns anchored at the start, lists the runes a
	// match can start with (nil: any).
	first []rune
	// needs are the atoms a match holds, case-folded (see needs), for
	// patterns that may start anywhere or with anything; within is how
	// far into the text (in runes) a match can reach (-1: no bound).
	needs  [][][]byte
	within int
}

// List is an ordered list of patterns, each prepared with its check.
// The checks are computed once, when the list is made, and live as long
// as the list: a compiled profile owns the checks of its patterns, the
// boilerplate stage those of its generic rules, and nothing is cached
// beyond them.
type List struct {
	patterns []Pattern
	checks   []*check
}

// NewList prepares patterns, in order, for Apply.
func NewList(patterns ...Pattern) List {
	l := List{patterns: slices.Clone(patterns), checks: make([]*check, len(patterns))}
	for i, p := range patterns {
		l.checks[i] = prepare(p.Re)
	}
	return l
}

// Len is the number of patterns in the list.
func (l List) Len() int { return len(l.patterns) }

// prepare reads re's syntax for the checks that turn blocks away.
func prepare(re *regexp.Regexp) *check {
	c := &check{re: re, maxRunes: unbounded, within: unbounded}
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return c
	}
	t = t.Simplify()
	c.lit = longestRequired(t)
	minR, maxR := runeBounds(t)
	c.minRunes = minR
	begin := atBegin(t)
	if begin && atEnd(t) {
		c.maxRunes = maxR
	}
	if begin {
		c.re = anchored(re)
		if maxR != unbounded {
			c.within = maxR
		}
		if f := firstRunes(t); !f.any && !f.empty {
			c.first = f.runes
			return c
		}
	}
	for _, set := range usefulNeeds(needs(t)) {
		var bs [][]byte
		for _, a := range set {
			bs = append(bs, []byte(a))
		}
		c.needs = append(c.needs, bs)
	}
	return c
}

// anchored returns a copy of re that the engine knows to try at the start
// of the text only. Go treats `^a|^b` as unanchored and tries every
// position of a long block before giving up; `^(?:^a|^b)` has the same
// matches and captures and fails at once. re is kept when the copy would
// not compile the same way.
func anchored(re *regexp.Regexp) *regexp.Regexp {
	a, err := regexp.Compile(`^(?:` + re.String() + `)`)
	if err != nil || a.NumSubexp() != re.NumSubexp() {
		return re
	}
	return a
}

// may reports whether the pattern can match b's text.
func (c *check) may(b *blockText) bool {
	if c.lit != "" && !strings.Contains(b.text, c.lit) {
		return false
	}
	if !c.fits(b) {
		return false
	}
	if c.first != nil {
		r, _ := utf8.DecodeRuneInString(b.text)
		_, ok := slices.BinarySearch(c.first, r)
		return ok && b.text != ""
	}
	return len(c.needs) == 0 || hasNeeds(b.folded(c.within), c.needs)
}

// fits reports whether b's length is within the pattern's bounds.
func (c *check) fits(b *blockText) bool {
	if c.minRunes <= 1 && c.maxRunes < 0 {
		return true
	}
	if len(b.text) < c.minRunes {
		return false // a rune is at least one byte
	}
	if c.maxRunes >= 0 && len(b.text) <= c.maxRunes {
		return true // no more runes than bytes
	}
	if b.runes < 0 {
		b.runes = utf8.RuneCountInString(b.text)
	}
	return b.runes >= c.minRunes && (c.maxRunes < 0 || b.runes <= c.maxRunes)
}

// atBegin reports whether every match of t starts at the start of the text.
func atBegin(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpCapture:
		return atBegin(t.Sub[0])
	case syntax.OpConcat:
		return len(t.Sub) > 0 && atBegin(t.Sub[0])
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !atBegin(s) {
				return false
			}
		}
		return true
	}
	return false
}

// atEnd reports whether every match of t ends at the end of the text.
func atEnd(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpEndText:
		return true
	case syntax.OpCapture:
		return atEnd(t.Sub[0])
	case syntax.OpConcat:
		return len(t.Sub) > 0 && atEnd(t.Sub[len(t.Sub)-1])
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !atEnd(s) {
				return false
			}
		}
		return true
	}
	return false
}

// unbounded marks a repetition without an upper bound in runeBounds.
const unbounded = -1

// runeBounds returns the fewest and the most runes a match of t spans
// (most = unbounded when there is no limit).
func runeBounds(t *syntax.Regexp) (lo, hi int) {
	switch t.Op {
	case syntax.OpLiteral:
		return len(t.Rune), len(t.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1, 1
	case syntax.OpCapture:
		return runeBounds(t.Sub[0])
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		l, h := runeBounds(t.Sub[0])
		switch t.Op {
		case syntax.OpStar:
			return 0, unbounded
		case syntax.OpPlus:
			return l, unbounded
		}
		return 0, h
	case syntax.OpRepeat:
		l, h := runeBounds(t.Sub[0])
		if t.Max < 0 || h == unbounded {
			return l * t.Min, unbounded
		}
		return l * t.Min, h * t.Max
	case syntax.OpConcat:
		return concatBounds(t.Sub)
	case syntax.OpAlternate:
		return alternateBounds(t.Sub)
	}
	return 0, 0 // empty-width assertions and the empty match
}

func concatBounds(subs []*syntax.Regexp) (lo, hi int) {
	for _, s := range subs {
		l, h := runeBounds(s)
		lo += l
		if hi != unbounded {
			hi += h
		}
		if h == unbounded {
			hi = unbounded
		}
	}
	return lo, hi
}

func alternateBounds(subs []*syntax.Regexp) (lo, hi int) {
	for i, s := range subs {
		l, h := runeBounds(s)
		if i == 0 || l < lo {
			lo = l
		}
		if hi != unbounded && (h == unbounded || h > hi) {
			hi = h
		}
	}
	return lo, hi
}
