package lexicon

// Month is one spelling of a month.
type Month struct {
	// Number is the month, 1 for January.
	Number int
	// Abbr marks abbreviations: a date finder counts them only in full
	// day-month-year dates, where the numbers around them leave no doubt.
	Abbr bool
	// Capital marks spellings that are also ordinary words ("may",
	// "march", Italian "set", Portuguese "out"): they name a month only
	// when written with a capital.
	Capital bool
}

// spelling is one row of monthTable.
type spelling struct {
	word string
	Month
}

func full(word string, n int) spelling    { return spelling{word, Month{Number: n}} }
func abbr(word string, n int) spelling    { return spelling{word, Month{Number: n, Abbr: true}} }
func capital(s spelling) spelling         { s.Capital = true; return s }
func fullCap(word string, n int) spelling { return capital(full(word, n)) }

// monthTable lists month spellings by language, lower-case. A spelling
// shared by several languages is listed once, under the first of them
// here: English "april" is also German and Dutch, German "mai" also
// French, Spanish "marzo" also Italian.
var monthTable = []struct {
	lang  string
	words []spelling
}{
	{"en", []spelling{
		full("january", 1), full("february", 2), fullCap("march", 3), full("april", 4),
		fullCap("may", 5), full("june", 6), full("july", 7), fullCap("august", 8),
		full("september", 9), full("october", 10), full("november", 11), full("december", 12),
		// also "Sept." and German and Dutch abbreviations spelled alike
		abbr("jan", 1), abbr("feb", 2), capital(abbr("mar", 3)), abbr("apr", 4), abbr("jun", 6),
		abbr("jul", 7), abbr("aug", 8), abbr("sep", 9), abbr("sept", 9), abbr("oct", 10),
		abbr("nov", 11), abbr("dec", 12),
	}},
	{"de", []spelling{
		full("januar", 1), full("jänner", 1), full("februar", 2), full("märz", 3), full("maerz", 3),
		full("mai", 5), full("juni", 6), full("juli", 7), full("oktober", 10), full("dezember", 12),
		abbr("jän", 1), abbr("mär", 3), abbr("okt", 10), abbr("dez", 12),
	}},
	{"fr", []spelling{
		full("janvier", 1), full("février", 2), full("fevrier", 2), full("mars", 3), full("avril", 4),
		full("juin", 6), full("juillet", 7), full("août", 8), full("aout", 8), full("septembre", 9),
		full("octobre", 10), full("novembre", 11), full("décembre", 12), full("decembre", 12),
		abbr("janv", 1), abbr("févr", 2), abbr("fév", 2), abbr("avr", 4), abbr("juil", 7), abbr("déc", 12),
	}},
	{"es", []spelling{
		full("enero", 1), full("febrero", 2), full("marzo", 3), full("abril", 4), full("mayo", 5),
		full("junio", 6), full("julio", 7), full("agosto", 8), full("septiembre", 9), full("setiembre", 9),
		full("octubre", 10), full("noviembre", 11), full("diciembre", 12),
		abbr("ene", 1), abbr("abr", 4), abbr("ago", 8), abbr("dic", 12),
	}},
	{"it", []spelling{
		full("gennaio", 1), full("febbraio", 2), full("aprile", 4), full("maggio", 5), full("giugno", 6),
		full("luglio", 7), full("settembre", 9), full("ottobre", 10), full("dicembre", 12),
		abbr("gen", 1), abbr("mag", 5), abbr("giu", 6), abbr("lug", 7), capital(abbr("set", 9)), abbr("ott", 10),
	}},
	{"pt", []spelling{
		full("janeiro", 1), full("fevereiro", 2), full("março", 3), full("marco", 3), full("maio", 5),
		full("junho", 6), full("julho", 7), full("setembro", 9), full("outubro", 10), full("novembro", 11),
		full("dezembro", 12),
		abbr("fev", 2), capital(abbr("out", 10)),
	}},
	{"nl", []spelling{
		full("januari", 1), full("februari", 2), full("maart", 3), full("mei", 5), full("augustus", 8),
		abbr("mrt", 3),
	}},
	// Russian and Polish in the genitive, as datelines write them: "15
	// августа 2016", "3 marca 2020".
	{"ru", []spelling{
		full("января", 1), full("февраля", 2), full("марта", 3), full("апреля", 4), full("мая", 5),
		full("июня", 6), full("июля", 7), full("августа", 8), full("сентября", 9), full("октября", 10),
		full("ноября", 11), full("декабря", 12),
	}},
	{"pl", []spelling{
		full("stycznia", 1), full("lutego", 2), full("marca", 3), full("kwietnia", 4), full("maja", 5),
		full("czerwca", 6), full("lipca", 7), full("sierpnia", 8), full("września", 9),
		full("października", 10), full("listopada", 11), full("grudnia", 12),
	}},
}

// months indexes monthTable by spelling.
var months = indexMonths()

func indexMonths() map[string]Month {
	m := map[string]Month{}
	for _, l := range monthTable {
		for _, s := range l.words {
			m[s.word] = s.Month
		}
	}
	return m
}

// LookupMonth returns the month word w spells, in any language and any
// case. Whether a Capital spelling was written with a capital is left to
// the caller.
func LookupMonth(w string) (Month, bool) { return Lookup(months, w) }

// IsMonth reports whether w, lower-case, spells a month in some
// language, in full or abbreviated.
func IsMonth(w string) bool {
	_, ok := months[w]
	return ok
}

// MonthWords returns the spellings listed for lang (see monthTable),
// full names first, with the abbreviations when abbrs is set.
func MonthWords(lang string, abbrs bool) []string {
	var out []string
	for _, l := range monthTable {
		if l.lang != lang {
			continue
		}
		for _, s := range l.words {
			if !s.Abbr || abbrs {
				out = append(out, s.word)
			}
		}
	}
	return out
}

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
