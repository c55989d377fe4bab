package transform

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/rinse-etl/rinse"
)

// LanguageOptions configure Language.
type LanguageOptions struct {
	// Allowed lists the ISO 639-1 codes to keep; a document detected as
	// another language is rejected with rinse.ErrWrongLanguage. Documents
	// whose language stays unknown are kept. Empty keeps everything.
	Allowed []string
	// SampleBytes bounds how much text is fed to the detector; trigram
	// statistics settle long before that, and whatlanggo costs about
	// 0.6 ms per KiB (it sorts every trigram). Default 1024.
	SampleBytes int
	// MinLetters is the number of letters below which the detector is not
	// asked at all (the hint, if any, is kept). Default 40.
	MinLetters int
}

// Language sets Document.Language to an ISO 639-1 code detected from the
// title and text with whatlanggo, or "" when unsure.
//
// The page's own declaration (<html lang>, carried in Document.Language as
// the extractor found it) is a hint: templates often declare the wrong
// language, but short or mixed texts fool trigram statistics more often.
// The hint is kept when the detector is unreliable, and when it writes the
// same script unless the detector is confident on a long sample.
type Language struct {
	opts    LanguageOptions
	allowed map[string]bool
}

const (
	defaultSampleBytes = 1024
	defaultMinLetters  = 40
	// overrideLetters is how many letters a sample needs before a confident
	// detection may overrule a same-script hint.
	overrideLetters = 400
	// overrideConfidence is the whatlanggo confidence needed for that.
	overrideConfidence = 0.95
	// longSampleLetters and longSampleConfidence: see reliable.
	longSampleLetters    = 150
	longSampleConfidence = 0.2
)

// NewLanguage returns a Language stage.
func NewLanguage(opts LanguageOptions) *Language {
	if opts.SampleBytes <= 0 {
		opts.SampleBytes = defaultSampleBytes
	}
	if opts.MinLetters <= 0 {
		opts.MinLetters = defaultMinLetters
	}
	l := &Language{opts: opts}
	if len(opts.Allowed) > 0 {
		l.allowed = make(map[string]bool, len(opts.Allowed))
		for _, a := range opts.Allowed {
			l.allowed[primaryTag(a)] = true
		}
	}
	return l
}

// Process implements pipeline.DocProcessor.
func (l *Language) Process(_ context.Context, in *rinse.Document) (*rinse.Document, error) {
	d := *in
	d.Language = l.Detect(in.Title, in.Text, in.Language)
	if l.allowed != nil && d.Language != "" && !l.allowed[d.Language] {
		return nil, fmt.Errorf("checking language %q: %w", d.Language, rinse.ErrWrongLanguage)
	}
	return &d, nil
}

// Detect returns the language of title and text given the page's declared
// hint (a BCP 47 tag such as "en-GB", or ""), as a lower-case ISO 639-1
// code or "".
func (l *Language) Detect(title, text, hint string) string {
	hint = primaryTag(hint)
	sample := languageSample(title, text, l.opts.SampleBytes)
	letters := countLetters(sample)
	if letters < l.opts.MinLetters {
		return hint
	}
	info := whatlanggo.Detect(sample)
	detected := ""
	if info.Lang >= 0 {
		detected = info.Lang.Iso6391()
	}
	switch {
	case detected == "" || !reliable(info, letters):
		return hint
	case hint == "" || hint == detected:
		return detected
	case scriptOf(hint) != info.Script:
		return detected
	case letters >= overrideLetters && info.Confidence >= overrideConfidence:
		return detected
	default:
		return hint
	}
}

// reliable judges a detection. whatlanggo's own threshold (0.8) suits
// short samples; on a paragraph or more, close relatives such as Spanish
// and Portuguese often score lower while being right, so a longer sample
// needs less margin.
func reliable(info whatlanggo.Info, letters int) bool {
	if info.IsReliable() {
		return true
	}
	return letters >= longSampleLetters && info.Confidence >= longSampleConfidence
}

// languageSample joins title and the start of text, cut at a rune boundary.
func languageSample(title, text string, limit int) string {
	s := text
	if title != "" && !strings.HasPrefix(text, title) {
		s = title + "\n" + text
	}
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// primaryTag reduces a language tag to its lower-case primary subtag
// ("en-US" → "en"); anything that is not a two-letter code gives "".
func primaryTag(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// scriptOf gives the script a language is normally written in, as
// whatlanggo reports scripts. Languages not listed are Latin-script.
func scriptOf(lang string) *unicode.RangeTable {
	for _, s := range languageScripts {
		if slices.Contains(s.langs, lang) {
			return s.script
		}
	}
	return unicode.Latin
}

// languageScripts lists the non-Latin scripts of the languages whatlanggo
// knows. Each entry says which hints it lets us compare with a detection.
var languageScripts = []struct {
	script *unicode.RangeTable
	langs  []string
}{
	{unicode.Cyrillic, []string{"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg"}}, // Slavic and Central Asian Cyrillic
	{unicode.Arabic, []string{"ar", "fa", "ur", "ps", "ug", "sd"}},                           // Arabic-script languages
	{unicode.Hebrew, []string{"he", "iw", "yi"}},                                             // Hebrew and Yiddish
	{unicode.Devanagari, []string{"hi", "mr", "ne", "sa"}},                                   // Devanagari languages
	{unicode.Han, []string{"zh"}},                                                            // whatlanggo reports Chinese as Han
	{_kana, []string{"ja"}},                                                                  // Japanese is detected by kana
	{unicode.Hangul, []string{"ko"}},                                                         // Korean
	{unicode.Greek, []string{"el"}},                                                          // Greek
	{unicode.Georgian, []string{"ka"}},                                                       // Georgian
	{unicode.Thai, []string{"th"}},                                                           // Thai
	{unicode.Ethiopic, []string{"am", "ti"}},                                                 // Ge'ez script
	{unicode.Bengali, []string{"bn"}},                                                        // Bengali
	{unicode.Tamil, []string{"ta"}},                                                          // Tamil
}

// _kana stands for whatlanggo's private Hiragana+Katakana table, which
// it reports for Japanese; it is found by detecting a kana sample once.
var _kana = whatlanggo.DetectScript("ひらがなカタカナ")
