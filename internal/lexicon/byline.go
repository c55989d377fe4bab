package lexicon

import (
	"regexp"
	"sort"
	"strings"
)

// Bylines in the languages most common on the web: the words that put a
// name after them ("By Anna", "Von Anna", "Przez Anna"), the labels that
// name it before a colon ("Autor: Anna", "작성자: 김철수"), the roles and
// news agencies written after a name and a comma ("Anna Muster, Senior
// Editor", "Jane Roe, Reuters"). All lower-case.

// bylineWords introduce names with no colon: English, German, French,
// Spanish and Portuguese, Italian, Dutch, the Scandinavian languages,
// Polish, Indonesian and Malay, Greek, Vietnamese. Words that as often
// open a sentence ("da", "od", "от") count only after a lead word
// ("scritto da"); languages that write it after the name (Turkish "Anna
// tarafından", Hungarian) or only with a label (Russian "Автор:") are
// in authorLabels.
var bylineWords = []string{
	"by", "von", "vom", "par", "por", "di", "door", "av", "af",
	"przez", "autorstwa", "oleh", "από", "bởi", "scritto da", "pubblicato da", "a cura di",
}

// bylineLeads stand before a byline word: "Written by", "Posted by",
// "Updated By:", "Geschrieben von", "Publié par", "Scritto da".
var bylineLeads = []string{
	"written", "posted", "updated", "published", "recipe", "story", "words", "reporting",
	"photos", "photo", "geschrieben", "verfasst", "erstellt", "aktualisiert", "publié", "écrit", "rédigé",
	"publicado", "escrito", "scritto", "pubblicato", "geschreven", "skrevet", "skriven", "napisane",
	"napsal", "napisal", "napisao", "написано", "опубліковано",
}

// authorLabels name the author before a colon.
var authorLabels = []string{
	"author", "authors", "autor", "autorin", "autoren", "autores", "autora", "auteur", "auteurs",
	"autore", "autrice", "autori", "text", "texte", "texto", "testo", "redaktion", "redacción",
	"redação", "redazione", "schrijver", "forfatter", "författare", "skribent", "kirjoittaja",
	"szerző", "συντάκτης", "συγγραφέας", "автор", "автори", "авторы", "yazar", "penulis",
	"tác giả", "作者", "著者", "記者", "记者", "作成者", "작성자", "기자", "글", "kirjoittanut",
	"reporter", "journalist", "bearbeitet von",
}

// roleWords name a writer's job; a part after a name and a comma that
// holds one is the role, not another name.
var roleWords = []string{
	"editor", "reporter", "correspondent", "writer", "contributor", "staff", "journalist",
	"columnist", "photographer", "producer", "analyst", "director", "chief", "senior", "intern",
	"redakteur", "redakteurin", "korrespondent", "korrespondentin", "journalistin", "autorin",
	"volontär", "volontärin", "chefredakteur", "chefredakteurin", "ressortleiter", "ressortleiterin",
	"rédacteur", "rédactrice", "journaliste", "correspondant", "correspondante", "envoyé", "envoyée",
	"periodista", "redactor", "redactora", "corresponsal", "enviado", "enviada", "giornalista",
	"redattore", "redattrice", "corrispondente", "inviato", "inviata", "jornalista", "repórter",
	"verslaggever", "redacteur", "correspondente", "dziennikarz", "dziennikarka", "redaktor",
	"корреспондент", "журналист", "редактор", "muhabir", "editör", "muhabiri",
}

// agencies are news agencies named after a writer: "Jane Roe, Reuters".
var agencies = []string{
	"reuters", "ap", "afp", "dpa", "efe", "ansa", "apa", "sda", "kna", "epd", "bloomberg", "pti",
	"ians", "xinhua", "tass", "ria novosti", "kyodo", "jiji", "yonhap", "anadolu", "associated press",
	"agence france-presse", "press association", "pa", "aa", "ap photo", "dpa-afx", "keystone-sda",
	"europa press", "lusa", "belga", "anp", "ntb", "tt", "ritzau", "stt", "ctk", "pap", "mti",
	"kathpress", "kap", "dts", "sid", "ddp",
}

// sourceLabels credit where an article came from before a colon, as
// the last line of the text: "Quelle: kathpress", "Source: AFP".
var sourceLabels = []string{
	"quelle", "source", "fuente", "fonte", "bron", "kilde", "källa", "lähde", "źródło", "zdroj",
	"forrás", "izvor", "sursa", "πηγή", "источник", "джерело", "kaynak",
}

var (
	roleSet   = setOf(roleWords)
	agencySet = setOf(agencies)
)

func setOf(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// IsRoleWord reports whether w, in any case, names a writer's job.
func IsRoleWord(w string) bool { _, ok := Lookup(roleSet, w); return ok }

// IsAgency reports whether s, in any case, names a news agency.
func IsAgency(s string) bool { return agencySet[strings.ToLower(strings.TrimSpace(s))] }

// SourceLabels returns the labels that credit an article's source
// before a colon.
func SourceLabels() []string { return append([]string(nil), sourceLabels...) }

// BylineWords returns the words that put a name after them, lower-case.
func BylineWords() []string { return append([]string(nil), bylineWords...) }

// BylineLeads returns the words that stand before a byline word.
func BylineLeads() []string { return append([]string(nil), bylineLeads...) }

// AuthorLabels returns the labels that name the author before a colon.
func AuthorLabels() []string { return append([]string(nil), authorLabels...) }

// Alternation joins words into a regular expression alternation, longest
// first so that a longer word wins over its prefix, each quoted.
func Alternation(words []string) string {
	ws := append([]string(nil), words...)
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, "|")
}
