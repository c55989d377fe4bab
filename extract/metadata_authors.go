package extract

import (
	"regexp"
	"slices"
	"strings"
)

// bylinePrefix matches the "By" and "Updated By:" introducing names.
var bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:(?:view|see|show|zeige)\s+)?(?:all\s+|alle\s+)?(?:posts|articles|stories|beiträge|artikel)\s+(?:by|von)(?:\s+|$)|(?:(?:written|posted|updated|published|recipe|story|words|reporting|photos?|geschrieben|verfasst|erstellt|publié|publicado)\s+)?(?:by|von|por|par|door|av|af)(?:[:\s]+|$)|(?:author|autor|autorin|auteur|text|texte|redaktion)\s*:\s*)`)

// authorSplit separates several names in one byline.
var authorSplit = regexp.MustCompile(`\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*`)

// cleanAuthors turns raw author strings into distinct names: no "By",
// no dates or roles after a separator; bylines (split) may hold several
// names, structured values ("Arts and Culture Desk") are one name each.
func cleanAuthors(raw []string, split bool) []string {
	var out []string
	for _, r := range raw {
		r = tidyAuthorValue(r)
		if i := strings.IndexAny(r, "|•·\n(—"); i >= 0 && !acronymTail(r[i:]) {
			r = r[:i] // a role, a date or a site after the names
		}
		if split {
			r = cutAtDate(r)
		}
		if strings.Contains(r, "://") || strings.Contains(r, "@") || strings.Contains(r, "[at]") || len(r) > 120 {
			continue
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

// dateLeadWords introduce the date or time after a byline's names.
var dateLeadWords = map[string]bool{
	"at": true, "on": true, "um": true, "am": true, "le": true, "el": true, "il": true,
	"op": true, "-": true, "–": true, "—": true, "/": true,
	// weekdays, abbreviated or not, before the date: "Anna Muster Fr, 18. Mai"
	"mo": true, "di": true, "mi": true, "do": true, "fr": true, "sa": true, "so": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true,
	"samstag": true, "sonntag": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// cutAtDate cuts a byline before its first word holding a digit, with
// the words introducing it: "Anna Muster at 18:52" gives "Anna Muster".
func cutAtDate(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if !hasDigit(w) || isHandle(w) {
			continue // "freeman1984" is a user name, no date
		}
		for i > 0 && dateLeadWords[strings.Trim(strings.ToLower(words[i-1]), ",.")] {
			i--
		}
		return strings.Join(words[:i], " ")
	}
	return s
}

// author chooses the page's author names, joined by "; ": declared
// values first, then names shown on the page. Names that are the site's
// own are left out.
func (m *meta) author() string {
	site := m.siteKeys()
	keep := func(raw []string, split bool) []string {
		var out []string
		for _, v := range raw {
			out = appendUnique(out, dropSiteAuthors(dropJunkAuthors(cleanAuthors([]string{v}, split)), site)...)
		}
		return out
	}
	authors := keep(m.ld.authors, false)
	if len(authors) == 0 {
		authors = keep(append(m.props["author"], m.props["article:author"]...), true)
		authors = appendUnique(authors, keep(append(m.props["dc.creator"], m.props["parsely-author"]...), true)...)
	}
	shown := [][]string{m.itemAuthor, m.relAuthor, m.bylines, m.shownBy}
	for i, a := range authors {
		authors[i] = displayName(a, append(shown, m.props["author"]))
	}
	// A declared login name ("apohl") that the page shows nowhere as a
	// name is a CMS account, not a byline.
	authors = slices.DeleteFunc(authors, isBareLogin)
	// Shown names: the first element that yields any, since later ones
	// are often comment authors or related-article bylines.
	for _, list := range shown {
		for _, v := range list {
			if len(authors) == 0 {
				authors = keep([]string{v}, true)
			}
		}
	}
	for i, a := range authors {
		authors[i] = displayName(a, append(shown, m.props["author"]))
	}
	return strings.Join(authors, "; ")
}
