package language

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
)

// Options configure Language.
type Options struct {
	// Allowed lists the ISO 639-1 codes to keep; a document detected as
	// another language is rejected with rinse.ErrWrongLanguage. Documents
	// whose language stays unknown are kept. Empty keeps everything.
	Allowed []string
	// SampleBytes bounds how much text is fed to the detector; a
	// function-word vote or trigram statistics settle long before that,
	// and whatlanggo, when asked, costs up to 1 ms per KiB. Default 1024.
	SampleBytes int
	// MinLetters is the number of letters below which the detector is not
	// asked at all (the hint, if any, is kept). Default 40.
	MinLetters int
}

// Language sets Document.Language to an ISO 639-1 code detected from the
// title and text, or "" when unsure. The script decides most languages;
// Latin-script text is decided by a vote of frequent function words, and
// whatlanggo's trigram statistics are asked only when the vote is open or
// the script is shared by languages without word lists.
//
// The page's own declaration (<html lang>, carried in Document.Language as
// the extractor found it) is a hint: templates often declare the wrong
// language, but short or mixed texts fool trigram statistics more often.
// The hint is kept when the detector is unreliable, when it names a close
// relative of the detected language that the detector cannot tell apart
// (see languageKin), and when it writes the same script unless the
// detector is confident on a long sample.
type Language struct {
	opts    Options
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

// New returns a Language stage.
func New(opts Options) *Language {
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
			l.allowed[rinse.LanguageCode(a)] = true
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
	hint = rinse.LanguageCode(hint)
	sample := languageSample(title, text, l.opts.SampleBytes)
	counts := countScripts(sample)
	if counts.letters < l.opts.MinLetters {
		return hint
	}
	var v verdict
	switch s := counts.dominant(); {
	case s == scriptHan && counts.n[scriptKana] > 0 && hint == "ja":
		// Kanji-heavy Japanese (headlines, lists) with a little kana.
		return hint
	case scriptLang[s] != "":
		v = verdict{lang: scriptLang[s], script: s, reliable: true, strong: true}
	case voted[s]:
		v = voteVerdict(sample, s, counts.letters, hint)
	default:
		v = trigramVerdict(sample, s, nil)
	}
	return v.decide(hint)
}

// verdict is what a detector concluded about a sample.
type verdict struct {
	lang   string // ISO 639-1, or "" for none
	script script
	// reliable: the detection beats having no hint, or a hint in another
	// script.
	reliable bool
	// strong: the detection also overrules a hint in the same script.
	strong bool
}

// decide weighs a verdict against the page's declared language.
func (v verdict) decide(hint string) string {
	switch {
	case v.lang == "" || !v.reliable:
		return hint
	case hint == "" || hint == v.lang:
		return v.lang
	case kin(hint, v.lang):
		return hint
	case scriptOf(hint) != v.script:
		return v.lang
	case v.strong:
		return v.lang
	default:
		return hint
	}
}

// kin reports whether a declared language the detectors cannot name (or
// name poorly) was detected as the relative it is taken for; the
// declaration is then the better answer.
func kin(hint, detected string) bool {
	for _, k := range languageKin {
		if k.hint == hint && slices.Contains(k.detected, detected) {
			return true
		}
	}
	return false
}

// languageKin pairs declared languages with the relatives their text
// reads as.
var languageKin = []struct {
	hint     string
	detected []string
}{
	{"no", []string{"nb", "nn", "da"}}, // "no" is the macrolanguage of Bokmål and Nynorsk
	{"nn", []string{"nb", "da"}},       // Nynorsk shares most function words with Bokmål
	{"bs", []string{"hr", "sr"}},       // Bosnian sits between Croatian and Serbian
	{"sr", []string{"hr"}},             // Latin-script Serbian reads as Croatian to whatlanggo
	{"gl", []string{"pt", "es"}},       // Galician: no list, reads as Portuguese or Spanish
	{"lb", []string{"de"}},             // Luxembourgish reads as German
	{"fy", []string{"nl"}},             // West Frisian reads as Dutch
	{"oc", []string{"fr", "ca"}},       // Occitan reads as French or Catalan
	{"mk", []string{"bg"}},             // Macedonian and Bulgarian trigrams are close
}

// languageSample joins title and the start of text, cut at a rune boundary.
func languageSample(title, text string, limit int) string {
	s := text
	if title != "" && !strings.HasPrefix(text, title) {
		s = title + "\n" + text[:min(len(text), limit)]
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
