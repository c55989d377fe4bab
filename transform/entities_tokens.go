package transform

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// entWord is one word of a text as the entity matcher sees it.
type entWord struct {
	start, end int32 // byte span in the text, possessive "'s" included
	wend       int32 // end of the word without the possessive
	norm       string
	shape      wordShape
	// sentStart marks the first word of a sentence, line or heading:
	// its capital says nothing about being a name.
	sentStart bool
	// tagged marks hashtags and @handles, which are never matched.
	tagged bool
}

// wordShape is the capitalization of a word.
type wordShape uint8

const (
	wordShapeOther wordShape = iota // digits or no cased letter
	wordShapeLower                  // "word"
	wordShapeTitle                  // "Word", "McDonald", single "A"
	wordShapeUpper                  // "NATO", "U.S.", "G7": two or more letters, all upper
)

func (s wordShape) capitalized() bool { return s == wordShapeTitle || s == wordShapeUpper }

// splitEntWords splits text into words. Letters, digits and apostrophes
// inside a word belong to it; hyphens split ("Non-Aligned" is two words,
// as in the gazetteer); dotted initialisms ("U.S.", "U. S.") are one word.
func splitEntWords(text string) []entWord {
	lower := lowerSameLen(text)
	toks := make([]entWord, 0, len(text)/6)
	prevEnd := 0
	for i := 0; i < len(text); {
		if b := text[i]; b < utf8.RuneSelf {
			if !asciiWordByte(b) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isEntWordRune(r) {
			i += size
			continue
		}
		t, next := readEntWord(text, lower, i)
		gap := text[prevEnd:i]
		t.sentStart = len(toks) == 0 || strings.ContainsAny(gap, ".!?:;|\n•")
		t.tagged = strings.HasSuffix(gap, "#") || strings.HasSuffix(gap, "@")
		toks = append(toks, t)
		prevEnd, i = next, next
	}
	return toks
}

func asciiWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isEntWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isEntApostrophe(r rune) bool { return r == '\'' || r == '’' }

// lowerSameLen lower-cases text keeping every byte offset, so that word
// norms are substrings of one string instead of one allocation each. The
// rare runes whose lower case has another length (Turkish İ) stay as
// they are.
func lowerSameLen(text string) string {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			b = utf8.AppendRune(b, l)
		} else {
			b = append(b, text[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// readEntWord reads the word starting at i and returns it with the offset
// just past it.
func readEntWord(text, lower string, i int) (entWord, int) {
	if t, next, ok := readInitialism(text, i); ok {
		return t, next
	}
	j := i
	for j < len(text) {
		if b := text[j]; b < utf8.RuneSelf {
			if asciiWordByte(b) {
				j++
				continue
			}
			if b != '\'' {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isEntWordRune(r) {
			j += size
			continue
		}
		if isEntApostrophe(r) && j+size < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[j+size:]); unicode.IsLetter(r2) {
				j += size
				continue
			}
		}
		break
	}
	word, wend := stripPossessive(text[i:j])
	norm := lower[i : i+wend]
	if strings.Contains(norm, "’") {
		norm = strings.ReplaceAll(norm, "’", "'")
	}
	return entWord{
		start: int32(i), end: int32(j), wend: int32(i + wend),
		norm: norm, shape: wordShapeOf(word),
	}, j
}

// stripPossessive drops a trailing "'s" ("Korea's" → "Korea").
func stripPossessive(w string) (string, int) {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], len(w) - len(suf)
		}
	}
	return w, len(w)
}

// readInitialism reads an initialism of single capitals each followed by a
// dot, optionally spaced: "U.S.", "U. S.", "U.S.S.R.".
func readInitialism(text string, i int) (entWord, int, bool) {
	var letters []byte
	j := i
	for j+1 < len(text) && text[j] >= 'A' && text[j] <= 'Z' && text[j+1] == '.' {
		if j+2 < len(text) && isASCIILetterByte(text[j+2]) && (j+3 >= len(text) || text[j+3] != '.') {
			break // "A.Smith" is not an initialism: the dot is followed by a word
		}
		letters = append(letters, text[j]+('a'-'A'))
		j += 2
		if j+1 < len(text) && text[j] == ' ' && text[j+1] >= 'A' && text[j+1] <= 'Z' &&
			j+2 < len(text) && text[j+2] == '.' {
			j++ // "U. S."
		}
	}
	if len(letters) < 2 {
		return entWord{}, 0, false
	}
	return entWord{start: int32(i), end: int32(j), wend: int32(j), norm: string(letters), shape: wordShapeUpper}, j, true
}

func isASCIILetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// normEntWord lower-cases a word and unifies apostrophes; it allocates only
// when something changes.
func normEntWord(w string) string {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func wordShapeOf(w string) wordShape {
	upper, lower := 0, 0
	first := wordShapeOther
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			upper, lower, first = 0, 0, wordShapeOther
			break // fall back to the rune loop below
		}
		switch {
		case c >= 'A' && c <= 'Z':
			upper++
			if first == wordShapeOther {
				first = wordShapeTitle
			}
		case c >= 'a' && c <= 'z':
			lower++
			if first == wordShapeOther {
				first = wordShapeLower
			}
		}
		if i == len(w)-1 {
			return shapeFromCounts(first, upper, lower, len(w))
		}
	}
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first == wordShapeOther {
				first = wordShapeTitle
			}
		case unicode.IsLower(r):
			lower++
			if first == wordShapeOther {
				first = wordShapeLower
			}
		}
	}
	return shapeFromCounts(first, upper, lower, len(w))
}

func shapeFromCounts(first wordShape, upper, lower, size int) wordShape {
	// "NATO" and "G7" are upper-case; a lone capital "A" is not.
	if lower == 0 && (upper >= 2 || upper == 1 && size >= 2) {
		return wordShapeUpper
	}
	return first
}

// nameGapOK reports whether the text between two words of a multi-word
// name may be crossed: spaces, a hyphen, a comma, at most one newline.
func nameGapOK(gap string) bool {
	newlines := 0
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\u00a0', '-', ',':
		case '\n':
			newlines++
		default:
			return false
		}
	}
	return newlines <= 1
}
