package dates

import "strings"

// Language tables for the date finder. Lookups are case-insensitive
// (lexicon.Lookup); keys are lower case. Month names are in package
// lexicon, shared with the byline reader.

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
