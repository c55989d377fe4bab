package extract

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// The words and elements scanPubDates goes by (see pubdate.go).

// pubSkip are class/id words of containers whose dates belong to other
// things than the page: comments, lists of other articles, archives.
var pubSkip = []string{
	"comment",   // comment timestamps
	"related",   // related-article teasers
	"sidebar",   // archive and recent-post widgets
	"aside",     // the same, marked by class rather than <aside>
	"widget",    // same, WordPress style
	"archive",   // month archives "Februar 2018 (12)"
	"calendar",  // calendar widgets
	"teaser",    // teasers of other articles
	"recommend", // recommendation boxes
	"popular",   // most-read lists
	"reply",     // forum replies after the first post
	"cookie",    // consent banners
	"wm-ipp",    // a web archive's toolbar: capture dates
	"joined",    // forum profiles: the member's registration
	// embedded social posts, dated by their own network
	"twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed", "mastodon-embed",
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
	atom.Aside: true, atom.Textarea: true, atom.Head: true,
}
