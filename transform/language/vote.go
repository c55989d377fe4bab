package language

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

const (
	// maxVoteTokens bounds the tokens a vote looks at; a 1 KiB sample
	// holds about 170.
	maxVoteTokens = 512
	// maxWordBytes: longer tokens are no function word and skip the lookup.
	maxWordBytes = 24
	// voteMinHits and voteMaxHits bound the function words a winner needs;
	// between them it needs one per voteLettersPerHit letters of sample.
	voteMinHits       = 3
	voteMaxHits       = 8
	voteLettersPerHit = 40
	// voteDensity: function words make a quarter to a half of running text
	// in the listed languages; a sample where fewer than 1 token in
	// voteDensity is one is probably in another language that happens to
	// share a few short words.
	voteDensity = 8
	// voteMargin is how many more distinguishing words the winner needs
	// than any rival, on top of having twice as many.
	voteMargin = 2
	// hintMargin is the stronger lead the winner needs over the declared
	// language before the declaration is overruled.
	hintMargin = 4
)

// tally is a function-word vote over a sample.
type tally struct {
	score  [64]int // tokens voting for each language of functionWords
	tokens int     // all tokens seen
	nhits  int
	hits   [maxVoteTokens]langSet // the language sets of voting tokens
}

// count tokenizes s into lower-case words and records the function words
// among them.
func (t *tally) count(s string) {
	var buf [maxWordBytes]byte
	n := 0 // bytes in buf; -1 while skipping an over-long word
	for i := 0; i <= len(s) && t.tokens < maxVoteTokens; {
		var r rune = ' '
		size := 1
		if i < len(s) {
			r, size = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
		}
		i += size
		switch {
		case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			if n >= 0 && n < len(buf) {
				buf[n] = byte(r | 0x20)
				n++
			} else {
				n = -1
			}
		case r >= utf8.RuneSelf && isWordRune(r):
			if n >= 0 && n+utf8.UTFMax <= len(buf) {
				n += utf8.EncodeRune(buf[n:], lower(r))
			} else {
				n = -1
			}
		case r == '-' && n == 1:
			// A letter before a hyphen is a prefix (E-Mail, i-Size,
			// U-Bahn), not the article or conjunction it spells.
			t.add(nil)
			n = 0
		default:
			if n != 0 {
				t.add(buf[:max(n, 0)])
				n = 0
			}
		}
	}
}

func (t *tally) add(word []byte) {
	t.tokens++
	if len(word) == 0 {
		return
	}
	set, ok := wordLangs[string(word)]
	if !ok {
		return
	}
	t.hits[t.nhits] = set
	t.nhits++
	for set != 0 {
		t.score[bits.TrailingZeros64(uint64(set))]++
		set &= set - 1
	}
}

// winner returns the language written in s with most votes, or -1 when
// none has any.
func (t *tally) winner(s script) int {
	w := -1
	for i, fw := range functionWords {
		if fw.script == s && t.score[i] > 0 && (w < 0 || t.score[i] > t.score[w]) {
			w = i
		}
	}
	return w
}

// ample reports whether w has enough votes for a sample with that many
// letters, and whether they are dense enough to be its function words
// rather than look-alikes in an unlisted language.
func (t *tally) ample(w, letters int) bool {
	need := min(max(letters/voteLettersPerHit, voteMinHits), voteMaxHits)
	return t.score[w] >= need && t.score[w]*voteDensity >= t.tokens
}

// leads reports whether w beats every rival in its script on the words
// that tell them apart: at least factor times as many and margin more.
// Words both use cancel out, which is what separates close relatives
// such as Danish and Norwegian.
func (t *tally) leads(w, factor, margin int) bool {
	var both [64]int
	for _, set := range t.hits[:t.nhits] {
		if set&(1<<w) == 0 {
			continue
		}
		for set != 0 {
			both[bits.TrailingZeros64(uint64(set))]++
			set &= set - 1
		}
	}
	for c, fw := range functionWords {
		if c == w || t.score[c] == 0 || fw.script != functionWords[w].script {
			continue
		}
		own, rival := t.score[w]-both[c], t.score[c]-both[c]
		if own < factor*rival || own-rival < margin {
			return false
		}
	}
	return true
}

// beatsHint reports whether w leads the declared language h clearly enough
// to overrule the page's declaration.
func (t *tally) beatsHint(w, h int) bool {
	var own, rival int
	for _, set := range t.hits[:t.nhits] {
		inW, inH := set&(1<<w) != 0, set&(1<<h) != 0
		switch {
		case inW && !inH:
			own++
		case inH && !inW:
			rival++
		}
	}
	return own >= 3*rival && own-rival >= hintMargin
}

// voteVerdict decides a sample in a script several listed languages share
// by a function-word vote, and asks whatlanggo only when the vote is
// open: few function words, or close rivals and no declared language
// among them.
func voteVerdict(sample string, s script, letters int, hint string) verdict {
	var t tally
	t.count(sample)
	w := t.winner(s)
	if w < 0 {
		return trigramVerdict(fallbackSample(sample), s, nil)
	}
	h := voteIndex(hint, s)
	v := verdict{lang: functionWords[w].lang, script: s, reliable: true}
	switch ample := t.ample(w, letters); {
	case ample && t.leads(w, 2, voteMargin):
		v.strong = letters >= overrideLetters && (h < 0 || t.beatsHint(w, h))
		return v
	case h >= 0 && t.score[h] > 0 && !t.beatsHint(w, h):
		// The declared language is among the front-runners.
		return verdict{lang: hint, script: s, reliable: true}
	case ample && hint != "" && t.leads(w, 1, voteMargin):
		// A plurality over close relatives, none of them declared: the
		// language is not the declared one, and likely the winner.
		v.strong = letters >= overrideLetters && h >= 0
		return v
	case ample:
		return trigramVerdict(fallbackSample(sample), s, t.frontRunners(w, hint))
	default:
		return trigramVerdict(fallbackSample(sample), s, nil)
	}
}

// frontRunners whitelists for whatlanggo the languages within half the
// winner's votes and the declared one, or nil (all languages) when fewer
// than two of them are known to whatlanggo.
func (t *tally) frontRunners(w int, hint string) map[whatlanggo.Lang]bool {
	wl := make(map[whatlanggo.Lang]bool)
	if l := trigramLang(hint); l >= 0 && scriptOf(hint) == functionWords[w].script {
		wl[l] = true
	}
	for i, fw := range functionWords {
		if fw.script == functionWords[w].script && t.score[i] > 0 && 2*t.score[i] >= t.score[w] {
			if l := trigramLang(fw.lang); l >= 0 {
				wl[l] = true
			}
		}
	}
	if len(wl) < 2 {
		return nil
	}
	return wl
}

// isWordRune tells the runes of a word: letters, and the combining marks
// of decomposed accents and of Indic vowels.
func isWordRune(r rune) bool {
	if _, ok := blockScript(r); ok {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

// lower folds case, with a shortcut for the common Cyrillic and Latin-1
// capitals.
func lower(r rune) rune {
	switch {
	case r >= 0x0410 && r <= 0x042F, r >= 0x00C0 && r <= 0x00DE && r != 0x00D7:
		return r + 0x20
	case r >= 0x0400 && r <= 0x040F:
		return r + 0x50
	case r >= 0x0430 && r <= 0x045F, r >= 0x00DF && r <= 0x00FF:
		return r
	}
	return unicode.ToLower(r)
}
