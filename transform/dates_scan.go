package transform

import (
	"unicode"
	"unicode/utf8"
)

// The date finder works on a flat token list rather than on regexps: one
// pass over the text splits it into numbers, words and single punctuation
// marks, and the rules then look at a few tokens around each number. That
// keeps the cost linear in the text and independent of the number of rules.

type dateTokKind uint8

const (
	dtNum dateTokKind = iota + 1
	dtWord
	dtPunct
)

type dateToken struct {
	start, end int // byte offsets into the text
	kind       dateTokKind
	space      bool // whitespace separates it from the previous token
	digits     int  // number of digits (tokNum)
	val        int  // value (tokNum), saturated at maxTokenValue
}

const maxDateTokenValue = 1 << 30

// tokenize splits text into tokens. Digits include the full-width forms
// used in CJK text; each CJK ideograph or kana is a word of its own, since
// those scripts do not separate words with spaces.
func tokenizeDates(text string, toks []dateToken) []dateToken {
	space := true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case dateDigit(r) >= 0:
			t := dateToken{start: i, kind: dtNum, space: space}
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				d := dateDigit(r)
				if d < 0 {
					break
				}
				t.digits++
				if t.val < maxDateTokenValue/10 {
					t.val = t.val*10 + d
				} else {
					t.val = maxDateTokenValue
				}
				i += size
			}
			t.end = i
			toks = append(toks, t)
		case dateIdeographic(r):
			toks = append(toks, dateToken{start: i, end: i + size, kind: dtWord, space: space})
			i += size
		case unicode.IsLetter(r):
			t := dateToken{start: i, kind: dtWord, space: space}
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) && !unicode.IsMark(r) || dateIdeographic(r) {
					break
				}
				i += size
			}
			t.end = i
			toks = append(toks, t)
		case unicode.IsSpace(r):
			i += size
			space = true
			continue
		default:
			toks = append(toks, dateToken{start: i, end: i + size, kind: dtPunct, space: space})
			i += size
		}
		space = false
	}
	return toks
}

// digitValue is the value of an ASCII or full-width digit, or -1.
func dateDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// ideographic reports ideographs, kana and hangul, which form one-rune words.
func dateIdeographic(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}
