package metadata

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/internal/lexicon"
)

// Rules that tidy one author value before it is split into names, and
// one name after the split. Each catches a kind of leftover that bylines
// and author metadata carry around the names themselves.

// authorQuotes wrap a whole value in some CMS exports: "'Anna, Ben'".
const authorQuotes = `'"‘’‚“”„«»`

// roleLabel is a leading label naming a role, with or without a byline
// word: "Interview:", "Text und Interview:", "Autor/in:", "Fotos & Text:".
var roleLabel = regexp.MustCompile(`^(?:\p{L}[\p{L}/-]*(?:\s+(?:und|and|&|/|,)\s+\p{L}[\p{L}/-]*)?)\s*(?::\s+|：\s*)`)

// laterLabel is a second label after the names, as in "Anna Muster
// Foto: Ben Beispiel" or "Anna Muster , Datum: 15.06.": the names end there.
var laterLabel = regexp.MustCompile(`(?i)[\s,]+(?:fotos?|photos?|bilder?|datum|date|video|kamera|grafik|illustrations?|quelle|source|interview|text|übersetzung|translation|mitarbeit|veröffentlicht|aktualisiert|published|updated)\s*:`)

// profileLinkTail is an author box's link text run into the name:
// "Anna Muster Alle Artikel", "Ben Beispiel View all posts".
var profileLinkTail = regexp.MustCompile(`(?i)\s+(?:(?:view|see|show|zeige)\s+)?(?:alle|all|mehr|more|weitere|other)\s+(?:artikel|articles|beiträge|posts|stories|texte)\b.*$`)

// creditLine is a theme, design or hosting credit ("Theme: X von Y",
// "Powered by WordPress"), never an article's author.
var creditLine = regexp.MustCompile(`(?i)^(?:theme|design|template|hosting)\b|\b(?:powered|designed|developed|hosted)\s+by\b|\bwordpress\b`)

// innerByline finds a byline word after a separator that follows a date
// or category: "29. Juni 2017 · von Anna Muster".
var innerByline = regexp.MustCompile(`(?i)[·|•]\s*((?:written\s+|posted\s+|geschrieben\s+)?(?:` + lexicon.Alternation(lexicon.BylineWords()) + `)\s+\S.*)$`)

// gluedLabel is a label run into the name by the page's markup
// ("AuthorAnna Muster") or set before it without a colon ("Autor Anna
// Muster").
var gluedLabel = regexp.MustCompile(`^(?:Author|Autor|Autorin|Auteur|By|Von)(?:\s*:)?\s*(\p{Lu}\p{Ll})`)

// softHyphens break long names for layout ("Mat\u00adthi\u00adas"); the
// name is the same without them.
var softHyphens = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "")

// markupLeft is markup left in a value as text: a <noscript> fallback
// read as text ("Anna Muster <img src=…>"), or a tag cut off.
var markupLeft = regexp.MustCompile(`<[^>]*(?:>|$)`)

// tidyAuthorValue applies the value-level rules to one raw value.
func tidyAuthorValue(r string) string {
	if strings.ContainsRune(r, '&') {
		// Entities escaped once too often ("Anna &amp;amp; Ben").
		r = html.UnescapeString(html.UnescapeString(r))
	}
	if strings.ContainsRune(r, '<') {
		r = markupLeft.ReplaceAllString(r, " ")
	}
	r = strings.Trim(dom.Collapse(softHyphens.Replace(r)), authorQuotes+" ")
	if m := innerByline.FindStringSubmatch(r); m != nil && hasDigit(r[:len(r)-len(m[1])]) {
		r = m[1]
	}
	r = bylinePrefix.ReplaceAllString(strings.TrimLeft(r, "-–—|·• "), "")
	r = gluedLabel.ReplaceAllString(r, "$1")
	if creditLine.MatchString(r) {
		return ""
	}
	r = roleLabel.ReplaceAllString(r, "")
	if loc := laterLabel.FindStringIndex(r); loc != nil {
		r = r[:loc[0]]
	}
	return profileLinkTail.ReplaceAllString(r, "")
}

// credentials are degrees and titles written after a name and a comma
// ("Grant Muster, PhD"): split off, they are no names of their own
// (lower-case, without dots).
var credentials = map[string]bool{
	"phd": true, "md": true, "ms": true, "msc": true, "ma": true, "bsc": true, "ba": true,
	"rd": true, "rdn": true, "ld": true, "ldn": true, "mba": true, "rn": true, "mph": true,
	"cscs": true, "cpt": true, "facs": true, "facp": true, "dds": true, "dmd": true,
	"psyd": true, "lcsw": true, "np": true, "jr": true, "sr": true, "llm": true, "mfa": true,
}

// roleWords name a job; a name's first word ending in one is a role put
// before the name: "Gastautor Anna Muster", "Online-Experte Ben Beispiel".
var roleWords = []string{
	"experte", "expertin", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
	"reporter", "reporterin", "editor", "editorin", "gastautor", "gastautorin", "kolumnist", "kolumnistin",
}

// agencyTail is a news agency's short name after a slash: "Anna Muster/dpa".
var agencyTail = regexp.MustCompile(`^(.+?)\s*/\s*[\p{L}][\p{L}-]{1,7}$`)

// dropRoleParts keeps the names of a byline whose comma-separated parts
// after the first are the writer's role or news agency ("Anna Muster,
// Senior Editor", "Jane Roe, Reuters"): those parts go, the name stays.
func dropRoleParts(r string) string {
	parts := strings.Split(r, ",")
	if len(parts) < 2 {
		return r
	}
	kept := parts[:1]
	for _, p := range parts[1:] {
		if !isRoleOrAgency(p) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ",")
}

// isRoleOrAgency reports whether a part of a byline names a job (one of
// its words is a role word) or a news agency.
func isRoleOrAgency(p string) bool {
	if lexicon.IsAgency(p) {
		return true
	}
	for _, w := range strings.Fields(p) {
		if lexicon.IsRoleWord(strings.Trim(w, ".:;()")) {
			return true
		}
	}
	return false
}

// isAtHandle reports whether s is a social media handle ("@anna_m"):
// kept as the page writes it, unlike an e-mail address.
func isAtHandle(s string) bool {
	return strings.HasPrefix(s, "@") && strings.Count(s, "@") == 1 && isHandle(s[1:])
}

// tidyName applies the name-level rules to one split-off name; it
// returns "" for what is no name.
func tidyName(name string) string {
	name = strings.Trim(name, authorQuotes+" ,:;-–—/")
	name = trimFinalDot(name)
	name = undouble(name)
	low := strings.ToLower(strings.ReplaceAll(name, ".", ""))
	if utf8.RuneCountInString(strings.TrimRight(name, ".")) < 2 || strings.ContainsAny(name, "!?") || credentials[low] || hasDigit(name) && !isHandle(strings.TrimPrefix(name, "@")) {
		return ""
	}
	if words := strings.Fields(name); len(words) >= 3 && hasRoleSuffix(words[0]) {
		name = strings.Join(words[1:], " ")
	} else if len(words) >= 3 && hasRoleSuffix(words[len(words)-1]) {
		name = strings.Join(words[:len(words)-1], " ") // "Anna Muster Chefredakteurin"
	}
	if m := agencyTail.FindStringSubmatch(name); m != nil && len(strings.Fields(m[1])) >= 2 && looksLikeName(m[1]) {
		name = m[1]
	}
	return name
}

// undouble returns once a name that a page sets twice in a row (for
// screen readers and the eye, for two layouts): "user5105user5105",
// "Anna Muster Anna Muster".
func undouble(name string) string {
	const minDoubled = 4 // "JIJI", "R. R." are names
	if h := len(name) / 2; len(name)%2 == 0 && h >= minDoubled && name[:h] == name[h:] {
		return name[:h]
	}
	if h := len(name) / 2; len(name)%2 == 1 && h >= minDoubled && name[h] == ' ' && name[:h] == name[h+1:] {
		return name[:h]
	}
	return name
}

func hasRoleSuffix(w string) bool {
	w = strings.ToLower(w)
	for _, r := range roleWords {
		if strings.HasSuffix(w, r) {
			return true
		}
	}
	return false
}

// trimFinalDot drops a sentence's final period but keeps the one closing
// an initial or abbreviation: "R. R.", "Anna Muster Jr.", "F.A.Z.".
func trimFinalDot(name string) string {
	if !strings.HasSuffix(name, ".") {
		return name
	}
	body := strings.TrimRight(name, ".")
	words := strings.Fields(body)
	if len(words) == 0 {
		return ""
	}
	last := words[len(words)-1]
	if utf8.RuneCountInString(last) == 1 || strings.Contains(last, ".") || last == "Jr" || last == "Sr" {
		return body + "."
	}
	return body
}

// isHandle reports whether s is a user name with digits ("freeman1984"),
// one word starting with a letter: a date or time never is.
func isHandle(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) || utf8.RuneCountInString(s) < 3 {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '_' && c != '-' {
			return false
		}
	}
	return true
}
