package transform

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Language tables for the date finder. Lookups are case-insensitive; keys
// are lower case.

// monthName is one spelling of a month.
type monthName struct {
	month int
	// abbr marks abbreviations: they count only in full day-month-year
	// dates, where the numbers around them leave no doubt.
	abbr bool
	// capital marks English month names that are also ordinary words
	// ("may", "march"); they count only when written with a capital.
	capital bool
}

// monthNames lists month spellings by language. Names shared by several
// languages appear once.
var monthNames = map[string]monthName{
	// English, full names; may/march/august are also common words.
	"january": {month: 1}, "february": {month: 2}, "march": {month: 3, capital: true},
	"april": {month: 4}, "may": {month: 5, capital: true}, "june": {month: 6},
	"july": {month: 7}, "august": {month: 8, capital: true}, "september": {month: 9},
	"october": {month: 10}, "november": {month: 11}, "december": {month: 12},
	// English abbreviations (also cover "Sept." and German/Dutch "Okt."/"Mrt.").
	"jan": {1, true, false}, "feb": {2, true, false}, "mar": {3, true, true}, "apr": {4, true, false},
	"jun": {6, true, false}, "jul": {7, true, false}, "aug": {8, true, false}, "sep": {9, true, false},
	"sept": {9, true, false}, "oct": {10, true, false}, "nov": {11, true, false}, "dec": {12, true, false},
	// German; Juni/Juli/April/August/September/November are shared above or below.
	"januar": {month: 1}, "jänner": {month: 1}, "februar": {month: 2}, "märz": {month: 3},
	"maerz": {month: 3}, "mai": {month: 5}, "juni": {month: 6}, "juli": {month: 7},
	"oktober": {month: 10}, "dezember": {month: 12},
	"jän": {1, true, false}, "mär": {3, true, false}, "okt": {10, true, false}, "dez": {12, true, false},
	// French.
	"janvier": {month: 1}, "février": {month: 2}, "fevrier": {month: 2}, "mars": {month: 3},
	"avril": {month: 4}, "juin": {month: 6}, "juillet": {month: 7}, "août": {month: 8},
	"aout": {month: 8}, "septembre": {month: 9}, "octobre": {month: 10}, "novembre": {month: 11},
	"décembre": {month: 12}, "decembre": {month: 12},
	"janv": {1, true, false}, "févr": {2, true, false}, "fév": {2, true, false}, "avr": {4, true, false},
	"juil": {7, true, false}, "déc": {12, true, false},
	// Spanish.
	"enero": {month: 1}, "febrero": {month: 2}, "marzo": {month: 3}, "abril": {month: 4},
	"mayo": {month: 5}, "junio": {month: 6}, "julio": {month: 7}, "agosto": {month: 8},
	"septiembre": {month: 9}, "setiembre": {month: 9}, "octubre": {month: 10},
	"noviembre": {month: 11}, "diciembre": {month: 12},
	"ene": {1, true, false}, "abr": {4, true, false}, "ago": {8, true, false}, "dic": {12, true, false},
	// Italian.
	"gennaio": {month: 1}, "febbraio": {month: 2}, "aprile": {month: 4}, "maggio": {month: 5},
	"giugno": {month: 6}, "luglio": {month: 7}, "settembre": {month: 9}, "ottobre": {month: 10},
	"dicembre": {month: 12},
	"gen":      {1, true, false}, "mag": {5, true, false}, "giu": {6, true, false}, "lug": {7, true, false},
	"set": {9, true, true}, "ott": {10, true, false},
	// Portuguese.
	"janeiro": {month: 1}, "fevereiro": {month: 2}, "março": {month: 3}, "marco": {month: 3},
	"maio": {month: 5}, "junho": {month: 6}, "julho": {month: 7}, "setembro": {month: 9},
	"outubro": {month: 10}, "novembro": {month: 11}, "dezembro": {month: 12},
	"fev": {2, true, false}, "out": {10, true, true},
	// Dutch.
	"januari": {month: 1}, "februari": {month: 2}, "maart": {month: 3}, "mei": {month: 5},
	"augustus": {month: 8}, "mrt": {3, true, false},
	// Russian, genitive as in "15 августа 2016" (datelines of news sites).
	"января": {month: 1}, "февраля": {month: 2}, "марта": {month: 3}, "апреля": {month: 4},
	"мая": {month: 5}, "июня": {month: 6}, "июля": {month: 7}, "августа": {month: 8},
	"сентября": {month: 9}, "октября": {month: 10}, "ноября": {month: 11}, "декабря": {month: 12},
	// Polish, genitive as in "3 marca 2020".
	"stycznia": {month: 1}, "lutego": {month: 2}, "marca": {month: 3}, "kwietnia": {month: 4},
	"maja": {month: 5}, "czerwca": {month: 6}, "lipca": {month: 7}, "sierpnia": {month: 8},
	"września": {month: 9}, "października": {month: 10}, "listopada": {month: 11}, "grudnia": {month: 12},
}

// ordinalSuffixes follow a day number: "1st", "1er", "1º", "1ª".
var dayOrdinals = map[string]bool{
	"st": true, "nd": true, "rd": true, "th": true, // English
	"er": true, "re": true, // French "1er"
	"º": true, "ª": true, "o": true, // Spanish, Italian, Portuguese "1º"
}

// dateJoiners may stand between day, month and year: "4 de mayo de 2023",
// "the 1st of August".
var dateJoiners = map[string]bool{"de": true, "del": true, "of": true}

// yearContext are words after which a bare four-digit number is a year.
var yearContext = map[string]bool{
	// English prepositions and time words.
	"in": true, "since": true, "until": true, "till": true, "from": true, "during": true,
	"before": true, "after": true, "around": true, "circa": true, "ca": true, "c": true,
	"year": true, "early": true, "late": true, "mid": true, "by": true, "through": true,
	"spring": true, "summer": true, "autumn": true, // "winter" is under German
	// German.
	"im": true, "jahr": true, "jahre": true, "jahres": true, "seit": true, "bis": true,
	"ab": true, "anno": true, "um": true, "nach": true, "vor": true, "frühjahr": true,
	"sommer": true, "herbst": true, "winter": true, "ende": true, "anfang": true, "mitte": true,
	// French.
	"en": true, "depuis": true, "dès": true, "année": true, "jusqu": true, "vers": true,
	"avant": true, "après": true, "fin": true, "début": true, "printemps": true, "été": true,
	"automne": true, "hiver": true,
	// Spanish and Portuguese.
	"desde": true, "hasta": true, "año": true, "em": true, "ano": true, "até": true,
	"durante": true, "antes": true, "após": true,
	// Italian.
	"nel": true, "nell": true, "dal": true, "dall": true, "fino": true, "prima": true,
	"dopo": true, "estate": true, "inverno": true,
	// Dutch.
	"sinds": true, "vanaf": true, "jaar": true, "tot": true,
}

// yearContextOf are two-word contexts ending in "of"/"de"/"del" — those
// words alone also introduce counts ("of 1975 people").
var yearContextOf = map[string]bool{
	"summer of": true, "spring of": true, "autumn of": true, "fall of": true,
	"winter of": true, "end of": true, "start of": true, "beginning of": true,
	"class of": true, "middle of": true, "year of": true,
	"fin de": true, "finales de": true, "principios de": true, "año de": true,
	"ano de": true, "verano de": true, "fine del": true, "inizio del": true,
	"début de": true, "fim de": true, "inícios de": true, "estate del": true,
	"prima del": true, "dopo il": true, "metà del": true, "antes de": true,
	"después de": true, "partir de": true, "depois de": true,
}

// yearConjunctions continue a list of years: "in 1961 and 1975".
var yearConjunctions = map[string]bool{
	"and": true, "or": true, "und": true, "oder": true, "et": true, "ou": true,
	"y": true, "e": true, "o": true, "en": true,
}

// rangeStarters introduce a span of years ("between 1961 and 1975").
var rangeStarters = map[string]bool{
	"from": true, "between": true, "von": true, "zwischen": true, "de": true, "du": true,
	"entre": true, "dal": true, "tra": true, "fra": true, "desde": true, "van": true, "tussen": true,
}

// rangeJoiners stand between the years of a span.
var rangeJoiners = map[string]bool{
	"to": true, "and": true, "until": true, "till": true, "bis": true, "und": true,
	"à": true, "au": true, "et": true, "a": true, "al": true, "y": true, "e": true,
	"hasta": true, "tot": true, "en": true,
}

// countWords after a four-digit number mean it counts something: "by 1975
// votes", "in 2000 meters".
var yearCountWords = map[string]bool{
	"people": true, "persons": true, "votes": true, "members": true, "times": true,
	"pages": true, "words": true, "units": true, "copies": true, "km": true, "m": true,
	"meters": true, "metres": true, "feet": true, "ft": true, "miles": true, "kg": true,
	"tons": true, "tonnes": true, "dollars": true, "euros": true, "euro": true, "usd": true,
	"eur": true, "points": true, "calories": true, "kcal": true, "mm": true, "cm": true,
	"mg": true, "ml": true, "hours": true, "minutes": true, "students": true, "jobs": true,
	"menschen": true, "personen": true, "stimmen": true, "mal": true, "seiten": true,
	"personnes": true, "habitants": true, "voix": true, "fois": true, "mètres": true,
	"personas": true, "votos": true, "metros": true, "veces": true, "persone": true,
	"voti": true, "metri": true, "volte": true, "pessoas": true, "mensen": true, "keer": true,
	"人": true, "名": true, "円": true, "元": true, "個": true, "个": true,
}

// era is a word after a year naming its era.
type dateEra struct {
	common bool // common era; years before it are left out
	dot    bool // only counts followed by "." ("n. Chr.", not "1975 a new")
}

// eras after a year, lower case.
var dateEras = map[string]dateEra{
	"ad": {common: true}, "ce": {common: true}, "bc": {}, "bce": {},
	"n": {common: true, dot: true}, "v": {dot: true}, // German "n./v. Chr."
	"apr": {common: true, dot: true}, "av": {dot: true}, // French "apr./av. J.-C."
	"d": {common: true, dot: true}, "a": {dot: true}, // Spanish/Italian "d.C./a.C."
}

// dayFirstByDefault: languages that write ambiguous numeric dates (05/04/2023)
// day first. English is not listed: with slashes it is read month first
// (the US habit dominates English pages), with dots or dashes ("1.5.2023")
// it is more often a version than a date and is left out; ja/zh/ko write
// year-month-day, so a two-number-first form there is left out too.
var dayFirstByDefault = map[string]bool{
	"de": true, "fr": true, "es": true, "it": true, "pt": true, "nl": true, "ru": true,
	"pl": true, "cs": true, "da": true, "sv": true, "no": true, "nb": true, "fi": true,
	"tr": true, "el": true, "ro": true, "hu": true, "uk": true, "ca": true, "id": true,
}

// dayFirstEnglish are the regions whose English writes numeric dates day
// first (02/10/2020 is 2 October).
var dayFirstEnglish = map[string]bool{
	"GB": true, "UK": true, "IE": true, "AU": true, "NZ": true, "IN": true, "ZA": true,
	"SG": true, "MY": true, "PK": true, "NG": true, "KE": true, "HK": true,
}

// dateLang is the language the date finder reads a page in: its language
// code, with the region after a hyphen when that changes how numeric
// dates read ("en-GB").
func dateLang(lang, region string) string {
	if lang == "en" && dayFirstEnglish[region] {
		return "en-" + region
	}
	return lang
}

// splitDateLang undoes dateLang: the language code, and whether numeric
// dates read day first in its region.
func splitDateLang(lang string) (string, bool) {
	base, region, ok := strings.Cut(lang, "-")
	if !ok {
		return lang, false
	}
	return base, dayFirstEnglish[strings.ToUpper(region)]
}

// lookupLower looks s up in m ignoring case, without allocating.
func dateLookup[V any](m map[string]V, s string) (V, bool) {
	var buf [48]byte
	b := buf[:0]
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if len(b)+utf8.UTFMax > len(buf) {
			var zero V
			return zero, false
		}
		b = utf8.AppendRune(b, r)
	}
	v, ok := m[string(b)]
	return v, ok
}
