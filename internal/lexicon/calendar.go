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
	}}, // The other languages of the European Union, and Ukrainian, Turkish
	// and Arabic: full names as dates write them (the genitive where a
	// language declines them: "15. února 2021", "3 січня 2020"). A
	// spelling an earlier language has is not repeated.
	{"sv", []spelling{
		full("maj", 5), full("augusti", 8),
	}},
	{"da", []spelling{
		full("marts", 3),
	}},
	{"no", []spelling{
		full("desember", 12),
	}},
	{"fi", []spelling{
		full("tammikuuta", 1), full("helmikuuta", 2), full("maaliskuuta", 3), full("huhtikuuta", 4),
		full("toukokuuta", 5), full("kesäkuuta", 6), full("heinäkuuta", 7), full("elokuuta", 8), full("syyskuuta", 9),
		full("lokakuuta", 10), full("marraskuuta", 11), full("joulukuuta", 12), full("tammikuu", 1),
		full("helmikuu", 2), full("maaliskuu", 3), full("huhtikuu", 4), full("toukokuu", 5), full("kesäkuu", 6),
		full("heinäkuu", 7), full("elokuu", 8), full("syyskuu", 9), full("lokakuu", 10), full("marraskuu", 11),
		full("joulukuu", 12),
	}},
	{"et", []spelling{
		full("jaanuar", 1), full("veebruar", 2), full("märts", 3), full("aprill", 4), full("juuni", 6),
		full("juuli", 7), full("oktoober", 10), full("detsember", 12),
	}},
	{"lv", []spelling{
		full("janvāris", 1), full("februāris", 2), full("aprīlis", 4), full("maijs", 5), full("jūnijs", 6),
		full("jūlijs", 7), full("augusts", 8), full("septembris", 9), full("oktobris", 10), full("novembris", 11),
		full("decembris", 12), full("janvārī", 1), full("februārī", 2), full("martā", 3), full("aprīlī", 4),
		full("maijā", 5), full("jūnijā", 6), full("jūlijā", 7), full("augustā", 8), full("septembrī", 9),
		full("oktobrī", 10), full("novembrī", 11), full("decembrī", 12),
	}},
	{"lt", []spelling{
		full("sausio", 1), full("vasario", 2), full("kovo", 3), full("balandžio", 4), full("gegužės", 5),
		full("birželio", 6), full("liepos", 7), full("rugpjūčio", 8), full("rugsėjo", 9), full("spalio", 10),
		full("lapkričio", 11), full("gruodžio", 12),
	}},
	{"cs", []spelling{
		full("ledna", 1), full("února", 2), full("března", 3), full("dubna", 4), full("května", 5), full("června", 6),
		full("července", 7), full("srpna", 8), full("září", 9), full("října", 10), full("listopadu", 11),
		full("prosince", 12), full("leden", 1), full("únor", 2), full("březen", 3), full("duben", 4),
		full("květen", 5), full("červen", 6), full("červenec", 7), full("srpen", 8), full("říjen", 10),
		full("listopad", 11), full("prosinec", 12),
	}},
	{"sk", []spelling{
		full("januára", 1), full("februára", 2), full("apríla", 4), full("mája", 5), full("júna", 6),
		full("júla", 7), full("augusta", 8), full("septembra", 9), full("októbra", 10), full("novembra", 11),
		full("decembra", 12),
	}},
	{"sl", []spelling{
		full("januarja", 1), full("februarja", 2), full("aprila", 4), full("junija", 6), full("julija", 7),
		full("avgusta", 8), full("oktobra", 10),
	}},
	// Croatian "listopada" (October) is Polish November, listed above.
	{"hr", []spelling{
		full("siječnja", 1), full("veljače", 2), full("ožujka", 3), full("travnja", 4), full("svibnja", 5),
		full("lipnja", 6), full("srpnja", 7), full("kolovoza", 8), full("rujna", 9), full("studenoga", 11),
		full("studenog", 11), full("prosinca", 12),
	}},
	{"hu", []spelling{
		full("január", 1), full("február", 2), full("március", 3), full("április", 4), full("május", 5),
		full("június", 6), full("július", 7), full("augusztus", 8), full("szeptember", 9), full("október", 10),
	}},
	{"ro", []spelling{
		full("ianuarie", 1), full("februarie", 2), full("martie", 3), full("aprilie", 4), full("iunie", 6),
		full("iulie", 7), full("septembrie", 9), full("octombrie", 10), full("noiembrie", 11), full("decembrie", 12),
	}},
	{"bg", []spelling{
		full("януари", 1), full("февруари", 2), full("март", 3), full("април", 4), full("май", 5), full("юни", 6),
		full("юли", 7), full("август", 8), full("септември", 9), full("октомври", 10), full("ноември", 11),
		full("декември", 12),
	}},
	{"ru", []spelling{
		full("январь", 1), full("февраль", 2), full("апрель", 4), full("июнь", 6), full("июль", 7), full("сентябрь", 9),
		full("октябрь", 10), full("ноябрь", 11), full("декабрь", 12),
	}},
	{"uk", []spelling{
		full("січня", 1), full("лютого", 2), full("березня", 3), full("квітня", 4), full("травня", 5),
		full("червня", 6), full("липня", 7), full("серпня", 8), full("вересня", 9), full("жовтня", 10),
		full("листопада", 11), full("грудня", 12),
	}},
	{"el", []spelling{
		full("ιανουαρίου", 1), full("φεβρουαρίου", 2), full("μαρτίου", 3), full("απριλίου", 4), full("μαΐου", 5),
		full("ιουνίου", 6), full("ιουλίου", 7), full("αυγούστου", 8), full("σεπτεμβρίου", 9), full("οκτωβρίου", 10),
		full("νοεμβρίου", 11), full("δεκεμβρίου", 12),
	}},
	{"ga", []spelling{
		full("eanáir", 1), full("feabhra", 2), full("márta", 3), full("aibreán", 4), full("bealtaine", 5),
		full("meitheamh", 6), full("iúil", 7), full("lúnasa", 8), full("samhain", 11), full("nollaig", 12),
	}},
	{"mt", []spelling{
		full("jannar", 1), full("frar", 2), full("marzu", 3), full("mejju", 5), full("ġunju", 6), full("lulju", 7),
		full("awwissu", 8), full("settembru", 9), full("ottubru", 10), full("novembru", 11), full("diċembru", 12),
	}},
	{"tr", []spelling{
		full("ocak", 1), full("şubat", 2), full("mart", 3), full("nisan", 4), full("mayıs", 5), full("haziran", 6),
		full("temmuz", 7), full("ağustos", 8), full("eylül", 9), full("ekim", 10), full("kasım", 11),
		full("aralık", 12),
	}},
	// Arabic: the Egyptian and Gulf names, with and without hamza, and
	// the Levantine one-word names.
	{"ar", []spelling{
		full("يناير", 1), full("فبراير", 2), full("مارس", 3), full("أبريل", 4), full("ابريل", 4), full("إبريل", 4),
		full("مايو", 5), full("يونيو", 6), full("يوليو", 7), full("أغسطس", 8), full("اغسطس", 8), full("سبتمبر", 9),
		full("أكتوبر", 10), full("اكتوبر", 10), full("نوفمبر", 11), full("ديسمبر", 12), full("شباط", 2),
		full("آذار", 3), full("نيسان", 4), full("أيار", 5), full("حزيران", 6), full("تموز", 7), full("آب", 8),
		full("أيلول", 9),
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
