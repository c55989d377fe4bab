package extract

import (
	"net/url"
	"regexp"
	"strings"
)

// titleSeparators split "Headline | Site" titles.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " « ", " : "}

// leadingDate matches a date written before a headline ("23.01.2022 -
// Headline", "1. Februar 2022 Headline", "2022-01-23: Headline").
var leadingDate = regexp.MustCompile(`^(?:\d{1,2}\.\s?(?:\d{1,2}\.|\p{L}+)\s?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\s*[-–—|:]?\s+`)

// orgSuffixes end the names of organisations, which a title's last part
// then is: "Headline - Berliner Sportverband e.V.".
var orgSuffixes = []string{" e.V.", " GmbH", " AG", " Ltd", " Ltd.", " Inc.", " Inc", " LLC", " SE", " eG"}

// cleanTitle strips a site-name prefix or suffix from a title, and any
// other decoration around the page's own headline ("Moment: Headline").
func cleanTitle(title, siteName, host, h1 string) string {
	return stripLeadingDate(chooseTitle(title, siteName, host, h1))
}

func chooseTitle(title, siteName, host, h1 string) string {
	t := stripSiteName(collapse(title), siteName, host, h1)
	if h1 != "" && t != h1 && (strings.Contains(t, h1) && len(h1)*10 >= len(t)*6 || sharesWords(h1, t)) {
		return h1
	}
	// A metadata title cut short ("Leasing oder Finanzierung" for the
	// headline "Leasing oder Finanzierung – was lohnt sich mehr?").
	if len(t) >= 8 && len(h1) > len(t) && len(h1) <= 3*len(t) && strings.HasPrefix(strings.ToLower(h1), strings.ToLower(t)) {
		return h1
	}
	return t
}

// sharesWords reports whether most words of the headline h (three at
// least) occur in the title t: the page's own heading is then the better
// title, free of the SEO wording metadata titles carry.
func sharesWords(h, t string) bool {
	hw := strings.Fields(strings.ToLower(h))
	if len(hw) < 3 || len(h) > 200 {
		return false
	}
	tw := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(t)) {
		tw[strings.Trim(w, ",.:;!?\"'()«»„“”")] = true
	}
	n := 0
	for _, w := range hw {
		if tw[strings.Trim(w, ",.:;!?\"'()«»„“”")] {
			n++
		}
	}
	return n*2 >= len(hw)
}

func stripSiteName(title, siteName, host, h1 string) string {
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		firstPart, lastPart := parts[0], parts[len(parts)-1]
		switch {
		case isSiteName(lastPart, siteName, host):
			return strings.Join(parts[:len(parts)-1], sep)
		case isSiteName(firstPart, siteName, host):
			return strings.Join(parts[1:], sep)
		case h1 != "" && strings.EqualFold(firstPart, h1):
			return firstPart
		case h1 != "" && strings.EqualFold(lastPart, h1):
			return lastPart
		case sep != " : " && len(strings.Fields(lastPart)) <= 3 && len(strings.Fields(firstPart)) >= 4,
			hasOrgSuffix(lastPart) && len(strings.Fields(firstPart)) >= 3:
			return strings.Join(parts[:len(parts)-1], sep)
		}
	}
	return title
}

// stripLeadingDate removes a date written before a headline.
func stripLeadingDate(t string) string {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return t
	}
	if loc := leadingDate.FindStringIndex(t); loc != nil && loc[1] < len(t) {
		return t[loc[1]:]
	}
	return t
}

func hasOrgSuffix(s string) bool {
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// isSiteName reports whether s names the site: its stated name or its
// host without "www." and the top-level domain.
func isSiteName(s, siteName, host string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false
	}
	if siteName != "" && s == strings.ToLower(siteName) {
		return true
	}
	if host == "" {
		return false
	}
	squash := strings.NewReplacer(" ", "", "-", "", ".", "", "'", "")
	name := host
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return squash.Replace(s) == squash.Replace(name) || s == host
}

// bylinePrefix matches the "By" and "Updated By:" introducing names.
var bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:(?:view|see|show|zeige)\s+)?(?:all\s+|alle\s+)?(?:posts|articles|stories|beiträge|artikel)\s+(?:by|von)(?:\s+|$)|(?:(?:written|posted|updated|published|geschrieben|verfasst|erstellt|publié|publicado)\s+)?(?:by|von|por|par|door|av|af)(?:[:\s]+|$)|(?:author|autor|autorin|auteur|text|texte|redaktion)\s*:\s*)`)

// authorSplit separates several names in one byline.
var authorSplit = regexp.MustCompile(`\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*`)

// cleanAuthors turns raw author strings into distinct names: no "By",
// no dates or roles after a separator; bylines (split) may hold several
// names, structured values ("Arts and Culture Desk") are one name each.
func cleanAuthors(raw []string, split bool) []string {
	var out []string
	for _, r := range raw {
		r = bylinePrefix.ReplaceAllString(strings.TrimLeft(collapse(r), "-–—|·• "), "")
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
			name = strings.Trim(name, " .,:-–—")
			if name == "" || hasDigit(name) {
				continue
			}
			out = appendUnique(out, name)
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
}

// cutAtDate cuts a byline before its first word holding a digit, with
// the words introducing it: "Anna Muster at 18:52" gives "Anna Muster".
func cutAtDate(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if !hasDigit(w) {
			continue
		}
		for i > 0 && dateLeadWords[strings.ToLower(words[i-1])] {
			i--
		}
		return strings.Join(words[:i], " ")
	}
	return s
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func appendUnique(list []string, vs ...string) []string {
next:
	for _, v := range vs {
		v = collapse(v)
		if v == "" {
			continue
		}
		for _, h := range list {
			if strings.EqualFold(h, v) {
				continue next
			}
		}
		list = append(list, v)
	}
	return list
}

// splitKeywords splits a keywords meta value.
func splitKeywords(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, k := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
			out = appendUnique(out, k)
		}
	}
	return out
}

// urlDatePath finds /2024/05/17/ or /2024-05-17 style dates in paths.
var urlDatePath = regexp.MustCompile(`/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?:/|-|$)`)

func urlDate(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	m := urlDatePath.FindStringSubmatch(u.Path)
	if m == nil || m[3] == "" {
		return ""
	}
	return m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// resolve makes ref absolute against base when it can.
func resolve(base, ref string) string {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || ref == "" {
		return ""
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		return b.ResolveReference(r).String()
	}
	if !r.IsAbs() {
		return ""
	}
	return r.String()
}
