package dates

import (
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/lexicon"
)

const (
	precDay    = rinse.PrecisionDay
	precMonth  = rinse.PrecisionMonth
	precYear   = rinse.PrecisionYear
	precDecade = rinse.PrecisionDecade
)

// Bare years count only within these bounds.
const (
	minTextYear = 1000
	maxTextYear = 2100
)

// Find returns the dates mentioned in text, in text order, each
// (date, precision) once with the text of its first mention. lang is the
// page's ISO 639-1 language ("" when unknown): it decides ambiguous numeric
// dates and words that are dates in one language only. ref is the
// publication date: it anchors relative dates ("yesterday") and dates
// without a year ("on 10 March"); when zero, those are left out.
func Find(text, lang string, ref time.Time) []rinse.Date {
	return findDates(text, lang, ref, time.Time{}, 0)
}

// findDates is Find with a deadline (zero: none) and a cap on the
// number of dates (0: none).
func findDates(text, lang string, ref, deadline time.Time, max int) []rinse.Date {
	if len(text) > maxDateText {
		text = text[:maxDateText]
	}
	base, dayFirst := splitDateLang(lang)
	s := &dateScanner{text: text, lang: base, dayFirst: dayFirst}
	if !ref.IsZero() {
		y, m, d := ref.UTC().Date()
		s.ref = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	buf := dateTokenPool.Get().(*[]dateToken)
	s.toks = tokenizeDates(text, (*buf)[:0], deadline)
	s.scan(deadline, max)
	// Dates hold substrings of text, never tokens: the buffer can go back.
	*buf = s.toks
	dateTokenPool.Put(buf)
	return s.out
}

// dateTokenPool recycles token buffers: a page's tokens are garbage as
// soon as its dates are found.
var dateTokenPool = sync.Pool{New: func() any { return new([]dateToken) }}

// scanner holds one run of the date finder.
type dateScanner struct {
	text     string
	lang     string
	dayFirst bool      // English from a day-first region (en-GB)
	ref      time.Time // midnight UTC of the publication day, or zero
	toks     []dateToken
	floor    int // tokens before floor belong to a match already
	out      []rinse.Date
	seen     map[dateKey]bool
	// lastYear is the token index of the last year found, for lists
	// ("in 1961 and 1975").
	lastYear int
}

type dateKey struct {
	t    time.Time
	prec string
}

// numRule tries to match a date around the number token i.
type dateRule struct {
	name  string
	match func(s *dateScanner, i int) bool
}

// numRules run in order at each number; the first that matches wins and
// its tokens are consumed. More specific forms come first.
var dateRules = []dateRule{
	{"ymd", (*dateScanner).ymd},              // 1975-08-01, 2023/03/14, 2023.03.14
	{"decade", (*dateScanner).decade},        // 1970s, 1970er, années 1970, 1970年代
	{"relative", (*dateScanner).relativeNum}, // 3 days ago, vor 3 Tagen, 3日前
	{"cjk", (*dateScanner).cjk},              // 1975年8月1日, 2023年3月, 3月14日, 1961年
	{"numeric", (*dateScanner).numeric},      // 14.03.2023, 05/04/2023
	{"day-month", (*dateScanner).dayMonth},   // 1 August 1975, 14. März 2023, 4 de mayo de 2023
	{"month-day", (*dateScanner).monthDay},   // August 1, 1975, Aug. 1st, 1975
	{"month-year", (*dateScanner).monthYear}, // May 1961, mayo de 2023
	{"year-range", (*dateScanner).yearRange}, // 1961–1975, from 1961 to 1975
	{"year", (*dateScanner).contextYear},     // in 1961, seit 1961, 1961 AD
}

func (s *dateScanner) scan(deadline time.Time, max int) {
	s.lastYear = -10
	for i := 0; i < len(s.toks); i++ {
		if max > 0 && len(s.out) >= max {
			return
		}
		if i&127 == 127 && !deadline.IsZero() && time.Now().After(deadline) {
			return
		}
		if i < s.floor {
			continue
		}
		switch s.toks[i].kind {
		case dtNum:
			for _, r := range dateRules {
				if r.match(s, i) {
					break
				}
			}
		case dtWord:
			s.relativeWord(i)
		}
	}
}

// emit records a date spanning tokens [first, end) and consumes them.
func (s *dateScanner) emit(first, end int, t time.Time, prec string) {
	if end > s.floor {
		s.floor = end
	}
	k := dateKey{t, prec}
	if s.seen[k] {
		return
	}
	if s.seen == nil {
		s.seen = map[dateKey]bool{}
	}
	s.seen[k] = true
	text := s.text[s.toks[first].start:s.toks[end-1].end]
	s.out = append(s.out, rinse.Date{Text: text, Date: t, Precision: prec})
}

// tok returns token i, or a zero token when i is out of range.
func (s *dateScanner) tok(i int) dateToken {
	if i < s.floor || i >= len(s.toks) {
		return dateToken{}
	}
	return s.toks[i]
}

func (s *dateScanner) word(i int) string {
	t := s.tok(i)
	if t.kind != dtWord {
		return ""
	}
	return s.text[t.start:t.end]
}

// punct reports whether token i is the punctuation mark p (any of ps).
func (s *dateScanner) punct(i int, ps ...string) bool {
	t := s.tok(i)
	if t.kind != dtPunct {
		return false
	}
	for _, p := range ps {
		if s.text[t.start:t.end] == p {
			return true
		}
	}
	return false
}

// isYear reports a four-digit number token in the plausible range.
func (s *dateScanner) isYear(i int) bool {
	t := s.tok(i)
	return t.kind == dtNum && t.digits == 4 && t.val >= minTextYear && t.val <= maxTextYear
}

// dayNum returns the value of a one- or two-digit day number token.
func (s *dateScanner) dayNum(i int) (int, bool) {
	t := s.tok(i)
	if t.kind != dtNum || t.digits > 2 || t.val < 1 || t.val > 31 {
		return 0, false
	}
	return t.val, true
}

// glued reports whether number token i is part of a bigger number
// ("1.975", "555-1975", "12:30", "$1975").
func (s *dateScanner) glued(i int) bool { return s.leftGlued(i) || s.rightGlued(i) }

// leftGlued reports a number or currency sign attached before token i.
func (s *dateScanner) leftGlued(i int) bool {
	if i == 0 || s.toks[i].space {
		return false
	}
	p := s.toks[i-1]
	if p.kind == dtNum {
		return true
	}
	ps := s.text[p.start:p.end]
	return p.kind == dtPunct && (isCurrencySign(ps) ||
		!p.space && i > 1 && s.toks[i-2].kind == dtNum && isDateNumSep(ps))
}

// rightGlued reports a separator and a number attached after token i.
func (s *dateScanner) rightGlued(i int) bool {
	if i+2 >= len(s.toks) {
		return false
	}
	n, nn := s.toks[i+1], s.toks[i+2]
	return n.kind == dtPunct && !n.space && !nn.space && nn.kind == dtNum &&
		isDateNumSep(s.text[n.start:n.end])
}

func isDateNumSep(p string) bool {
	switch p {
	case ".", ",", ":", "-", "/", "–", "_":
		return true
	}
	return false
}

func isCurrencySign(p string) bool {
	switch p {
	case "$", "€", "£", "¥", "#", "№", "+", "§":
		return true
	}
	return false
}

// month returns the month named by word token i.
func (s *dateScanner) month(i int) (lexicon.Month, bool) {
	w := s.word(i)
	if w == "" {
		return lexicon.Month{}, false
	}
	m, ok := lexicon.LookupMonth(w)
	if ok && m.Capital {
		r, _ := utf8.DecodeRuneInString(w)
		ok = unicode.IsUpper(r)
	}
	return m, ok
}

// validDate builds a date, refusing impossible days (31 April).
func validDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || y < minTextYear || y > maxTextYear {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

func yearStart(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
