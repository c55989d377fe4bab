package metadata

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// An author named like the site itself ("Example News" on example-news.com,
// the JSON-LD publisher repeated as author) is the site's default credit,
// not a byline: such names are dropped, and a person named elsewhere on the
// page gets the chance instead.

// siteKeys are the name keys the page gives itself: og:site_name and its
// parts ("Topic | Example News"), the JSON-LD publisher, application-name,
// the title's parts after the headline, and the canonical host without
// "www." and its top-level domain.
func (m *Meta) siteKeys() map[string]bool {
	keys := map[string]bool{}
	for _, s := range []string{m.first("og:site_name"), m.ld.publisher, m.first("application-name")} {
		keys[nameKey(s)] = true
		keys[nameKey(stripTLD(s))] = true
		for _, part := range siteNameParts.Split(s, -1) {
			keys[nameKey(stripTLD(part))] = true
		}
	}
	// "Headline : Example-Archiv | Motto": the title's later parts name
	// the site; its first is the headline.
	if parts := siteNameParts.Split(m.title, -1); len(parts) > 1 {
		for _, part := range parts[1:] {
			keys[nameKey(part)] = true
		}
	}
	for _, raw := range []string{m.canonical, m.first("og:url"), m.pageURL} {
		if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Host != "" {
			host := stripTLD(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."))
			keys[nameKey(host)] = true
			// "edition.example.com": the name is the last label.
			keys[nameKey(host[strings.LastIndexByte(host, '.')+1:])] = true
		}
	}
	delete(keys, "")
	return keys
}

// siteNameParts separate a site name's parts: "Topic | Example News".
var siteNameParts = regexp.MustCompile(`\s+[|–—:·-]\s+|\s*\|\s*`)

// tldSuffix is a host name's top-level domain, with a second level such
// as "co.uk" before it: "example.co.uk" is "example".
var tldSuffix = regexp.MustCompile(`(?i)(?:\.(?:co|com|org|net|gov|ac))?\.[a-z]{2,6}$`)

func stripTLD(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, " ") {
		return s
	}
	return tldSuffix.ReplaceAllString(strings.TrimPrefix(strings.ToLower(s), "www."), "")
}

// nameKey folds s to its lower-case letters and digits without accents, so
// that "Example-News", "examplenews" and "Exämple News" compare equal.
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'ß':
			b.WriteString("ss")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// dropSiteAuthors removes the site's own name from one value's names; a
// name followed by a slash and a short code ("Example News /PP") counts
// too. A value that starts with the site's name ("Example News, Berlin")
// is the site's address, dropped whole. Names that read as a person's
// stay: a one-person blog is named after its writer.
func dropSiteAuthors(names []string, site map[string]bool) []string {
	if isAddress(names) {
		return nil
	}
	var out []string
	for i, n := range names {
		if isOrganisation(n) {
			if i == 0 {
				return nil // "Landesanstalt für Wald und Forst": split wrongly
			}
			continue
		}
		if siteInitials(n, site) {
			if i == 0 {
				return nil
			}
			continue
		}
		if !isSiteAuthor(n, site) || personLike(n) {
			out = append(out, dropSiteHandle(n, site))
		} else if i == 0 {
			return nil
		}
	}
	return out
}

func isSiteAuthor(n string, site map[string]bool) bool {
	base := n
	if i := strings.LastIndexByte(n, '/'); i > 0 {
		base = n[:i]
	}
	if site[nameKey(n)] || site[nameKey(stripTLD(n))] || site[nameKey(stripTLD(base))] {
		return true
	}
	// "Example-Mag – Das Magazin für X": the site's name and its motto.
	parts := siteNameParts.Split(n, 2)
	return len(parts) == 2 && site[nameKey(stripTLD(parts[0]))]
}

// dropSiteHandle drops the site's own handle run into a name by an author
// box's social links: "Anna herrbeispiel" on herrbeispiel.de is Anna.
func dropSiteHandle(n string, site map[string]bool) string {
	i := strings.LastIndexByte(n, ' ')
	if i < 0 {
		return n
	}
	if last := n[i+1:]; last == strings.ToLower(last) && site[nameKey(last)] {
		return n[:i]
	}
	return n
}

// siteInitials reports whether the site is named by the initials of the
// words of n ("Deutsches Rotes Kreuz" on drk.de): n is the site's full
// name, however much it reads as a person's.
func siteInitials(n string, site map[string]bool) bool {
	if len(strings.Fields(n)) < 2 {
		return false
	}
	initials := strings.ToLower(initialsOf(n))
	return len(initials) >= 2 && site[initials]
}

// initialsOf is the first letters of the capitalized words of s:
// "Deutsches Rotes Kreuz" gives "DRK", "Hans von Muster" "HM".
func initialsOf(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// personLike reports whether s reads as a person's name: two or three
// capitalized words or initials, none of them a word names of
// publications are made of.
func personLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !personWord.MatchString(w) || orgWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// personWord is a capitalized word ("Anna", "Müller-Lüdenscheidt") or an
// initial ("J.").
var personWord = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}\.)$`)

// orgWords are articles and nouns that make up publication names
// ("Das Magazin", "Eat What Tonight"), not people's (lower-case).
var orgWords = map[string]bool{
	"the": true, "a": true, "what": true, "how": true, "my": true, "our": true, "your": true,
	"das": true, "die": true, "der": true, "la": true, "el": true, "le": true, "les": true,
	"news": true, "online": true, "magazin": true, "magazine": true, "zeitung": true,
	"blog": true, "media": true, "medien": true, "verlag": true, "redaktion": true, "team": true,
	"deutsche": true, "deutsches": true, "national": true, "daily": true, "times": true,
	"post": true, "journal": true, "radio": true, "tv": true, "verband": true, "portal": true,
}

// displayName replaces a login handle ("anna.muster", "anna_muster") by
// the name the page shows for it ("Anna Müster"), when one has the same
// letters; and a name the metadata folded to ASCII ("Jurgen Beyss") by
// the page's own spelling ("Jürgen Beyß").
func displayName(name string, shown [][]string) string {
	handle, key := isLoginHandle(name), nameKey(name)
	for _, list := range shown {
		for _, v := range list {
			for _, cand := range cleanAuthors([]string{v}, true) {
				if cand == name || nameKey(cand) != key {
					continue
				}
				if handle && strings.Contains(cand, " ") || !handle && accented(cand) > accented(name) {
					return cand
				}
			}
		}
	}
	return name
}

// accented counts the letters outside ASCII: "Guido Beyß" is the page's
// own spelling of the metadata's "Guido Beyss".
func accented(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isLoginHandle reports whether s is one lower-case word joined by dots,
// underscores or hyphens, the way user names are written.
func isLoginHandle(s string) bool {
	return !strings.ContainsAny(s, " ") && strings.ContainsAny(s, "._-") && s == strings.ToLower(s)
}

// isBareLogin reports whether s is one lower-case word of a script with
// cases, "apohl" or "anna_m": how CMS accounts are named.
func isBareLogin(s string) bool {
	if strings.Contains(s, " ") || s != strings.ToLower(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// Organisations as authors.
//
// Corporate sites put their legal name in <meta name="author"> on every
// page ("Example Verband e.V.", "Beispiel GmbH"); that names the owner of
// the site, not the writer of the text. Such names are dropped, so that a
// person credited on the page wins, or the page has no author.

// legalForm ends or holds a company's or association's legal name.
var legalForm = regexp.MustCompile(`(?i)(?:^|\s)(?:gmbh|ggmbh|mbh|ag|e\.\s?v\.?|ev|eg|se|kg|ltd\.?|inc\.?|llc|plc|corp\.?|s\.a\.|s\.l\.|sarl|s\.r\.l\.)(?:$|[\s,])`)

// institutionWord names a public body or an association: a name holding
// one is an institution's.
var institutionWord = regexp.MustCompile(`(?i)(?:^|\s)(?:\S*verband|verein|departement|department of|\S*ministerium|(?:amt|\S{4,}amt)$|landesanstalt|institut|stiftung|partei|feuerwehr|sekretariat|\S{3,}kammer|behörde|gewerkschaft|\S*media$|\S*medien$)(?:e?s)?(?:$|[\s,.])`)

// isOrganisation reports whether name is an organisation's by its legal
// form or an institution word.
func isOrganisation(name string) bool {
	return legalForm.MatchString(name) || institutionWord.MatchString(name)
}

// countries end a site's postal address given as author ("Example
// Zeitung, Musterstadt, Germany"), lower-case.
var countries = map[string]bool{
	"germany": true, "deutschland": true, "austria": true, "österreich": true,
	"switzerland": true, "schweiz": true, "suisse": true, "france": true, "usa": true,
}

// isAddress reports whether the names split from one value are an
// address: one of them is a country.
func isAddress(names []string) bool {
	if len(names) < 2 {
		return false
	}
	for _, n := range names[1:] {
		if countries[strings.ToLower(n)] {
			return true
		}
	}
	return false
}
