package dates

import (
	"strings"
	"time"
)

// Phrases are short token patterns written as text: elements separated by
// spaces, "#" is the number slot, a leading "~" means no space before the
// element, "a|b" are alternatives, "'" matches either apostrophe.

// relPhrase is a date relative to the publication date.
type relPhrase struct {
	pat    string
	lang   string // only for pages in this language; "" for any
	unit   byte   // 'd' (days, day precision) or 'y' (years, year precision)
	step   int    // offset per unit; the slot's number multiplies it
	strict bool   // lang is required, not just preferred: the word means something else elsewhere
}

// relPhrases, most specific first (avant-hier before hier).
var relPhrases = []relPhrase{
	{pat: "the day before yesterday", unit: 'd', step: -2},                            // en
	{pat: "yesterday", unit: 'd', step: -1},                                           // en
	{pat: "tomorrow", unit: 'd', step: 1},                                             // en
	{pat: "# day|days ago", unit: 'd', step: -1},                                      // en "3 days ago"
	{pat: "last year", unit: 'y', step: -1},                                           // en
	{pat: "# year|years ago", unit: 'y', step: -1},                                    // en
	{pat: "vorgestern", unit: 'd', step: -2},                                          // de
	{pat: "gestern", unit: 'd', step: -1},                                             // de
	{pat: "vor # tag|tagen", unit: 'd', step: -1},                                     // de "vor 3 Tagen"
	{pat: "letztes|vergangenes|vergangenen|letzten jahr|jahres", unit: 'y', step: -1}, // de
	{pat: "vor # jahr|jahren", unit: 'y', step: -1},                                   // de
	{pat: "avant ~- ~hier", lang: "fr", unit: 'd', step: -2},                          // fr
	{pat: "hier", lang: "fr", unit: 'd', step: -1, strict: true},                      // fr; "here" in de/nl
	{pat: "demain", unit: 'd', step: 1},                                               // fr
	{pat: "il y a # jour|jours", unit: 'd', step: -1},                                 // fr
	{pat: "l ~' ~année dernière", unit: 'y', step: -1},                                // fr
	{pat: "il y a # an|ans", unit: 'y', step: -1},                                     // fr
	{pat: "anteayer", unit: 'd', step: -2},                                            // es
	{pat: "ayer", unit: 'd', step: -1},                                                // es
	{pat: "hace # día|días|dia|dias", unit: 'd', step: -1},                            // es
	{pat: "año pasado", unit: 'y', step: -1},                                          // es "el año pasado"
	{pat: "hace # año|años", unit: 'y', step: -1},                                     // es
	{pat: "ieri", unit: 'd', step: -1},                                                // it
	{pat: "domani", unit: 'd', step: 1},                                               // it
	{pat: "# giorno|giorni fa", unit: 'd', step: -1},                                  // it
	{pat: "anno scorso", unit: 'y', step: -1},                                         // it "l'anno scorso"
	{pat: "# anno|anni fa", unit: 'y', step: -1},                                      // it
	{pat: "anteontem", unit: 'd', step: -2},                                           // pt
	{pat: "ontem", unit: 'd', step: -1},                                               // pt
	{pat: "amanhã", unit: 'd', step: 1},                                               // pt
	{pat: "há # dia|dias", unit: 'd', step: -1},                                       // pt
	{pat: "# dia|dias atrás", unit: 'd', step: -1},                                    // pt
	{pat: "ano passado", unit: 'y', step: -1},                                         // pt
	{pat: "há # ano|anos", unit: 'y', step: -1},                                       // pt
	{pat: "gisteren", unit: 'd', step: -1},                                            // nl
	{pat: "# dag|dagen geleden", unit: 'd', step: -1},                                 // nl
	{pat: "vorig jaar", unit: 'y', step: -1},                                          // nl
	{pat: "昨 ~日|~天", unit: 'd', step: -1},                                             // ja/zh yesterday
	{pat: "明 ~日|~天", unit: 'd', step: 1},                                              // ja/zh tomorrow
	{pat: "# ~日|~天 ~前", unit: 'd', step: -1},                                          // ja/zh "3日前"
	{pat: "去 ~年", unit: 'y', step: -1},                                                // ja/zh last year
	{pat: "昨 ~年", unit: 'y', step: -1},                                                // ja last year
	{pat: "# ~年 ~前", unit: 'y', step: -1},                                             // ja/zh "5年前"
}

// decadePhrases name a decade by its first year, which must end in 0.
var decadePhrases = []string{
	"# ~s",                       // en "1970s"
	"# ~' ~s",                    // en "1970's"
	"# ~er|~ern",                 // de "1970er", "in den 1970ern"
	"# ~年 ~代",                    // ja/zh "1970年代"
	"années|annees #",            // fr "années 1970"
	"anni #",                     // it "anni 1970"
	"años|anos #",                // es/pt "años 1970", "anos 1970"
	"década|decada|décadas de #", // es/pt "década de 1970"
	"decennio|decenni #",         // it
	"jaren #",                    // nl
}

// phrase is a compiled pattern.
type datePhrase struct {
	elems []datePhraseElem
	slot  int // index of "#", or -1
}

type datePhraseElem struct {
	alts     []string
	attached bool
	num      bool
}

func compileDatePhrase(pat string) datePhrase {
	p := datePhrase{slot: -1}
	for _, f := range strings.Fields(pat) {
		e := datePhraseElem{}
		for _, a := range strings.Split(f, "|") {
			if strings.HasPrefix(a, "~") {
				e.attached, a = true, a[len("~"):]
			}
			e.alts = append(e.alts, a)
		}
		if f == "#" {
			e.num, p.slot = true, len(p.elems)
		}
		p.elems = append(p.elems, e)
	}
	return p
}

// match reports whether the phrase matches with its first element at token
// first, and returns the index after the last token.
func (p datePhrase) match(s *dateScanner, first int) (end int, ok bool) {
	if first < s.floor || first+len(p.elems) > len(s.toks) {
		return 0, false
	}
	for k, e := range p.elems {
		t := s.toks[first+k]
		if k > 0 && e.attached && t.space {
			return 0, false
		}
		if e.num {
			if t.kind != dtNum {
				return 0, false
			}
			continue
		}
		if !e.matches(s.text[t.start:t.end]) {
			return 0, false
		}
	}
	return first + len(p.elems), true
}

func (e datePhraseElem) matches(w string) bool {
	for _, a := range e.alts {
		if a == "'" && (w == "'" || w == "’") || strings.EqualFold(a, w) {
			return true
		}
	}
	return false
}

var (
	relCompiled    = compileDatePhrases(relPhrases, func(r relPhrase) string { return r.pat })
	decadeCompiled = compileDatePhrases(decadePhrases, func(s string) string { return s })
	// relFirst maps the lower-case first words of phrases without a number
	// slot to those phrases, so that most words cost one map look-up.
	relFirst = phraseFirstWords(relCompiled)
	// relFirstShape holds, per lower-cased first byte, a bit per byte length
	// of those first words: a cheaper test than the map for most words.
	relFirstShape = wordShapes(relFirst)
	// relSlotted lists the phrases with a number slot.
	relSlotted = slotted(relCompiled)
)

func compileDatePhrases[T any](list []T, pat func(T) string) []datePhrase {
	out := make([]datePhrase, len(list))
	for i, x := range list {
		out[i] = compileDatePhrase(pat(x))
	}
	return out
}

func phraseFirstWords(ps []datePhrase) map[string][]int {
	m := map[string][]int{}
	for k, p := range ps {
		if p.slot == -1 {
			for _, a := range p.elems[0].alts {
				w := strings.ToLower(a)
				m[w] = append(m[w], k)
			}
		}
	}
	return m
}

func wordShapes(words map[string][]int) *[256]uint64 {
	var t [256]uint64
	for w := range words {
		if len(w) < 64 {
			t[w[0]] |= 1 << len(w)
		}
	}
	return &t
}

// maybeFirst reports whether w could be a key of relFirst.
func maybeFirst(w string) bool {
	c := w[0]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return len(w) < 64 && relFirstShape[c]&(1<<len(w)) != 0 ||
		c >= 0x80 // non-ASCII first letters: "Été" lower-cases to other bytes
}

func slotted(ps []datePhrase) []int {
	var out []int
	for k, p := range ps {
		if p.slot >= 0 {
			out = append(out, k)
		}
	}
	return out
}

// shift moves ref by n units.
func (r relPhrase) shift(ref time.Time, n int) (time.Time, string) {
	if r.unit == 'y' {
		return time.Date(ref.Year()+r.step*n, 1, 1, 0, 0, 0, 0, time.UTC), precYear
	}
	return ref.AddDate(0, 0, r.step*n), precDay
}
