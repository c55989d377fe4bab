package entities

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
	lowerOff   int32 // where norm starts in the lower-cased arena, -1 if unused
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
func splitEntWords(text string, toks []entWord) []entWord {
	first := len(toks)
	var arena []byte // lower-cased capitalized words, one allocation
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
		toks = append(toks, entWord{})
		t := &toks[len(toks)-1]
		next := readEntWord(text, i, t, &arena)
		gap := text[prevEnd:i]
		t.sentStart = len(toks) == 1 || endsSentence(gap)
		t.tagged = gap != "" && (gap[len(gap)-1] == '#' || gap[len(gap)-1] == '@')
		prevEnd, i = next, next
	}
	if len(arena) > 0 {
		lower := string(arena)
		for k := first; k < len(toks); k++ {
			if t := &toks[k]; t.lowerOff >= 0 && t.norm == "" {
				t.norm = lower[t.lowerOff : int(t.lowerOff)+int(t.wend-t.start)]
			}
		}
	}
	return toks
}

// endsSentence reports whether the text between two words closes a
// sentence, line or list item, after which any word is capitalized.
func endsSentence(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '.', '!', '?', ':', ';', '|', '\n':
			return true
		case 0xE2: // "•" is E2 80 A2
			if strings.HasPrefix(gap[i:], "•") {
				return true
			}
		}
	}
	return false
}

func asciiWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isEntWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isEntApostrophe(r rune) bool { return r == '\'' || r == '’' }

// readEntWord reads the word starting at i and returns it with the offset
// just past it.
func readEntWord(text string, i int, t *entWord, arena *[]byte) int {
	if text[i] >= 'A' && text[i] <= 'Z' && i+1 < len(text) && text[i+1] == '.' {
		if w, next, ok := readInitialism(text, i); ok {
			*t = w
			return next
		}
	}
	// plain words (ASCII, no capital) are most words; they need neither a
	// lower-cased copy nor a shape pass.
	plain, letter := true, false
	j := i
	for j < len(text) {
		if b := text[j]; b < utf8.RuneSelf {
			switch {
			case b >= 'a' && b <= 'z':
				letter = true
				j++
				continue
			case b >= '0' && b <= '9':
				j++
				continue
			case b >= 'A' && b <= 'Z':
				plain = false
				j++
				continue
			case b != '\'':
				finishEntWord(text, i, j, plain, letter, t, arena)
				return j
			}
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isEntWordRune(r) {
			plain = false
			j += size
			continue
		}
		if isEntApostrophe(r) && j+size < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[j+size:]); unicode.IsLetter(r2) {
				plain = plain && r == '\''
				j += size
				continue
			}
		}
		break
	}
	finishEntWord(text, i, j, plain, letter, t, arena)
	return j
}

func finishEntWord(text string, i, j int, plain, letter bool, t *entWord, arena *[]byte) {
	word, wend := stripPossessive(text[i:j])
	t.start, t.end, t.wend, t.lowerOff = int32(i), int32(j), int32(i+wend), -1
	if plain {
		t.norm = word
		if letter {
			t.shape = wordShapeLower
		}
		return
	}
	t.shape = wordShapeOf(word)
	if !isASCII(word) {
		t.norm = normEntWord(word) // rare: lower case may change the length
		return
	}
	t.lowerOff = int32(len(*arena))
	for k := 0; k < len(word); k++ {
		c := word[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		*arena = append(*arena, c)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stripPossessive drops a trailing "'s" ("Korea's" → "Korea").
func stripPossessive(w string) (string, int) {
	if w == "" || (w[len(w)-1] != 's' && w[len(w)-1] != 'S') {
		return w, len(w)
	}
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
	return entWord{start: int32(i), end: int32(j), wend: int32(j), norm: string(letters), lowerOff: -1, shape: wordShapeUpper}, j, true
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
