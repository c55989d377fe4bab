package rules

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// blockText is a block's text under the patterns, with what the checks
// compute of it at most once.
type blockText struct {
	text  string
	runes int // -1 until counted
	// fold is the case-folded text, as far as folded has been asked to
	// reach (foldEnd runes of text; -1 until folded).
	fold    []byte
	foldEnd int
}

// reset starts on a new text, keeping the fold's buffer.
func (b *blockText) reset(s string) {
	b.text, b.runes, b.fold, b.foldEnd = s, -1, b.fold[:0], -1
}

// folded returns the fold of the text's first n runes at least (n < 0:
// all of it).
func (b *blockText) folded(n int) []byte {
	if n < 0 {
		n = len(b.text) // never more runes than bytes
	}
	if b.foldEnd < n {
		b.fold = appendFold(b.fold[:0], b.text, n)
		b.foldEnd = n
	}
	return b.fold
}

// appendFold appends the fold (see fold) of s's first n runes, ASCII a
// byte at a time.
func appendFold(dst []byte, s string, n int) []byte {
	for i := 0; i < len(s) && n > 0; n-- {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += size
	}
	return dst
}

// fold maps every rune to the smallest rune it matches case-insensitively
// (its simple case-folding orbit, as regexp's (?i) uses): two texts are
// equal under (?i) exactly when their folds are equal.
func fold(s string) string { return string(appendFold(nil, s, len(s))) }

func foldRune(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return r - 'a' + 'A' // the upper-case letter is its orbit's smallest
	case r < utf8.RuneSelf:
		return r // K and S too: the Kelvin sign and long s fold to them
	}
	low := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		low = min(low, f)
	}
	return low
}

// hasNeeds reports whether folded holds an atom of every set.
func hasNeeds(folded []byte, sets [][][]byte) bool {
	for _, set := range sets {
		found := false
		for _, a := range set {
			if bytes.Contains(folded, a) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
