package lexicon

import (
	"slices"
	"testing"
)

// TestMonthTableListsEachSpellingOnce: the index keeps one reading per
// spelling, so a spelling listed twice would lose one of them.
func TestMonthTableListsEachSpellingOnce(t *testing.T) {
	seen := map[string]string{}
	for _, l := range monthTable {
		for _, s := range l.words {
			if prev, ok := seen[s.word]; ok {
				t.Errorf("%q listed under %s and %s", s.word, prev, l.lang)
			}
			seen[s.word] = l.lang
			if s.Number < 1 || s.Number > 12 {
				t.Errorf("%q: month %d", s.word, s.Number)
			}
		}
	}
}

func TestLookupMonth(t *testing.T) {
	for w, want := range map[string]Month{
		"March": {Number: 3, Capital: true}, "DEZEMBER": {Number: 12}, "Sept": {Number: 9, Abbr: true},
		"Août": {Number: 8}, "АВГУСТА": {Number: 8}, "set": {Number: 9, Abbr: true, Capital: true},
	} {
		if got, ok := LookupMonth(w); !ok || got != want {
			t.Errorf("LookupMonth(%q) = %+v, %v; want %+v", w, got, ok, want)
		}
	}
	for _, w := range []string{"", "marching", "monday", "a-very-long-word-that-is-in-no-table-at-all-whatsoever"} {
		if _, ok := LookupMonth(w); ok {
			t.Errorf("LookupMonth(%q) found a month", w)
		}
	}
}

func TestCalendarWords(t *testing.T) {
	if !IsMonth("juni") || !IsMonth("mrt") || IsMonth("Juni") || !IsWeekday("fr") || !IsWeekday("sunday") || IsWeekday("sonne") {
		t.Error("IsMonth/IsWeekday disagree with the tables")
	}
	if got := MonthWords("nl", false); !slices.Equal(got, []string{"januari", "februari", "maart", "mei", "augustus"}) {
		t.Errorf("MonthWords(nl) = %q", got)
	}
	if got := WeekdayWords("de", true); len(got) != 14 || got[0] != "montag" || got[7] != "mo" {
		t.Errorf("WeekdayWords(de, true) = %q", got)
	}
}
