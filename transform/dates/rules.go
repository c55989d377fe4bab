package dates

import (
	"strings"
	"time"

	"github.com/rinse-etl/rinse/internal/lexicon"
)

// The rules of numRules. Each looks at the tokens around number token i,
// emits what it recognises and reports whether it matched.

// ymd: ISO-style year-first numeric dates.
func (s *dateScanner) ymd(i int) bool {
	if !s.isYear(i) || s.leftGlued(i) || !s.numSeq(i) {
		return false
	}
	sep := s.tok(i + 1)
	sepText := s.text[sep.start:sep.end]
	if !s.punct(i+1, "-", "/", ".", "|") || !s.punct(i+3, sepText) || s.rightGlued(i+4) {
		return false
	}
	m, okM := s.dayNum(i + 2)
	d, okD := s.dayNum(i + 4)
	if !okM || !okD {
		return false
	}
	t, ok := validDate(s.toks[i].val, m, d)
	if ok {
		s.emit(i, i+5, t, precDay)
	}
	return ok
}

// attachedSeq reports that tokens i+1..i+n exist with no space before them.
func (s *dateScanner) attachedSeq(i, n int) bool {
	if i+n >= len(s.toks) {
		return false
	}
	for k := i + 1; k <= i+n; k++ {
		if s.toks[k].space {
			return false
		}
	}
	return true
}

// numSeq reports that tokens i+1..i+4 exist as a numeric date's
// separator, number, separator, number: attached ("05.04.2023"), or
// spaced alike around both separators ("05 .04 .2023", "05 | 04 | 2023",
// the way some themes set a date's parts apart).
func (s *dateScanner) numSeq(i int) bool {
	if s.attachedSeq(i, 4) {
		return true
	}
	if i+4 >= len(s.toks) {
		return false
	}
	t := s.toks[i+1 : i+5]
	return t[0].kind == dtPunct && t[0].space == t[2].space && t[1].space == t[3].space &&
		s.punct(i+1, ".", "/", "|")
}

// twoDigitYear reads number token i as the year of a numeric date
// written with two digits ("31.10.23"): 1970 to 2069.
func (s *dateScanner) twoDigitYear(i int) (int, bool) {
	t := s.tok(i)
	if t.kind != dtNum || t.digits != 2 {
		return 0, false
	}
	if t.val >= 70 {
		return 1900 + t.val, true
	}
	return 2000 + t.val, true
}

// decade: a decade's first year with a suffix or a decade word.
func (s *dateScanner) decade(i int) bool {
	t := s.toks[i]
	if t.digits != 4 || t.val%10 != 0 || !s.isYear(i) || s.leftGlued(i) {
		return false
	}
	for _, p := range decadeCompiled {
		if end, ok := p.match(s, i-p.slot); ok {
			s.emit(i-p.slot, end, yearStart(t.val), precDecade)
			return true
		}
	}
	return false
}

// relativeNum: "3 days ago" and its kin, against the publication date.
func (s *dateScanner) relativeNum(i int) bool {
	n := s.toks[i].val
	if s.ref.IsZero() || n < 1 || n > 3660 || s.glued(i) {
		return false
	}
	for _, k := range relSlotted {
		p := relCompiled[k]
		if !s.langOK(relPhrases[k]) {
			continue
		}
		if end, ok := p.match(s, i-p.slot); ok {
			t, prec := relPhrases[k].shift(s.ref, n)
			if t.Year() < minTextYear {
				return false
			}
			s.emit(i-p.slot, end, t, prec)
			return true
		}
	}
	return false
}

// relativeWord: "yesterday", "l'année dernière", at word token i.
func (s *dateScanner) relativeWord(i int) {
	if s.ref.IsZero() {
		return
	}
	w := s.text[s.toks[i].start:s.toks[i].end]
	if !maybeFirst(w) {
		return
	}
	ks, _ := lexicon.Lookup(relFirst, w)
	for _, k := range ks {
		if !s.langOK(relPhrases[k]) {
			continue
		}
		if end, ok := relCompiled[k].match(s, i); ok {
			t, prec := relPhrases[k].shift(s.ref, 1)
			s.emit(i, end, t, prec)
			return
		}
	}
}

// langOK reports whether a language-bound phrase applies to this page.
func (s *dateScanner) langOK(r relPhrase) bool {
	return r.lang == "" || r.lang == s.lang || !r.strict && s.lang == ""
}

// cjk: 1975年8月1日, 2023年3月, 1961年 and, with a known year, 3月14日.
// Korean 년/월/일 work the same way.
func (s *dateScanner) cjk(i int) bool {
	y, j := 0, i
	if s.isYear(i) && s.isWord(i+1, "年", "년") {
		if s.isWord(i+2, "前", "間", "间", "来", "來") { // durations: "5年前", "10年間"
			return false
		}
		y, j = s.toks[i].val, i+2
	}
	m, okM := s.dayNum(j)
	if okM && s.isWord(j+1, "月", "월") && m <= 12 {
		if d, okD := s.dayNum(j + 2); okD && s.isWord(j+3, "日", "일", "号", "號") {
			if y == 0 && !s.ref.IsZero() {
				y = s.ref.Year()
			}
			if t, ok := validDate(y, m, d); ok {
				s.emit(i, j+4, t, precDay)
				return true
			}
			return false
		}
		if y != 0 {
			s.emit(i, j+2, time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), precMonth)
			return true
		}
		return false
	}
	if y != 0 {
		s.emit(i, i+2, yearStart(y), precYear)
		return true
	}
	return false
}

func (s *dateScanner) isWord(i int, ws ...string) bool {
	w := s.word(i)
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

// numeric: day-month-year or month-day-year with one separator, the order
// taken from the values when one exceeds 12, else from the language.
// A two-digit year counts after two two-digit numbers and dots or
// slashes ("31.10.23"), never after dashes (phone and part numbers).
func (s *dateScanner) numeric(i int) bool {
	if s.leftGlued(i) || !s.numSeq(i) || s.rightGlued(i+4) {
		return false
	}
	sep := s.tok(i + 1)
	sepText := s.text[sep.start:sep.end]
	if !s.punct(i+1, ".", "/", "-", "|") || !s.punct(i+3, sepText) {
		return false
	}
	year := s.tok(i + 4).val
	if !s.isYear(i + 4) {
		y, ok := s.twoDigitYear(i + 4)
		if !ok || sepText == "-" || s.tok(i).digits != 2 || s.tok(i+2).digits != 2 {
			return false
		}
		year = y
	}
	a, okA := s.dayNum(i)
	b, okB := s.dayNum(i + 2)
	if !okA || !okB {
		return false
	}
	d, m := a, b
	switch {
	case a > 12 || b > 12 || a == b:
		if a <= 12 && b > 12 {
			d, m = b, a
		}
	case s.lang == "en" && sepText == "/" && !s.dayFirst:
		d, m = b, a
	case dayFirstByDefault[s.lang], s.dayFirst && sepText == "/":
	default:
		return false // ambiguous and no language to decide
	}
	t, ok := validDate(year, m, d)
	if ok {
		s.emit(i, i+5, t, precDay)
	}
	return ok
}

// dayMonth: "1 August 1975", "14. März 2023", "4 de mayo de 2023",
// "1st of August"; without a year, the publication year.
func (s *dateScanner) dayMonth(i int) bool {
	d, ok := s.dayNum(i)
	if !ok || s.glued(i) && !s.punct(i+1, ".") {
		return false
	}
	j := i + 1
	if s.punct(j, ".") && !s.tok(j).space {
		j++
	}
	if _, ok := lexicon.Lookup(dayOrdinals, s.word(j)); ok && !s.tok(j).space {
		j++
	}
	if _, ok := lexicon.Lookup(dateJoiners, s.word(j)); ok {
		j++
	}
	mn, ok := s.month(j)
	if !ok {
		return false
	}
	j++
	if mn.Abbr && s.punct(j, ".") {
		j++
	}
	return s.finishDay(i, j, mn, d)
}

// finishDay completes a day-precision date whose month and day are known
// and whose year may follow at token j.
func (s *dateScanner) finishDay(first, j int, mn lexicon.Month, d int) bool {
	k := j
	if s.punct(k, ",") {
		k++
	}
	if _, ok := lexicon.Lookup(dateJoiners, s.word(k)); ok {
		k++
	}
	if s.isYear(k) && !s.rightGlued(k) {
		if t, ok := validDate(s.toks[k].val, mn.Number, d); ok {
			s.emit(first, k+1, t, precDay)
			return true
		}
		return false
	}
	if y := s.yearBefore(first); y >= 0 {
		if t, ok := validDate(s.toks[y].val, mn.Number, d); ok {
			s.emit(y, j, t, precDay)
			return true
		}
		return false
	}
	if mn.Abbr || s.ref.IsZero() || s.tok(j).kind == dtNum {
		return false
	}
	t, ok := validDate(s.ref.Year(), mn.Number, d)
	if ok {
		s.emit(first, j, t, precDay)
	}
	return ok
}

// yearLabels follow a year written before the day, lower-case: Latvian
// "2021. gada 5. martā", Lithuanian "2021 m. kovo 5 d.".
var yearLabels = map[string]bool{"gada": true, "m": true}

// yearBefore finds the year that languages writing it first put before
// a date's month or day (first), with its full stop and label: Hungarian
// "2020. március 15.", Latvian, Lithuanian. It returns the year token's
// index, or -1.
func (s *dateScanner) yearBefore(first int) int {
	k := first - 1
	for n := 0; n < 2 && k > 0; n++ {
		switch {
		case s.punct(k, "."):
			k--
		case s.tok(k).kind == dtWord && yearLabels[strings.ToLower(s.word(k))]:
			k--
		}
	}
	if k >= 0 && s.isYear(k) && !s.leftGlued(k) && k < first-1 {
		return k
	}
	return -1
}

// monthDay: "August 1, 1975", "Aug. 1st, 1975"; without a year, the
// publication year.
func (s *dateScanner) monthDay(i int) bool {
	d, ok := s.dayNum(i)
	if !ok || !s.toks[i].space || s.rightGlued(i) {
		return false
	}
	m := i - 1
	if s.punct(m, ".") {
		m--
	}
	mn, ok := s.month(m)
	if !ok {
		return false
	}
	j := i + 1
	if _, ok := lexicon.Lookup(dayOrdinals, s.word(j)); ok && !s.tok(j).space {
		j++
	}
	return s.finishDay(m, j, mn, d)
}

// monthYear: "May 1961", "mayo de 2023", "März 2023". Abbreviations do not
// count here: "mar 2023" is as likely Spanish for "sea".
func (s *dateScanner) monthYear(i int) bool {
	if !s.isYear(i) || s.glued(i) {
		return false
	}
	j := i - 1
	if _, ok := lexicon.Lookup(dateJoiners, s.word(j)); ok {
		j--
	}
	mn, ok := s.month(j)
	if !ok || mn.Abbr {
		return false
	}
	s.emit(j, i+1, time.Date(s.toks[i].val, time.Month(mn.Number), 1, 0, 0, 0, 0, time.UTC), precMonth)
	s.lastYear = i
	return true
}

// yearRange: "1961–1975", "from 1961 to 1975", "zwischen 1961 und 1975".
func (s *dateScanner) yearRange(i int) bool {
	if !s.isYear(i) || s.leftGlued(i) {
		return false
	}
	j := i + 1
	if s.punct(j, "-", "–", "—", "‒") {
		if pw := s.word(i - 1); pw != "" && yearPageWords[strings.ToLower(pw)] {
			return false
		}
	} else if _, ok := lexicon.Lookup(rangeJoiners, s.word(j)); !ok {
		return false
	} else if _, ok := lexicon.Lookup(rangeStarters, s.word(i-1)); !ok {
		return false
	}
	k := j + 1
	if !s.isYear(k) || s.rightGlued(k) || s.toks[k].val <= s.toks[i].val || s.toks[k].val-s.toks[i].val > 300 {
		return false
	}
	s.emit(i, i+1, yearStart(s.toks[i].val), precYear)
	s.emit(k, k+1, yearStart(s.toks[k].val), precYear)
	s.lastYear = k
	return true
}

// pageWords before a span of numbers mean pages, not years.
var yearPageWords = map[string]bool{"pages": true, "pp": true, "p": true, "seiten": true, "s": true, "págs": true, "pag": true}

// contextYear: a bare year after a year word ("in 1961", "seit 1961"),
// before an era ("1961 AD") or continuing a list ("in 1961 and 1975").
func (s *dateScanner) contextYear(i int) bool {
	if !s.isYear(i) || s.glued(i) || s.punct(i+1, "%") {
		return false
	}
	next := s.word(i + 1)
	if _, ok := lexicon.Lookup(yearCountWords, next); ok {
		return false
	}
	if e, ok := lexicon.Lookup(dateEras, next); ok && (!e.dot || s.punct(i+2, ".")) {
		if !e.common {
			return false
		}
	} else if !s.yearContextBefore(i) {
		return false
	}
	s.emit(i, i+1, yearStart(s.toks[i].val), precYear)
	s.lastYear = i
	return true
}

// yearContextBefore looks at the words before token i for year context.
func (s *dateScanner) yearContextBefore(i int) bool {
	j := i - 1
	if s.punct(j, "-") && strings.EqualFold(s.word(j-1), "mid") { // "mid-1975"
		j--
	}
	if s.punct(j, ".") && s.isWordFold(j-1, "c", "ca") { // "ca. 1975"
		j--
	}
	w := s.word(j)
	if w == "" {
		return false
	}
	if _, ok := lexicon.Lookup(yearContext, w); ok {
		return true
	}
	if _, ok := lexicon.Lookup(yearConjunctions, w); ok && s.lastYear == j-1 {
		return true
	}
	if _, ok := lexicon.Lookup(dateJoiners, w); ok {
		return yearContextOf[strings.ToLower(s.word(j-1)+" "+w)]
	}
	return false
}

func (s *dateScanner) isWordFold(i int, ws ...string) bool {
	w := s.word(i)
	for _, x := range ws {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}
