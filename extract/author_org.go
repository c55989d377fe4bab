package extract

import (
	"regexp"
	"strings"
)

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
