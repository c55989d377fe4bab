package transform

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
// bulk of most samples, cost a comparison each; other letters are looked
// up starting with the script of the previous one, since scripts come in
// runs.
func countScripts(s string) scriptCounts {
	var c scriptCounts
	last := 0
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
		if !unicode.IsLetter(r) {
			continue
		}
		c.letters++
		if k := findScript(r, last); k >= 0 {
			last = k
			c.n[scriptTables[k].script]++
		}
	}
	return c
}

// findScript returns the index in scriptTables of r's script, trying
// hint first, or -1.
func findScript(r rune, hint int) int {
	if in(r, scriptTables[hint].tables) {
		return hint
	}
	for k, t := range scriptTables {
		if k != hint && in(r, t.tables) {
			return k
		}
	}
	return -1
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
