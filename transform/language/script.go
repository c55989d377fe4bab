package language

import (
	"unicode"
	"unicode/utf8"
)

// script is a writing system as the language stage tells them apart.
type script uint8

const (
	scriptNone script = iota
	scriptLatin
	scriptCyrillic
	scriptArabic
	scriptDevanagari
	scriptKana
	scriptEthiopic
	scriptHebrew
	scriptBengali
	scriptGeorgian
	scriptHan
	scriptHangul
	scriptGreek
	scriptKannada
	scriptTamil
	scriptThai
	scriptGujarati
	scriptGurmukhi
	scriptTelugu
	scriptMalayalam
	scriptOriya
	scriptMyanmar
	scriptSinhala
	scriptKhmer
	numScripts
)

// scriptTables are the scripts whatlanggo tells apart, with the one
// language a script settles by itself ("" when several languages share
// it and the text must decide). Order matters only for speed: the likely
// ones come first.
var scriptTables = []struct {
	script script
	tables []*unicode.RangeTable
	lang   string
}{
	{scriptLatin, []*unicode.RangeTable{unicode.Latin}, ""},                       // most of the web; decided by function words
	{scriptCyrillic, []*unicode.RangeTable{unicode.Cyrillic}, ""},                 // ru, uk, bg, sr, mk, be: trigrams decide
	{scriptHan, []*unicode.RangeTable{unicode.Han}, "zh"},                         // Chinese, unless kana shows Japanese
	{scriptKana, []*unicode.RangeTable{unicode.Hiragana, unicode.Katakana}, "ja"}, // only Japanese writes kana
	{scriptHangul, []*unicode.RangeTable{unicode.Hangul}, "ko"},                   // only Korean writes Hangul
	{scriptArabic, []*unicode.RangeTable{unicode.Arabic}, ""},                     // ar, fa, ur: trigrams decide
	{scriptGreek, []*unicode.RangeTable{unicode.Greek}, "el"},                     // Modern Greek
	{scriptHebrew, []*unicode.RangeTable{unicode.Hebrew}, ""},                     // he or yi: trigrams decide
	{scriptDevanagari, []*unicode.RangeTable{unicode.Devanagari}, ""},             // hi, mr, ne: trigrams decide
	{scriptThai, []*unicode.RangeTable{unicode.Thai}, "th"},                       // Thai
	{scriptGeorgian, []*unicode.RangeTable{unicode.Georgian}, "ka"},               // Georgian
	{scriptEthiopic, []*unicode.RangeTable{unicode.Ethiopic}, ""},                 // am or ti: trigrams decide
	{scriptBengali, []*unicode.RangeTable{unicode.Bengali}, "bn"},                 // Bengali
	{scriptTamil, []*unicode.RangeTable{unicode.Tamil}, "ta"},                     // Tamil
	{scriptKannada, []*unicode.RangeTable{unicode.Kannada}, "kn"},                 // Kannada
	{scriptGujarati, []*unicode.RangeTable{unicode.Gujarati}, "gu"},               // Gujarati
	{scriptGurmukhi, []*unicode.RangeTable{unicode.Gurmukhi}, "pa"},               // Punjabi
	{scriptTelugu, []*unicode.RangeTable{unicode.Telugu}, "te"},                   // Telugu
	{scriptMalayalam, []*unicode.RangeTable{unicode.Malayalam}, "ml"},             // Malayalam
	{scriptOriya, []*unicode.RangeTable{unicode.Oriya}, "or"},                     // Odia
	{scriptMyanmar, []*unicode.RangeTable{unicode.Myanmar}, "my"},                 // Burmese
	{scriptSinhala, []*unicode.RangeTable{unicode.Sinhala}, "si"},                 // Sinhala
	{scriptKhmer, []*unicode.RangeTable{unicode.Khmer}, "km"},                     // Khmer
}

// scriptLang gives the language a script settles by itself, or "".
var scriptLang = func() (m [numScripts]string) {
	for _, s := range scriptTables {
		m[s.script] = s.lang
	}
	return m
}()

// scriptCounts is what one pass over a sample learns: how many letters
// it has and how many of them each script wrote.
type scriptCounts struct {
	letters int
	n       [numScripts]int
}

// countScripts counts letters by script in one pass. ASCII letters, the
// bulk of most samples, cost a comparison each; most others fall in a
// run of letters of one script.
func countScripts(s string) scriptCounts {
	var c scriptCounts
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			i++
			if b|0x20 >= 'a' && b|0x20 <= 'z' {
				c.letters++
				c.n[scriptLatin]++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if sc, ok := blockScript(r); ok {
			c.letters++
			c.n[sc]++
		} else if unicode.IsLetter(r) {
			c.letters++
			c.n[scriptOfRune(r)]++
		}
	}
	return c
}

// blockScript finds r in letterBlocks.
func blockScript(r rune) (script, bool) {
	for _, b := range letterBlocks {
		if r < b.lo {
			break
		}
		if r <= b.hi {
			return b.script, true
		}
	}
	return scriptNone, false
}

// scriptOfRune returns the script of a letter, scriptNone for the ones
// the stage does not tell apart.
func scriptOfRune(r rune) script {
	for _, t := range scriptTables {
		if in(r, t.tables) {
			return t.script
		}
	}
	return scriptNone
}

// letterBlocks are runs of code points, in order, that are all letters of
// one script: a range test is far cheaper than searching Unicode tables.
// Marks, digits and punctuation around them are left to those tables.
var letterBlocks = []struct {
	lo, hi rune
	script script
}{
	{0x00C0, 0x00D6, scriptLatin},      // Latin-1 capitals before ×
	{0x00D8, 0x00F6, scriptLatin},      // Latin-1 letters between × and ÷
	{0x00F8, 0x024F, scriptLatin},      // rest of Latin-1, Latin Extended-A and -B
	{0x0388, 0x03F5, scriptGreek},      // Greek letters
	{0x0400, 0x0481, scriptCyrillic},   // Cyrillic letters up to the thousands sign
	{0x048A, 0x04FF, scriptCyrillic},   // extended Cyrillic letters
	{0x05D0, 0x05EA, scriptHebrew},     // Hebrew letters
	{0x0620, 0x064A, scriptArabic},     // Arabic letters (and the tatweel)
	{0x0671, 0x06D3, scriptArabic},     // Persian and Urdu letters
	{0x0904, 0x0939, scriptDevanagari}, // Devanagari vowels and consonants
	{0x0E01, 0x0E30, scriptThai},       // Thai consonants and leading vowels
	{0x1E00, 0x1EFF, scriptLatin},      // Latin Extended Additional (Vietnamese)
	{0x3041, 0x3096, scriptKana},       // Hiragana
	{0x30A1, 0x30FA, scriptKana},       // Katakana
	{0x30FC, 0x30FE, scriptKana},       // the long-vowel and iteration marks
	{0x4E00, 0x9FFF, scriptHan},        // CJK Unified Ideographs
	{0xAC00, 0xD7A3, scriptHangul},     // Hangul syllables
}

func in(r rune, tables []*unicode.RangeTable) bool {
	for _, t := range tables {
		if unicode.Is(t, r) {
			return true
		}
	}
	return false
}

// dominant returns the script that wrote most letters. Japanese mixes
// Han with kana, so Han text with a fair share of kana is Japanese; a
// stray katakana name in Chinese text is not.
func (c *scriptCounts) dominant() script {
	best := scriptNone
	for s := scriptLatin; s < numScripts; s++ {
		if c.n[s] > c.n[best] {
			best = s
		}
	}
	if best == scriptHan && c.n[scriptKana]*kanaShare >= c.n[scriptHan] {
		return scriptKana
	}
	return best
}

// kanaShare: Han text is Japanese when at least 1/kanaShare as many kana
// as Han characters appear; Japanese prose writes more kana than kanji.
const kanaShare = 10

// scriptOf gives the script a language is normally written in. Languages
// not listed are Latin-script.
func scriptOf(lang string) script {
	for _, s := range languageScripts {
		for _, l := range s.langs {
			if l == lang {
				return s.script
			}
		}
	}
	return scriptLatin
}

// languageScripts lists the non-Latin scripts of the languages we may
// report. Each entry says which hints it lets us compare with a detection.
var languageScripts = []struct {
	script script
	langs  []string
}{
	{scriptCyrillic, []string{"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"}}, // Slavic and Central Asian Cyrillic
	{scriptArabic, []string{"ar", "fa", "ur", "ps", "ug", "sd"}},                           // Arabic-script languages
	{scriptHebrew, []string{"he", "iw", "yi"}},                                             // Hebrew and Yiddish
	{scriptDevanagari, []string{"hi", "mr", "ne", "sa"}},                                   // Devanagari languages
	{scriptHan, []string{"zh"}},                                                            // Chinese
	{scriptKana, []string{"ja"}},                                                           // Japanese is told by its kana
	{scriptHangul, []string{"ko"}},                                                         // Korean
	{scriptGreek, []string{"el"}},                                                          // Greek
	{scriptGeorgian, []string{"ka"}},                                                       // Georgian
	{scriptThai, []string{"th"}},                                                           // Thai
	{scriptEthiopic, []string{"am", "ti"}},                                                 // Ge'ez script
	{scriptBengali, []string{"bn"}},                                                        // Bengali
	{scriptTamil, []string{"ta"}},                                                          // Tamil
}
