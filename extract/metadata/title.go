package metadata

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// titleSeparators split "Headline | Site" titles.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " • ", " » ", " « ", " : "}

// titleSepChars are the characters of titleSeparators and " / ": a text
// without any has no parts.
const titleSepChars = "|–—-:·•»«/"

// leadingDate matches a date written before a headline ("23.01.2022 -
// Headline", "1. Februar 2022 Headline", "2022-01-23: Headline").
var leadingDate = regexp.MustCompile(`^(?:\d{1,2}\.\s?(?:\d{1,2}\.|\p{L}+)\s?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\s*[-–—|:]?\s+`)

// orgSuffixes end the names of organisations, which a title's last part
// then is: "Headline - Berliner Sportverband e.V.".
var orgSuffixes = []string{" e.V.", " GmbH", " AG", " Ltd", " Ltd.", " Inc.", " Inc", " LLC", " SE", " eG"}

// cleanTitle strips a site-name prefix or suffix from a title, and any
// other decoration around the page's own headline ("Moment: Headline").
func cleanTitle(title, siteName, host, h1 string) string {
	return tidyTitle(chooseTitle(title, siteName, host, h1))
}

// tidyTitle removes what is left around a headline once it has been
// chosen: a date before it and a separator dangling from a stripped site
// name ("About us |"). Quotation marks around a whole headline stay: they
// are the page's words, a quote used as the headline.
func tidyTitle(t string) string {
	t = strings.TrimRight(stripLeadingDate(t), " |–—·•:/")
	return strings.TrimSuffix(t, " -")
}

func chooseTitle(title, siteName, host, h1 string) string {
	t := stripSiteName(dom.Collapse(title), siteName, host, h1)
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

// kickerWords in a class or id mark the parts of a headline element that
// are not the headline: the kicker above it, a section label, text only
// screen readers get.
var kickerWords = []string{
	"kicker",          // "article-heading__kicker"
	"dachzeile",       // German kicker
	"roofline",        // same, translated
	"topline",         // same
	"overline",        // same
	"eyebrow",         // same, US newsrooms
	"label",           // "topic-label"
	"section",         // "entry-section" links to the section
	"category",        // category links in the heading
	"sub-heading",     // a heading's lead-in line
	"toptitle",        // "entry-title__toptitle"
	"top-title",       // same
	"supertitle",      // same
	"small",           // "h1small": a smaller line set above or below the headline
	"pretitle",        // same
	"pre-title",       // same
	"visually-hidden", // separators for screen readers
	"invisible",       // Drupal's "element-invisible", same
	"sr-only",         // same, Bootstrap
	"screen-reader",   // same, WordPress
}

// headingText is the text of a headline element without its kicker,
// section label and screen-reader-only parts.
func headingText(h *html.Node) string {
	h = soleChild(h)
	var b strings.Builder
	dropped := false
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isKicker(c) {
			dropped = true
			continue
		}
		b.WriteString(dom.Text(c))
		b.WriteByte(' ')
	}
	// What separated the kicker from the headline goes with it.
	t := strings.Trim(dom.Collapse(b.String()), ":|/–—-·•» ")
	if !dropped || t == "" {
		return dom.Collapse(dom.Text(h))
	}
	return t
}

// soleChild descends through elements that wrap a heading's whole text
// (<h1><span itemprop="headline">…</span></h1>), so the kicker inside the
// wrapper is found.
func soleChild(n *html.Node) *html.Node {
	for {
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			case c.Type == html.ElementNode && only == nil:
				only = c
			default:
				return n
			}
		}
		if only == nil || isKicker(only) {
			return n
		}
		n = only
	}
}

func isKicker(n *html.Node) bool {
	if n.DataAtom == atom.Small {
		return true // "<small>Unit of the week</small><br>Headline"
	}
	cls := strings.ToLower(dom.Attr(n, "class") + " " + dom.Attr(n, "id"))
	return cls != " " && containsAny(cls, kickerWords)
}

// Limits of the headings matched against metadata titles.
const (
	maxHeadings    = 40
	maxHeadingText = 250
)

// matchTitle finds the headline among the visible headings by matching
// them against the metadata titles (og:title, JSON-LD headline,
// twitter:title, <title>), in that order: the first title that any
// heading matches decides. A heading equal to the whole title, or a
// title equal to a run of a heading's separated parts ("Kicker /
// Headline"), is a whole match; a heading equal to a run of the title's
// parts ("Site » Blog Archive » Headline") a part match. A whole match
// beats a part match, then the longer one wins; a heading naming the
// site never does. The result is the heading's wording (its dashes, its
// case), its index in headings and the title it matched; ok is false
// when no heading matches.
func matchTitle(titles, headings []string, siteName, host string) (t string, at int, title string, ok bool) {
	keys := headingKeys(headings)
	for _, title = range titles {
		title = dom.Collapse(title)
		if title == "" {
			continue
		}
		bestLen, whole := 0, false
		consider := func(h string, i int, w bool) {
			if isSiteName(h, siteName, host) || whole && !w {
				return
			}
			if w && !whole || len(h) > bestLen {
				t, at, whole, bestLen = h, i, w, len(h)
			}
		}
		tk := titleKey(title)
		runs := partRuns(title)
		for i, h := range headings {
			switch {
			case keys[i] == "":
			case keys[i] == tk:
				consider(h, i, true)
			case len(h) > len(title):
				for _, r := range partRuns(h)[1:] {
					if titleKey(r) == tk {
						consider(r, i, true)
					}
				}
			default:
				for _, r := range runs[1:] {
					if titleKey(r) == keys[i] {
						consider(h, i, false)
					}
				}
			}
		}
		if bestLen > 0 {
			return t, at, title, true
		}
	}
	return "", -1, "", false
}

// titleHeadings lists the indices of the headings that equal one of
// titles or a run of its separated parts, or that hold one as a run of
// their own parts (at least half the heading), in page order.
func titleHeadings(titles, headings []string, siteName, host string) []int {
	tk := map[string]bool{}
	for _, t := range titles {
		if t = dom.Collapse(t); t != "" {
			for _, r := range partRuns(t) {
				tk[titleKey(r)] = true
			}
		}
	}
	if len(tk) == 0 {
		return nil
	}
	var out []int
	for i, h := range headings {
		k := titleKey(h)
		if k == "" || isSiteName(h, siteName, host) {
			continue
		}
		if tk[k] || strings.ContainsAny(h, titleSepChars) && slices.ContainsFunc(partRuns(h)[1:], func(r string) bool { return len(r) >= len(h)/2 && tk[titleKey(r)] }) {
			out = append(out, i)
		}
	}
	return out
}

// shownTitle chooses between the title chosen from metadata and the
// article's <h1> (chosen) and the heading matchTitle found: the heading,
// unless chosen is itself a visible heading placed before it (the
// match is then a teaser's, a recipe card's, a related post's). When
// both are parts of the matched title ("Site » Blog Archive » Headline",
// the site's name in the first <h1>), the longer part is the headline.
func shownTitle(chosen string, headings, titles []string, siteName, host string) string {
	h, at, title, ok := matchTitle(titles, headings, siteName, host)
	if !ok {
		return chosen
	}
	ck := titleKey(chosen)
	if !slices.Contains(headingKeys(headings[:at]), ck) {
		return h
	}
	if len(h) > len(chosen) && slices.Contains(headingKeys(partRuns(title)[1:]), ck) {
		return h
	}
	return chosen
}

func headingKeys(hs []string) []string {
	keys := make([]string, len(hs))
	for i, h := range hs {
		keys[i] = titleKey(h)
	}
	return keys
}

// partRuns lists s and every run of consecutive parts that its title
// separators (and " / ") split it into.
func partRuns(s string) []string {
	runs := []string{s}
	for _, sep := range append(titleSeparators, " / ") {
		parts := strings.Split(s, sep)
		for i := range parts {
			for j := i + 1; j <= len(parts); j++ {
				if i == 0 && j == len(parts) {
					continue
				}
				runs = append(runs, strings.TrimSpace(strings.Join(parts[i:j], sep)))
			}
		}
	}
	return runs
}

// titleKey is what two wordings of one title share: folded case, one
// kind of dash and quotation mark, single spaces, no closing full stop.
func titleKey(s string) string {
	s = strings.ToLower(dom.Collapse(titleFold.Replace(s)))
	return strings.TrimRight(s, " .:|")
}

var titleFold = strings.NewReplacer("…", "...", "–", "-", "—", "-", "‒", "-", "“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "’", "'", "‘", "'", "\u00a0", " ")
