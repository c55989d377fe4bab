package metadata

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/internal/lexicon"
)

// Byline shapes beyond "By Anna Muster": a name in the element after a
// short dated text that ends in a byline word, and a user name, written
// however its owner chose, that links to its profile page; and the
// shape that is no byline at all, a byline word inside a sentence.

// datedTail is a byline word ending a text that holds a date, the name
// in the element after it: "(last edited 2019-11-10 13:28 by <a>Name</a>)".
var datedTail = regexp.MustCompile(`(?i)\s(?:` + lexicon.Alternation(lexicon.BylineWords()) + `)$`)

// maxDatedBylineWords bounds the words without digits in a dated byline.
const maxDatedBylineWords = 6

// datedByline records the name after a dated text ending in a byline word.
func (s *pubScan) datedByline(n *html.Node, t string) {
	if len(s.bylines) >= 3 || len(t) > maxPubText || !datedTail.MatchString(t) ||
		letterWords(t) > maxDatedBylineWords || strings.Contains(t, "©") || creditLine.MatchString(t) {
		return // a sentence, or "Copyright © 2021 | Theme von <a>X</a>"
	}
	next, node := nextText(n)
	names := cleanAuthors([]string{next}, true)
	if len(names) != 1 || names[0] != next || !looksLikeName(next) && !linksProfile(node) || inForeignBox(n) {
		return
	}
	s.addByline(n, next)
}

// profileHref is the address of a user's profile page ("/members/anna.12/",
// "/profile/142450", "?u=79003").
var profileHref = regexp.MustCompile(`(?i)/(?:profile|profil|users?|members?|benutzer|mitglied(?:er)?|people)/|[?&]u(?:ser|id)?=\d`)

// linksProfile reports whether n is or holds a link to a user's profile:
// the name in it is the writer's user name, written however the writer
// chose ("delta201", "Catch more fish").
func linksProfile(n *html.Node) bool {
	a := firstLink(n)
	return a != nil && profileHref.MatchString(dom.Attr(a, "href"))
}

// firstLink is n or the first <a> inside it, nil if there is none.
func firstLink(n *html.Node) *html.Node {
	if n == nil || n.DataAtom == atom.A {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if a := firstLink(c); a != nil {
			return a
		}
	}
	return nil
}

// midSentence reports whether the text node n continues a sentence
// begun in an inline sibling before it: that text ends in a letter or a
// comma, as bylines after a date or a separator do not.
func midSentence(n *html.Node) bool {
	for sib := n.PrevSibling; sib != nil; sib = sib.PrevSibling {
		t := strings.TrimSpace(dom.Text(sib))
		if t == "" {
			continue
		}
		if sib.Type == html.ElementNode && !dom.IsInline(sib.DataAtom) {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(t)
		return unicode.IsLetter(r) || r == ','
	}
	return false
}

// A dateline that names its writer without a byline word: "25.10.2022 -
// Reiner Nagel" or "Anna Muster | 3. Mai 2021" set under the headline.
// Anywhere else such a line is a teaser's or a comment's; by the headline
// (see placement) it is the article's byline.

// datedName returns the person's name a short dated text holds beside
// its date, or "": two or three capitalized words, the first a common
// given name ("Handball Schweiz | 3. Mai" is a club).
func datedName(t string) string {
	if len(t) > maxBylineText {
		return ""
	}
	for _, name := range []string{afterLeadingDate(t), cutAtDate(t)} {
		name = strings.Trim(name, "-–—|·•,: ")
		if name != "" && name != strings.TrimSpace(t) && personLike(name) && lexicon.IsGiven(strings.ToLower(strings.Fields(name)[0])) {
			return name
		}
	}
	return ""
}
