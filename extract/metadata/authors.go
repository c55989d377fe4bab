package metadata

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rinse-etl/rinse/internal/lexicon"
)

// bylinePrefix matches the "By" and "Updated By:" introducing names.
// The words come from package lexicon, in the languages most common on
// the web.
var bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:(?:view|see|show|zeige)\s+)?(?:all\s+|alle\s+)?(?:posts|articles|stories|beiträge|artikel)\s+(?:by|von)(?:\s+|$)|(?:(?:` +
	lexicon.Alternation(lexicon.BylineLeads()) + `)\s+)?(?:` + lexicon.Alternation(lexicon.BylineWords()) + `)(?:[:\s]+|$)|(?:` +
	lexicon.Alternation(lexicon.AuthorLabels()) + `)\s*[:：]\s*)`)

// authorSplit separates several names in one byline.
var authorSplit = regexp.MustCompile(`\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*`)

// cleanAuthors turns raw author strings into distinct names: no "By",
// no dates or roles after a separator; bylines (split) may hold several
// names, structured values ("Arts and Culture Desk") are one name each.
func cleanAuthors(raw []string, split bool) []string {
	var out []string
	for _, r := range raw {
		r = tidyAuthorValue(r)
		if i := strings.IndexAny(r, "|•·\n(—"); i >= 0 && !acronymTail(r[i:]) && !innerParens(r[i:]) {
			r = r[:i] // a role, a date or a site after the names
		}
		if split {
			r = dropRoleParts(cutAtDate(r))
			if i := strings.Index(r, ": "); i > 0 {
				r = r[:i] // "Anna Muster: Übersetzung Ben Beispiel", a role after the names
			}
		}
		if strings.Contains(r, "://") || strings.Contains(r, "@") && !isAtHandle(r) || strings.Contains(r, "[at]") || len(r) > 120 {
			continue
		}
		if i := strings.Index(r, " - "); i > 0 {
			r = r[:i] // "Anna Muster - Example Safety team": hyphenated names have no spaces
		}
		if i := strings.Index(r, " – "); i > 0 {
			r = r[:i]
		}
		names := []string{r}
		if split {
			names = authorSplit.Split(r, -1)
		}
		for _, name := range names {
			if name = tidyName(name); name != "" {
				out = appendUnique(out, name)
			}
		}
	}
	return out
}

// acronymTail reports whether s is a parenthesized acronym ending the
// value, as in "History Editorial Network (HEN)": part of the name, not a
// role such as "(Reporter)".
func acronymTail(s string) bool {
	if len(s) < 4 || s[0] != '(' || s[len(s)-1] != ')' || len(s) > 12 {
		return false
	}
	for _, c := range s[1 : len(s)-1] {
		if !(c >= 'A' && c <= 'Z' || c == '&') {
			return false
		}
	}
	return true
}

// innerParens reports whether s opens a parenthesis inside a name, with
// the name going on after it: "Bruno (Henrique Muster) Rodrigues".
func innerParens(s string) bool {
	inner, rest, ok := strings.Cut(s, ")")
	if !ok || !strings.HasPrefix(inner, "(") || strings.ContainsAny(inner, "0123456789") {
		return false
	}
	return looksLikeName(inner[1:]) && looksLikeName(rest)
}

// dateLeadWords introduce the date or time after a byline's names, with
// the month and weekday names of package lexicon ("Anna Muster Fr, 18.
// Mai", "Jane Roe - Apr 12, 2019", "Jane Roe March 25, 2015").
var dateLeadWords = map[string]bool{
	"at": true, "on": true, "um": true, "am": true, "le": true, "el": true, "il": true,
	"op": true, "-": true, "–": true, "—": true, "/": true,
	// relative times and date labels: "vor 3 Stunden", "před 2 hodinami",
	// "hace 3 horas", "il y a 2 jours", "Last updated: 7 May"
	"vor": true, "před": true, "hace": true, "há": true, "y": true, "a": true,
	"last": true, "updated": true, "published": true, "posted": true,
	"aktualisiert": true, "veröffentlicht": true, "publié": true, "publicado": true,
}

// leadsDate reports whether w, lower-case, introduces a date after a
// byline's names.
func leadsDate(w string) bool {
	return dateLeadWords[w] || lexicon.IsMonth(w) || lexicon.IsWeekday(w)
}

// cutAtDate cuts a byline before its first word holding a digit, with
// the words introducing it: "Anna Muster at 18:52" gives "Anna Muster".
func cutAtDate(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if !hasDigit(w) || isHandle(w) {
			continue // "freeman1984" is a user name, no date
		}
		for i > 0 && leadsDate(strings.Trim(strings.ToLower(words[i-1]), ",.:")) {
			i--
		}
		return strings.Join(words[:i], " ")
	}
	return s
}

// author chooses the page's author names, joined by "; ": declared
// values first, then names shown on the page. Names that are the site's
// own are left out.
func (m *Meta) author() string {
	site := m.siteKeys()
	shown := [][]string{m.itemAuthor, m.relAuthor, m.bylines, m.shownBy}
	authors := m.declaredAuthors(site, shown) // already in the page's spelling
	if len(authors) == 0 {
		authors = firstShown(shown, site)
		for i, a := range authors {
			authors[i] = displayName(a, append(shown, m.props["author"]))
		}
	}
	if len(authors) == 0 && m.replyBy != "" {
		// The blog names its writer only where the writer answers a
		// comment.
		authors = dropJunkAuthors([]string{m.replyBy})
	}
	for i, a := range authors {
		authors[i] = expandInitials(a, m.ccNames)
	}
	return strings.Join(authors, "; ")
}

// firstShown is the names of the first shown value that yields any:
// later ones are often comment authors or related-article bylines.
func firstShown(shown [][]string, site map[string]bool) []string {
	for _, list := range shown {
		for _, v := range list {
			if names := keepAuthors([]string{v}, true, site); len(names) > 0 {
				return names
			}
		}
	}
	return nil
}

// expandInitials replaces a writer's initials ("DT") by the full name
// the page gives elsewhere with the same initials ("Donald Townsend" in
// its licence's attribution).
func expandInitials(name string, full []string) string {
	if utf8.RuneCountInString(name) > 3 || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return name
	}
	for _, f := range full {
		if personLike(f) && initialsOf(f) == name {
			return f
		}
	}
	return name
}

// SiteOwner is the person a personal site is named after ("Essay |
// Anna Muster" as the title, og:site_name "Dr. Anna Muster") or that
// holds its copyright ("(c) Anna Muster"), the last resort for pages
// that name no author: two or three capitalized words, the first a
// common given name, without an academic title.
func (m *Meta) SiteOwner() string {
	parts := siteNameParts.Split(m.title, -1)
	cands := []string{m.first("og:site_name")}
	if len(parts) > 1 {
		cands = append(cands, parts[len(parts)-1])
	}
	for _, c := range append(cands, m.copyright) {
		c = academicTitle.ReplaceAllString(strings.TrimSpace(c), "")
		words := strings.Fields(c)
		if personLike(c) && lexicon.IsGiven(strings.ToLower(words[0])) {
			return c
		}
	}
	return ""
}

// copyrightLine is a copyright notice and its holder: "© 2021 Anna
// Muster", "(c) Anna Muster • Impressum", "Copyright 2015-2021 by Anna
// Muster. All rights reserved".
var copyrightLine = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?(?:by\s+)?(\p{Lu}[^|•·,.©]{1,40}?)\s*(?:$|[|•·,.©-])`)

// copyrightHolder is the holder a copyright notice t names, or "".
func copyrightHolder(t string) string {
	if len(t) > maxBylineText {
		return ""
	}
	if m := copyrightLine.FindStringSubmatch(strings.TrimSpace(t)); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// academicTitle opens a name with a degree: "Dr. ", "Prof. Dr. ".
var academicTitle = regexp.MustCompile(`^(?:(?:Prof|Dr|Dipl\.-Ing)\.\s*)+`)

// maxDeclaredAuthors bounds the <meta name="author"> values of an
// article: more are a paper's reference list, not its byline.
const maxDeclaredAuthors = 12

// declaredAuthors are the names from JSON-LD, else from <meta> elements.
func (m *Meta) declaredAuthors(site map[string]bool, shown [][]string) []string {
	authors := keepAuthors(m.ld.authors, false, site)
	if len(authors) == 0 {
		raw := slices.Concat(m.props["author"], m.props["article:author"], m.props["og:article:author"])
		if len(raw) > maxDeclaredAuthors {
			raw = nil
		}
		authors = keepAuthors(raw, true, site)
		authors = appendUnique(authors, keepAuthors(append(m.props["dc.creator"], m.props["parsely-author"]...), true, site)...)
	}
	if len(authors) == 0 {
		authors = keepAuthors(m.twitterWrittenBy(), true, site)
	}
	for i, a := range authors {
		authors[i] = displayName(a, append(shown, m.props["author"]))
	}
	// A declared login name ("apohl") that the page shows nowhere as a
	// name is a CMS account, not a byline; "anna.muster" still spells one.
	for i, a := range authors {
		authors[i] = loginName(a)
	}
	if shown := m.headlineByline(site); len(shown) > 0 && len(authors) > 0 && !slices.ContainsFunc(authors, func(a string) bool { return !personLike(a) }) &&
		(!overlaps(shown, authors) || len(shown) > len(authors) && containsAll(shown, authors)) {
		// The CMS account that posted the article, or only its first
		// writer, against the writers the byline by the headline shows.
		return shown
	}
	if len(authors) > 0 && !slices.ContainsFunc(authors, notOrganisation) {
		// An organisation declared (the publisher, a news agency), a
		// person in the visible byline: the person wrote it.
		if name := m.bylineName(site); name != "" {
			return []string{name}
		}
	}
	if len(authors) == 1 && isHandle(authors[0]) && hasDigit(authors[0]) {
		// "CC7567" declared, "James Muster" in the byline: an account
		// number against the name readers see.
		if name := m.bylineName(site); name != "" {
			return []string{name}
		}
	}
	// A handle in metadata ("@ExampleNews") is the site's account; a
	// writer's handle counts where the byline shows it.
	return slices.DeleteFunc(authors, func(a string) bool { return isBareLogin(a) || isAtHandle(a) })
}

// notOrganisation reports whether a declared author is no organisation
// by its legal form or institution word, nor a news agency.
func notOrganisation(a string) bool { return !isOrganisation(a) && !lexicon.IsAgency(a) }

// bylineName is the one person's name the page's first byline element
// shows, or "".
func (m *Meta) bylineName(site map[string]bool) string {
	if len(m.bylines) == 0 {
		return ""
	}
	if names := keepAuthors(m.bylines[:1], true, site); len(names) == 1 && personLike(names[0]) {
		return names[0]
	}
	return ""
}

// keepAuthors cleans each raw value and leaves out junk and the site's
// own names.
func keepAuthors(raw []string, split bool, site map[string]bool) []string {
	var out []string
	for _, v := range raw {
		out = appendUnique(out, dropSiteAuthors(dropJunkAuthors(cleanAuthors([]string{v}, split)), site)...)
	}
	return out
}

// writtenByLabels name the author in twitter:labelN/dataN pairs, as SEO
// plugins write them (lower-case).
var writtenByLabels = map[string]bool{
	"written by": true, "verfasst von": true, "geschrieben von": true, "écrit par": true,
	"escrito por": true, "scritto da": true, "author": true, "autor": true,
}

// twitterWrittenBy is the value of the twitter:data field labelled
// "Written by".
func (m *Meta) twitterWrittenBy() []string {
	for i := 1; i <= 4; i++ {
		n := strconv.Itoa(i)
		if writtenByLabels[strings.ToLower(m.first("twitter:label"+n))] {
			return m.props["twitter:data"+n]
		}
	}
	return nil
}

// loginName spells a login made of a given name and a surname
// ("anna.muster", "anna_muster") as the name it stands for ("Anna
// Muster"); other values are returned as they are.
func loginName(s string) string {
	if !isLoginHandle(s) {
		return s
	}
	// A hyphen joins double names ("anna-lena"), so it separates nothing.
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '_' })
	if len(parts) != 2 || len(parts[1]) < 2 || !lexicon.IsGiven(parts[0]) {
		return s
	}
	for i, p := range parts {
		r, size := utf8.DecodeRuneInString(p)
		parts[i] = string(unicode.ToUpper(r)) + p[size:]
	}
	return strings.Join(parts, " ")
}

// headlineByline is the names of the first visible byline by the
// headline or the text's start (see placement), when they are persons.
func (m *Meta) headlineByline(site map[string]bool) []string {
	if len(m.nearBy) == 0 {
		return nil
	}
	names := keepAuthors(m.nearBy[:1], true, site)
	if len(names) == 0 || slices.ContainsFunc(names, func(n string) bool { return !personLike(n) }) {
		return nil
	}
	return names
}

// overlaps reports whether a and b share a name (see sameName).
func overlaps(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool {
		return slices.ContainsFunc(b, func(y string) bool { return sameName(x, y) })
	})
}

// containsAll reports whether every name of b is in a (see sameName).
func containsAll(a, b []string) bool {
	return !slices.ContainsFunc(b, func(y string) bool {
		return !slices.ContainsFunc(a, func(x string) bool { return sameName(x, y) })
	})
}

// sameName reports whether two spellings name one person: equal but for
// case, or one the start of the other (a word the byline runs into,
// "Anna Muster Vom", or a name cut short).
func sameName(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}
