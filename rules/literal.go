package rules

import (
	"regexp"
	"regexp/syntax"
	"strings"
)

// requiredLiteral returns a string every match of re must contain, or ""
// when there is none worth checking. Content patterns run against every
// page without a host match; a strings.Contains on the literal first turns
// away almost all pages at memory speed, where the regexp engine would
// scan each page in full (a multi-line "^…$" pattern has no literal
// prefix for the engine to skip with).
func requiredLiteral(re *regexp.Regexp) string {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return ""
	}
	return longestRequired(t.Simplify())
}

func longestRequired(t *syntax.Regexp) string {
	switch t.Op {
	case syntax.OpLiteral:
		if t.Flags&syntax.FoldCase != 0 {
			return ""
		}
		return string(t.Rune)
	case syntax.OpCapture, syntax.OpPlus:
		return longestRequired(t.Sub[0])
	case syntax.OpRepeat:
		if t.Min >= 1 {
			return longestRequired(t.Sub[0])
		}
	case syntax.OpConcat:
		best := ""
		for _, s := range t.Sub {
			if l := longestRequired(s); len(l) > len(best) {
				best = l
			}
		}
		return best
	}
	return ""
}

// mayMatch is the cheap pre-check before running re over sample.
func mayMatch(lit, sample string) bool { return lit == "" || strings.Contains(sample, lit) }
