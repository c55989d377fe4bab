package lexicon

// weekdayTable lists weekday names by language, lower-case, Monday
// first; abbreviations follow the full names.
var weekdayTable = []struct {
	lang         string
	full, abbrev []string
}{
	{"en",
		[]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
		[]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}},
	{"de",
		[]string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"},
		[]string{"mo", "di", "mi", "do", "fr", "sa", "so"}},
}

// weekdays holds every weekday word of weekdayTable.
var weekdays = indexWeekdays()

func indexWeekdays() map[string]bool {
	m := map[string]bool{}
	for _, l := range weekdayTable {
		for _, w := range l.full {
			m[w] = true
		}
		for _, w := range l.abbrev {
			m[w] = true
		}
	}
	return m
}

// IsWeekday reports whether w, lower-case, names a weekday in some
// language, in full or abbreviated.
func IsWeekday(w string) bool { return weekdays[w] }

// WeekdayWords returns lang's weekday names, with the abbreviations when
// abbrs is set.
func WeekdayWords(lang string, abbrs bool) []string {
	var out []string
	for _, l := range weekdayTable {
		if l.lang == lang {
			out = append(out, l.full...)
			if abbrs {
				out = append(out, l.abbrev...)
			}
		}
	}
	return out
}
