package entities

import (
	"strings"

	"github.com/rinse-etl/rinse"
)

// maxLongFormWords bounds how far back from "(ACR)" a long form may start.
const maxLongFormWords = 12

// findDefinitions finds "Long Form (ACR)" on the page. Each defined
// acronym then counts into its long form wherever the page uses it; the
// acronym inside the definition is not a mention of its own.
func (s *entityScan) findDefinitions() {
	for j := 1; j < len(s.ws); j++ {
		w := s.ws[j]
		if w.shape != wordShapeUpper || !s.parenthesized(j) {
			continue
		}
		if _, dup := s.acronyms[w.norm]; dup {
			continue
		}
		k := s.longFormStart(j, acronymLetters(w.norm))
		if k < 0 {
			continue
		}
		if s.acronyms == nil {
			s.acronyms = map[string]acronymTarget{}
		}
		s.acronyms[w.norm] = s.defineTarget(k, j)
		s.used[j] = true
	}
}

// parenthesized reports whether word j stands alone in parentheses.
func (s *entityScan) parenthesized(j int) bool {
	before := strings.TrimRight(s.text[s.ws[j-1].end:s.ws[j].start], " ")
	if !strings.HasSuffix(before, "(") {
		return false
	}
	after := s.text[s.ws[j].end:]
	if j+1 < len(s.ws) {
		after = s.text[s.ws[j].end:s.ws[j+1].start]
	}
	return strings.HasPrefix(strings.TrimLeft(after, " "), ")")
}

func acronymLetters(norm string) string {
	var b strings.Builder
	for _, r := range norm {
		if r >= 'a' && r <= 'z' || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// longFormStart finds where the long form of the acronym at word j
// starts: the capitalized words just before it whose initials spell the
// acronym (fillers such as "of the" skipped), or failing that whose
// initials appear in it in order ("Association of Southeast Asian
// Nations" for ASEAN). It returns -1 when nothing fits.
func (s *entityScan) longFormStart(j int, letters string) int {
	if len(letters) < 2 {
		return -1
	}
	loose := -1
	for k := j - 1; k >= 0 && k >= j-maxLongFormWords; k-- {
		w := s.ws[k]
		if w.tagged || (k < j-1 && !nameGapOK(s.text[w.end:s.ws[k+1].start])) {
			break
		}
		if w.shape == wordShapeLower && !acronymFillers[w.norm] {
			break
		}
		if !w.shape.capitalized() || acronymFillers[w.norm] {
			continue
		}
		initials := s.initials(k, j)
		if initials == letters {
			return k
		}
		if len(initials) >= 2 && initials[0] == letters[0] && isSubsequence(initials, letters) {
			loose = k
		}
		if w.sentStart {
			break
		}
	}
	return loose
}

func (s *entityScan) initials(from, to int) string {
	var b []byte
	for k := from; k < to; k++ {
		w := s.ws[k]
		if acronymFillers[w.norm] || w.norm == "" {
			continue
		}
		b = append(b, w.norm[0])
	}
	return string(b)
}

func isSubsequence(sub, s string) bool {
	i := 0
	for k := 0; k < len(s) && i < len(sub); k++ {
		if s[k] == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// defineTarget resolves the long form words k..j-1: a gazetteer entity
// when the whole long form is one of its names, else the long form as
// written, counted here as its first mention.
func (s *entityScan) defineTarget(k, j int) acronymTarget {
	hit := s.g.longest(s.text, s.ws, k, s.cands)
	if hit.n == j-k {
		id := hit.cands[0].entity
		for _, c := range hit.cands {
			if !c.guarded {
				id = c.entity
				break
			}
		}
		return acronymTarget{gaz: id}
	}
	t := acronymTarget{gaz: -1, name: s.text[s.ws[k].start:s.ws[j-1].wend], typ: rinse.EntityOther}
	for i := k; i < j; i++ {
		if orgHeads[s.ws[i].norm] { // "Centre for Ocean Research"
			t.typ = rinse.EntityOrganization
		}
	}
	s.mention(t.name, t.typ, s.ws[k].start)
	for i := k; i < j; i++ {
		s.used[i] = true
	}
	return t
}
