package dates

import (
	"time"
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
	start, end int32 // byte offsets into the text
	kind       dateTokKind
	space      bool  // whitespace separates it from the previous token
	digits     uint8 // number of digits (dtNum), saturated at 255
	val        int   // value (dtNum), saturated at maxDateTokenValue
}

const maxDateTokenValue = 1 << 30

// maxDateText bounds the text the finder reads, so that offsets fit int32.
const maxDateText = 1 << 30

// tokenizeDates splits text into tokens. Digits include the full-width
// forms used in CJK text; each CJK ideograph or kana is a word of its own,
// since those scripts do not separate words with spaces.
// It stops early, with the tokens so far, once deadline (if not zero) has
// passed: a huge page must not blow the per-page budget here either.
func tokenizeDates(text string, toks []dateToken, deadline time.Time) []dateToken {
	space := true
	for i := 0; i < len(text); {
		if len(toks)&4095 == 4095 && !deadline.IsZero() && time.Now().After(deadline) {
			return toks
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case dateDigit(r) >= 0:
			t, n := scanDateNumber(text, i)
			t.space = space
			toks, i = append(toks, t), n
		case r >= utf8.RuneSelf && dateIdeographic(r):
			toks = append(toks, dateToken{start: int32(i), end: int32(i + size), kind: dtWord, space: space})
			i += size
		case dateLetter(r):
			t := dateToken{start: int32(i), kind: dtWord, space: space}
			i = scanDateWord(text, i+size)
			t.end = int32(i)
			toks = append(toks, t)
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += size
			space = true
			continue
		default:
			toks = append(toks, dateToken{start: int32(i), end: int32(i + size), kind: dtPunct, space: space})
			i += size
		}
		space = false
	}
	return toks
}

// scanDateNumber reads the digit run at i.
func scanDateNumber(text string, i int) (dateToken, int) {
	t := dateToken{start: int32(i), kind: dtNum}
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		d := dateDigit(r)
		if d < 0 {
			break
		}
		if t.digits < 255 {
			t.digits++
		}
		if t.val < maxDateTokenValue/10 {
			t.val = t.val*10 + d
		} else {
			t.val = maxDateTokenValue
		}
		i += size
	}
	t.end = int32(i)
	return t, i
}

// scanDateWord returns the end of the word continuing at i.
func scanDateWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) || dateIdeographic(r) {
			return i
		}
		i += size
	}
	return i
}

// dateLetter reports a letter, fast for ASCII.
func dateLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// dateDigit is the value of an ASCII or full-width digit, or -1.
func dateDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// dateIdeographic reports ideographs, kana and hangul, which form one-rune words.
func dateIdeographic(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}
