package entities

import (
	"strings"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/lexicon"
)

// People are found from the shape of the text, so the rules demand strong
// evidence and prefer missing a name to inventing one:
//
//   - a run of 2–4 capitalized words (particles such as "de", "van" may
//     stand inside) counts when its first word is a common given name, when
//     an honorific precedes it ("Dr. Jane Goodall"), or when a speech verb
//     follows it ("Neil Armstrong said");
//   - an honorific before a single word names a person too ("President
//     Obama"), unless the word is the surname of a full name on the page,
//     which then gets the mention;
//   - a bare surname counts into the page's full name with that surname;
//   - words already matched by the gazetteer, calendar and function words,
//     all-caps words and hashtags never take part, and a run touching
//     another capitalized word is part of a longer name ("Jane Goodall
//     Institute") and is skipped.

const maxNameRun = 4

// findPeople runs after the gazetteer: full names first, so that single
// surnames and "Dr. X" can be counted into them.
func (s *entityScan) findPeople() {
	surnames := map[string]int{} // surname → found index, -1 if ambiguous
	for i := 0; i < len(s.ws); i++ {
		end, ok := s.fullName(i)
		if !ok {
			continue
		}
		name := s.text[s.ws[i].start:s.ws[end-1].wend]
		f := s.mention(name, rinse.EntityPerson, s.ws[i].start)
		s.markUsed(i, end)
		last := s.ws[end-1].norm
		if prev, seen := surnames[last]; seen && prev != f {
			surnames[last] = -1
		} else {
			surnames[last] = f
		}
		i = end - 1
	}
	s.singleNames(surnames)
}

func (s *entityScan) markUsed(from, to int) {
	for k := from; k < to; k++ {
		s.used[k] = true
	}
}

// fullName reports whether a person's full name starts at word i and
// where it ends.
func (s *entityScan) fullName(i int) (int, bool) {
	if !s.nameWord(i) || (i > 0 && s.touchesName(i-1, i)) {
		return 0, false
	}
	end, words := s.nameRun(i)
	last := s.ws[end-1]
	if words < 2 || (end < len(s.ws) && last.wend == last.end && s.touchesName(end, end-1)) {
		return 0, false
	}
	if words > 2 && s.ws[i].sentStart && !givenName(s.ws[i].norm) {
		return 0, false // "Employee Steve Castro": the name starts at the next word
	}
	switch {
	case givenName(s.ws[i].norm):
		return end, true
	case i > 0 && s.honorificBefore(i):
		return end, true
	case end < len(s.ws) && speechVerbs[s.ws[end].norm] && s.ws[end].shape == wordShapeLower &&
		s.usedAlone(s.ws[end-1].norm, i, end):
		// Organizations "say" things too ("Big Machine said"); a person
		// quoted is usually named again by surname alone.
		return end, true
	}
	return 0, false
}

// usedAlone reports whether the page uses norm as a capitalized word
// outside the words from..to.
func (s *entityScan) usedAlone(norm string, from, to int) bool {
	for k, w := range s.ws {
		if (k < from || k >= to) && w.norm == norm && w.shape == wordShapeTitle {
			return true
		}
	}
	return false
}

// nameRun extends a name from word i over capitalized words and inner
// particles; it returns the end and the number of capitalized words.
func (s *entityScan) nameRun(i int) (end, words int) {
	end, words = i+1, 1
	for k := i + 1; k < len(s.ws) && words < maxNameRun; k++ {
		if !personGapOK(s.text[s.ws[k-1].end:s.ws[k].start]) {
			break
		}
		if s.ws[k].shape == wordShapeLower && nameParticles[s.ws[k].norm] && !s.used[k] {
			continue // a particle counts only if a name word follows
		}
		if !s.nameWord(k) || s.ws[k].sentStart {
			break
		}
		end, words = k+1, words+1
		if s.ws[k].wend < s.ws[k].end {
			break // a possessive ends the name: "Robert Jordan's Wheel of Time"
		}
	}
	return end, words
}

// nameWord reports whether word k may be part of a person's name.
func (s *entityScan) nameWord(k int) bool {
	w := s.ws[k]
	return !s.used[k] && !w.tagged && w.shape == wordShapeTitle && w.end-w.start > 1 &&
		!nonNameWords[w.norm] && !honorifics[w.norm] && !orgHeads[w.norm]
}

// touchesName reports whether word k, next to a candidate run (at word
// ref), is a capitalized word of the same phrase: the run is then part
// of a longer name.
func (s *entityScan) touchesName(k, ref int) bool {
	w := s.ws[k]
	if !w.shape.capitalized() || honorifics[w.norm] {
		return false
	}
	lo, hi := min(k, ref), max(k, ref)
	if s.ws[hi].sentStart || !personGapOK(s.text[s.ws[lo].end:s.ws[hi].start]) {
		return false
	}
	// A capital at the start of a sentence says nothing, unless it is a
	// given name ("Jane Goodall Institute" at the start of a sentence).
	return !(lo == k && w.sentStart && !givenName(w.norm))
}

func (s *entityScan) honorificBefore(i int) bool {
	h := s.ws[i-1]
	gap := strings.TrimPrefix(s.text[h.end:s.ws[i].start], ".")
	return !s.used[i-1] && h.shape == wordShapeTitle && honorifics[h.norm] && personGapOK(gap)
}

// personGapOK allows only spaces between the words of a person's name
// (and hyphens: "Jean-Paul"); commas and line breaks end it.
func personGapOK(gap string) bool {
	if gap == "" {
		return false
	}
	for _, r := range gap {
		if r != ' ' && r != '\u00a0' && r != '-' {
			return false
		}
	}
	return true
}

// singleNames counts "Dr. X" and bare surnames.
func (s *entityScan) singleNames(surnames map[string]int) {
	for i := range s.ws {
		if !s.nameWord(i) {
			continue
		}
		f, known := surnames[s.ws[i].norm]
		if known && f >= 0 && !s.inLongerName(i) {
			s.found[f].Mentions++
			s.used[i] = true
			continue
		}
		if !known && i > 0 && s.honorificBefore(i) && !s.inLongerName(i) {
			// Later bare uses of the name count into it too.
			surnames[s.ws[i].norm] = s.mention(s.text[s.ws[i].start:s.ws[i].wend], rinse.EntityPerson, s.ws[i-1].start)
			s.used[i] = true
		}
	}
}

func (s *entityScan) inLongerName(i int) bool {
	return (i > 0 && !honorifics[s.ws[i-1].norm] && s.touchesName(i-1, i)) ||
		(i+1 < len(s.ws) && s.touchesName(i+1, i))
}

// givenName tells a person's full name from a capitalized pair: one
// starting with a common given name is taken as a name ("Neil
// Armstrong"); names missing there still count with an honorific or a
// speech verb.
func givenName(w string) bool { return lexicon.IsGiven(w) }
