package metadata

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The words, elements and shapes of text scanPubDates goes by (see
// pubdate.go).

// pubAway are class/id words of boxes whose dates belong to other
// things than the page: comments, lists of other articles, embeds.
var pubAway = []string{
	"comment", // comment timestamps
	"related", // related-article teasers
	"reply",   // forum replies after the first post
	"cookie",  // consent banners
	"wm-ipp",  // a web archive's toolbar: capture dates
	"joined",  // forum profiles: the member's registration
	// embedded social posts, dated by their own network
	"twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed", "mastodon-embed",
}

// pubAside are class/id words of boxes whose dates are mostly other
// things', but which pages also reuse around their own dateline.
var pubAside = []string{
	"sidebar",   // archive and recent-post widgets
	"aside",     // the same, marked by class rather than <aside>
	"widget",    // same, WordPress style
	"archive",   // month archives "Februar 2018 (12)"
	"calendar",  // calendar widgets
	"teaser",    // teasers of other articles
	"recommend", // recommendation boxes
	"popular",   // most-read lists
}

// pubMarks are class/id/itemprop words marking a date element.
var pubMarks = []string{
	"date",      // date, post-date, entry-date, dateline
	"time",      // time, timestamp
	"publish",   // published, publishdate
	"posted",    // posted-on
	"datum",     // German "Datum"
	"meta",      // post-meta, entry-meta, article-meta
	"byline",    // bylines often carry the date
	"created",   // created
	"submitted", // Drupal "submitted by … on …"
	"fecha",     // Spanish
	"data",      // Italian/Portuguese "data" (also "article-data")
}

// pubWords in the text itself announce the publication date.
var pubWords = []string{
	"publi", "posted", "veröffentlicht", "erstellt", "datum", "stand:", "date:",
	"geschrieben", "gepostet", "pubblicato", "gepubliceerd", "written", "opublikowano",
}

// updWords announce an update: the date is kept apart as the page's
// update, which dates a page that shows no other (wikis, guides).
var updWords = []string{
	"updat", "aktualisiert", "modifi", "mis à jour", "actualiza", "geändert",
	"aggiornat", "bijgewerkt", "edited", "letzte änderung", "zuletzt bearbeitet",
}

// notPubWords announce a date of something else than the page.
var notPubWords = []string{
	"©", "copyright",
	"aktuelle zeit", "aktuelles datum", "current time", "heute ist", "today", // clocks, "Today's edition"
	"abgerufen", "accessed", "retrieved", "consulté", // citations
	"registriert", "joined", "member since", "mitglied seit", "inscrit le", "inscription", // forum profiles
}

// isUpdateText reports whether a visible date text states an update
// ("Last updated 4 May 2021") rather than the publication.
func isUpdateText(t string) bool {
	return containsAny(strings.ToLower(t), updWords)
}

// pubSkipAtoms are elements whose text is never the page's date.
var pubSkipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Select: true, atom.Option: true, atom.Nav: true,
	atom.Textarea: true, atom.Head: true,
}

// spacedText is the text of n with a space where elements would glue a
// number to the word or number before it: a date set as
// <span>Feb</span><span>18</span><span>2009</span> reads "Feb 18 2009",
// while "2<sup>nd</sup>" stays "2nd".
func spacedText(n *html.Node) string { return joinedText(n, glued) }

// joinedText is the text of n's subtree, with a space between two text
// nodes wherever gap says their bytes would otherwise run together.
func joinedText(n *html.Node, gap func(last, next byte) bool) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode && n.Data != "" {
			if b.Len() > 0 && gap(b.String()[b.Len()-1], n.Data[0]) {
				b.WriteByte(' ')
			}
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// glued reports whether text ending in last and text starting with next
// would run a number into a preceding word or number.
func glued(last, next byte) bool {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }
	return isDigit(next) && (isDigit(last) || isLetter(last))
}

// letterWords counts the words of s without digits.
func letterWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if !strings.ContainsAny(w, "0123456789") {
			n++
		}
	}
	return n
}

// digitRuns counts the runs of digits in s.
func digitRuns(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		d := s[i] >= '0' && s[i] <= '9'
		if d && !in {
			n++
		}
		in = d
	}
	return n
}

// afterLeadingDate returns what follows a numeric date and time that
// open t ("12.03.2021, 09:15 Uhr von Anna" gives "von Anna"), or "".
func afterLeadingDate(t string) string {
	rest := strings.TrimLeft(t, "0123456789.:/-–, ")
	if rest == t || len(t)-len(rest) < 6 {
		return ""
	}
	for _, w := range []string{"Uhr ", "uhr ", "h ", "am ", "pm ", "AM ", "PM ", "| ", "· "} {
		rest = strings.TrimPrefix(rest, w)
	}
	return rest
}

// hasYear reports whether s holds a run of exactly four digits from 1995
// to 2099: the cheap prefilter before any parsing.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			y := s[i-4 : i]
			if y[:2] == "20" || y >= "1995" && y[:2] == "19" {
				return true
			}
		}
		run = 0
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, w := range subs {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
