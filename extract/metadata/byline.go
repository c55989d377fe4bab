package metadata

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/internal/lexicon"
)

// Visible bylines.
//
// Pages without author metadata often say "Text: Klaus Muster", "von
// Anna Beispiel" or "Posted by <a>Name</a>" in the text. The date scan
// (pubScan) visits every text node outside comments, sidebars and
// footers; short ones starting with a byline word are kept when what
// follows looks like a name.

// bylineStarts open a byline, lower-case, most specific first.
var bylineStarts = []string{
	"posted by", "written by", "geschrieben von", "verfasst von", "publié par", "publicado por",
	"by ", "by:", "von ", "par ", "por ", "door ", "av ", "di ",
	"autor:", "autorin:", "author:", "auteur:", "text:", "texte:", "redaktion:", "autor ",
}

// loneBylineWords stand in an element of their own, the name in the next.
var loneBylineWords = map[string]bool{
	"by": true, "von": true, "par": true, "por": true, "door": true, "posted by": true,
	"written by": true, "geschrieben von": true, "verfasst von": true,
	"autor": true, "author": true, "autorin": true, "auteur": true,
}

// maxBylineText bounds a byline element's text: longer is prose.
const maxBylineText = 80

// byline records t (the text of node n) when it opens a byline.
func (s *pubScan) byline(n *html.Node, t string) {
	if len(s.bylines) >= 3 || len(t) > maxBylineText {
		return
	}
	t = dom.Collapse(t) // a no-break space may follow the "-" before "Redaktion:"
	low := strings.TrimLeft(strings.ToLower(t), "-–—|·• ")
	// A lone "von" in running text ("a function von <em>Y</em>") is no
	// byline: the word must open its element.
	lone := loneBylineWords[low] && !hasTextBefore(n)
	if !lone && !hasBylineStart(low) {
		s.authorBoxName(n, t)
		return
	}
	if !lone && midSentence(n) {
		return // "… the <a>downloads</a> von G-Data.": prose, no byline
	}
	t = bylineBlock(n, t)
	// "<h5>Autor: </h5>Anna Muster", "<span>By</span><a>Anna Muster</a>":
	// the name follows the label.
	next, nextNode := nextText(n)
	if next == "" {
		next, nextNode = nextText(n.Parent)
	}
	if strings.HasSuffix(t, ":") || lone && loneBylineWords[strings.TrimLeft(strings.ToLower(t), "-–—|·• ")] {
		t += " " + next
	}
	names := cleanAuthors([]string{t}, true)
	if len(names) == 0 || !lone && !bylinePrefix.MatchString(strings.TrimLeft(dom.Collapse(t), "-–—|·• ")) {
		return
	}
	for _, name := range names {
		if !looksLikeName(name) && !(len(names) == 1 && name == next && linksProfile(nextNode)) {
			return
		}
	}
	if inForeignBox(n) {
		return
	}
	s.addByline(n, strings.Join(names, "; "))
}

// bylineBlock is the text of the block holding the byline text t of n
// ("<p>Von <a>Anna</a> Muster</p>"), when it is short and still opens
// with a byline word; else t.
func bylineBlock(n *html.Node, t string) string {
	block := n.Parent
	for block != nil && dom.IsInline(block.DataAtom) && block.Parent != nil {
		block = block.Parent
	}
	if block != nil {
		if bt := dom.Collapse(dom.Text(block)); len(bt) <= maxBylineText && hasBylineStart(strings.TrimLeft(strings.ToLower(bt), "-–—|·• ")) {
			return bt
		}
	}
	return t
}

// authorBoxName records the name opening an author box: one name of two
// words or more, maybe followed by a role or date ("Anna Muster | 3 Std.").
func (s *pubScan) authorBoxName(n *html.Node, t string) {
	if !inAuthorBox(n) {
		return
	}
	names := cleanAuthors([]string{t}, true)
	if len(names) == 1 && len(strings.Fields(names[0])) >= 2 && looksLikeName(names[0]) && !inForeignBox(n) {
		s.addByline(n, names[0])
	}
}

// authorBoxDepth bounds how far up an author box may be from a name in it.
const authorBoxDepth = 3

// inAuthorBox reports whether a near ancestor of n is marked as holding
// the author ("authors", "author-box", "byline"), as pages with long
// author boxes do; the name is its first text.
func inAuthorBox(n *html.Node) bool {
	for p, i := n.Parent, 0; p != nil && i < authorCardDepth; p, i = p.Parent, i+1 {
		if p.Type != html.ElementNode {
			continue
		}
		if i >= authorBoxDepth && !attrContains(p, authorCardMarks) {
			continue
		}
		if attrHasWord(p, authorBoxWords) {
			return !hasTextBefore(n) && firstText(p, n)
		}
	}
	return false
}

// authorCardDepth bounds how far up an element marked as an author card
// ("author-info", "author-box") may be from the name: cards nest the name
// in a figure, a section and a heading.
const authorCardDepth = 5

// authorCardMarks name an author card in a class or id.
var authorCardMarks = []string{"author-info", "author-box", "author-bio", "author-card", "about-author"}

// firstText reports whether no text comes before n's branch inside box.
func firstText(box, n *html.Node) bool {
	for a := n.Parent; a != nil && a != box; a = a.Parent {
		if hasTextBefore(a) {
			return false
		}
	}
	return true
}

// authorBoxWords in a class or id mark an element naming the author.
var authorBoxWords = []string{"author", "authors", "byline", "autor", "autoren"}

// nextText is the text of the first sibling after n that has any, when
// it is short enough to be a name, and that sibling.
func nextText(n *html.Node) (string, *html.Node) {
	if n == nil {
		return "", nil
	}
	for sib := n.NextSibling; sib != nil; sib = sib.NextSibling {
		if t := dom.Collapse(dom.Text(sib)); t != "" {
			if len(t) > maxBylineText {
				return "", nil
			}
			return t, sib
		}
	}
	return "", nil
}

// hasTextBefore reports whether a sibling before n holds any text.
func hasTextBefore(n *html.Node) bool {
	for sib := n.PrevSibling; sib != nil; sib = sib.PrevSibling {
		if strings.TrimSpace(dom.Text(sib)) != "" {
			return true
		}
	}
	return false
}

func hasBylineStart(low string) bool { return hasAnyPrefix(low, bylineStarts) }

// looksLikeName reports whether s is one to four words that all start
// with a capital letter (particles like "von", "de", "van" aside).
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case nameParticles[w]:
		default:
			return false
		}
	}
	return caps > 0
}

// nameParticles may stand lower-case inside a name.
var nameParticles = map[string]bool{
	"von": true, "van": true, "de": true, "der": true, "den": true, "da": true,
	"di": true, "du": true, "la": true, "le": true, "del": true, "zu": true, "y": true,
}

// junkAuthors are placeholders and form labels, never names (lower-case).
var junkAuthors = map[string]bool{
	"name": true, "name *": true, "by": true, "author": true, "autor": true, "publisher": true,
	"admin": true, "administrator": true, "no author": true, "unknown": true, "anonymous": true,
	"anónimo": true, "anonym": true, "unbenannt": true, "artikel von": true, "redaktion": false,
	"wordpressadmin": true, "user": true, "guest": true, "gast": true, "beitragvon": true,
	"view my complete profile": true, "afficher mon profil complet": true, // Blogger profile links
	"mein vollständiges profil anzeigen": true, "ver mi perfil completo": true,
	"zvg": true, // "zur Verfügung gestellt", a Swiss photo credit
}

// junkLead starts a publication note left without its date ("Veröffentlicht
// am", "Posted", "Last updated"), or a social button or widget ("Follow",
// "AddThis Sharing"), never a name.
var junkLead = regexp.MustCompile(`^(?:veröffentlicht|publiziert|aktualisiert|erstellt|posted|published|updated|last|publié|publicado|follow|folgen|addthis|sharethis|share|teilen)\b`)

// bylineTail ends a byline's label left without its name: "Article
// by", "Ein Beitrag von".
var bylineTail = regexp.MustCompile(`(?i)\s(?:` + lexicon.Alternation(lexicon.BylineWords()) + `)$`)

// proseLike reports whether s reads as a sentence rather than a name:
// several lower-case words that are no particles ("Anna Muster New
// Yorkers post their feelings about …", a teaser's title run into its
// writer's name). "Arts and Culture Desk" has one.
func proseLike(s string) bool {
	lower := 0
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && !nameParticles[w] {
			lower++
		}
	}
	return lower >= 3
}

// isInitialsCode reports whether s is an editor's lower-case initials
// ("kj", "cpm"), a desk's shorthand rather than a name to group by.
func isInitialsCode(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 3 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

// dropJunkAuthors removes placeholders, comment attributions ("Anna
// says") and image credits ("Bild © Sender") from names.
func dropJunkAuthors(names []string) []string {
	out := names[:0:0]
	for _, n := range names {
		low := strings.ToLower(strings.TrimSpace(n))
		if junkAuthors[low] || junkLead.MatchString(low) || bylineTail.MatchString(low) || isInitialsCode(n) || strings.Contains(n, "©") || proseLike(n) || strings.HasSuffix(low, " says") || strings.HasSuffix(low, " said") || strings.HasSuffix(low, " sagt") || strings.HasSuffix(low, " schreibt") {
			continue
		}
		out = append(out, n)
	}
	return out
}
