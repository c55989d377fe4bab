package entities

import (
	"slices"

	"github.com/rinse-etl/rinse/internal/lexicon"
)

// Word lists of the person and acronym heuristics. Keys are lower-case.

// honorifics introduce a person's name: "Dr. Jane Goodall", "President
// Obama". The honorific itself is not part of the name.
var honorifics = wordSet(
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", // courtesy and academic titles
	"president", "vice-president", "premier", "chancellor", "minister", "secretary", "ambassador", // offices
	"senator", "sen", "rep", "representative", "governor", "gov", "mayor", "judge", "justice", // elected and judicial
	"king", "queen", "prince", "princess", "emperor", "pope", "cardinal", "bishop", "rabbi", "imam", // rulers and clergy
	"general", "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "admiral", "sergeant", "sgt", "marshal", // ranks
	"herr", "frau", "monsieur", "madame", "mme", "señor", "señora", "signor", "signora", // other languages' courtesy titles
)

// nameParticles may stand between the words of a name ("Marieke de
// Vries", "Ludwig van Beethoven") but never start or end one.
var nameParticles = wordSet("de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ten", "ter", "bin", "ibn", "al", "dos", "das", "y")

// speechVerbs after a capitalized pair mark it as a person: "Neil
// Armstrong said".
var speechVerbs = wordSet("said", "says", "told", "tells", "wrote", "writes", "added", "explained", "argued", "noted", "stated", "recalled", "asked", "replied", "insisted", "admitted", "warned", "claimed", "announced", "who")

// nonNameWords are capitalized words that are never part of a person's
// name: function words that start sentences or headings, calendar words
// (which are capitalized in English: the English month names and their
// abbreviations, the weekday names) and common heading words.
var nonNameWords = wordSet(slices.Concat(lexicon.MonthWords("en", true), lexicon.WeekdayWords("en", false), []string{
	"the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "from", "by", "with", "of", "to", "and", "or", "but", "if", "as", "after", "before", "during", "when", "while", "since", "although", "however", "meanwhile", "yet", "so", "then", "there", "here", "it", "its", "we", "our", "they", "their", "he", "she", "his", "her", "i", "you", "your", "my", "what", "who", "why", "how", "where", "all", "some", "many", "most", "more", "no", "not", "every", "each", "both", "other", "another", "new", "old", "according", // function words
	"today", "yesterday", "tomorrow", // days beside the weekday names
	"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", // compass words start place names
	"cold", "war", "world", "great", "first", "second", "read", "more", "share", "explore", "home", "news", "top", "updated", "published", "edited", "featured", "min", // heading and navigation words
	"university", "college", "school", "street", "avenue", "road", "river", "lake", "mount", "island", "islands", "city", "county", "state", "republic", "kingdom", "empire", "church", "museum", "hospital", "airport", "station", "park", "bridge", "hotel", // place and institution heads
	"inc", "ltd", "corp", "llc", "gmbh", "company", "group", "party", "movement", "agency", "network", "council", "committee", "ministry", "department", "foundation", "institute", "association", "union", "bank", "fund", // organization heads
})...)

// orgHeads are the head words of organization names: a page-defined
// acronym whose long form contains one is typed "organization" ("History
// Editorial Network (HEN)"); other unknown long forms are typed "other".
var orgHeads = wordSet(
	"organization", "organisation", "movement", "union", "association", "alliance", "league", "federation", "council", "committee", "commission", "assembly", "parliament", "congress", "court", "party", "front", // political bodies
	"agency", "administration", "authority", "bureau", "office", "service", "department", "ministry", "board", "institute", "institution", "center", "centre", "laboratory", "programme", "program", // public bodies
	"bank", "fund", "corporation", "company", "group", "network", "society", "foundation", "trust", "university", "college", "academy", "school", "inc", "ltd", "corp", "llc", // companies, charities, schools
	"forces", "army", "navy", "command", "pact", "treaty", // military bodies
)

// acronymFillers are skipped when matching an acronym's letters to its
// long form: "Organization of the Petroleum Exporting Countries" (OPEC).
var acronymFillers = wordSet("of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "et", "&")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
