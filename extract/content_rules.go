package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rinse-etl/rinse/internal/dom"
)

// dropTags never hold main text: scripts, styles, media and form
// controls. They go before anything is measured.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Canvas: true, atom.Video: true, atom.Audio: true, atom.Picture: true, atom.Map: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Label: true, atom.Link: true, atom.Meta: true, atom.Head: true, atom.Dialog: true,
	atom.Figcaption: true, atom.Img: true,
	atom.Rt: true, atom.Rp: true, // ruby annotations: readings printed over the text, not in it
}

// nodeRule recognises a page-furniture element by tag, role or a
// class/id token. Exactly one matcher is set per rule.
type nodeRule struct {
	tag      string // element name
	role     string // ARIA role
	word     string // whole word of class or id ("entry-meta" has "meta")
	sub      string // substring of class or id
	overlay  bool   // aria-modal="true" or an inline position:fixed
	comments bool   // comment sections: kept with KeepComments
	// hard rules drop their element however much text it holds, unless
	// it wraps the page or the main heading: a privacy dialog or an
	// overlay laid over the page is never its article, however long.
	hard bool
	soft bool // only drops elements without a stretch of prose
	lead bool // keeps the paragraphs of prose inside, drops the rest
	keep bool // not furniture, whatever later rules say
	// inText rules drop their element in the middle of a sentence too:
	// metadata run into a line ("Publicado por: <span class=author>…")
	// and text for screen readers only. Other rules leave words of a
	// sentence alone, whatever their class ("<a class=popup>").
	inText bool
}

// nodeRules are checked in order; the first match drops the element,
// unless it holds most of the page's prose (see keepLarge).
var nodeRules = []nodeRule{
	{sub: "social-media-embed", keep: true}, // embedded posts are quoted in the story, though "social"
	{sub: "social-embed", keep: true},       // same
	{sub: "twitter-tweet", keep: true},      // same, the tweet itself
	{sub: "instagram-media", keep: true},    // same, Instagram
	{sub: "tiktok-embed", keep: true},       // same, TikTok
	{tag: "nav"},                            // site and section navigation
	{tag: "aside"},                          // sidebars, pull-outs, related boxes
	{tag: "footer"},                         // page and article footers
	{tag: "header", lead: true},             // mastheads; article headers hold title, byline and the standfirst
	{tag: "form"},                           // search, login and newsletter forms
	{tag: "address"},                        // author contact blocks
	{role: "navigation"},                    // navigation without <nav>
	{role: "banner"},                        // masthead without <header>
	{role: "contentinfo"},                   // footer without <footer>
	{role: "complementary"},                 // sidebar without <aside>
	{role: "search"},                        // search boxes
	{role: "dialog", hard: true},            // modal overlays, cookie dialogs
	{role: "alertdialog", hard: true},       // consent prompts
	{overlay: true, hard: true},             // aria-modal or position:fixed: overlays and sticky bars laid over the page
	{role: "menu"},                          // menus
	{role: "menubar"},                       // menus
	{role: "toolbar"},                       // print/share tool rows
	{word: "comment", comments: true},       // "comment-list", "comment-body"; not "commentary"
	{word: "comments", comments: true},      // comment sections
	{word: "commentlist", comments: true},   // older WordPress themes
	{word: "respond", comments: true},       // WordPress reply form
	{sub: "disqus", comments: true},         // embedded comment service
	{sub: "cookie"},                         // cookie banners
	{sub: "consent"},                        // consent managers
	{sub: "gdpr"},                           // consent managers
	{sub: "newsletter"},                     // newsletter sign-up boxes
	{sub: "subscri"},                        // subscribe prompts
	{sub: "signup"},                         // sign-up boxes
	{sub: "share"},                          // share bars
	{sub: "sharing"},                        // share bars
	{sub: "social"},                         // social links and follow buttons
	{sub: "related"},                        // related-article lists
	{sub: "recommend"},                      // recommendation widgets
	{sub: "mostread"},                       // "Most read" lists
	{sub: "most-read"},                      // "Most read" lists
	{sub: "most-popular"},                   // "Most popular" lists
	{sub: "popular"},                        // popular-post widgets
	{sub: "trending"},                       // trending lists
	{sub: "more-stories"},                   // teaser rows
	{sub: "read-more"},                      // "read more" teasers
	{sub: "readmore"},                       // "read more" teasers
	{sub: "outbrain"},                       // sponsored teaser networks
	{sub: "taboola"},                        // sponsored teaser networks
	{sub: "breadcrumb"},                     // breadcrumb trails
	{sub: "sidebar"},                        // sidebars without <aside>
	{sub: "widget", soft: true},             // sidebar widgets; page builders wrap text in "…-widget-…" too
	{sub: "advert"},                         // advertisements
	{sub: "sponsor"},                        // sponsored boxes
	{sub: "promo"},                          // promotions
	{sub: "byline", inText: true},           // bylines inside the body
	{sub: "author", inText: true},           // author boxes and bios
	{sub: "dateline", inText: true},         // datelines inside the body
	{sub: "timestamp", inText: true},        // publication times
	{sub: "read-time", inText: true},        // reading-time badges
	{sub: "readtime", inText: true},         // reading-time badges
	{sub: "reading-time", inText: true},     // reading-time badges
	{sub: "hashtag", inText: true},          // hashtag rows
	{sub: "tagcloud"},                       // tag clouds
	{sub: "pagination"},                     // page links
	{sub: "skip-link", inText: true},        // accessibility skip links
	{sub: "sr-only", inText: true},          // screen-reader-only labels
	{sub: "screen-reader", inText: true},    // screen-reader-only labels
	{sub: "visually-hidden", inText: true},  // screen-reader-only labels
	{sub: "explore"},                        // "Explore …" link rows
	{sub: "gallery", soft: true},            // slide shows of captioned photos; a gallery page is its text
	{sub: "vjs-"},                           // video.js controls: "Play", "Loaded: 0%", "Fullscreen"
	{sub: "jw-"},                            // JW Player controls
	{sub: "yvp-"},                           // Yahoo's video player and its caption settings
	{sub: "video-player", soft: true},       // other players' controls; a transcript stays
	{sub: "popup"},                          // pop-ups
	{sub: "modal"},                          // modal overlays
	{sub: "masthead"},                       // site mastheads
	{word: "nav"},                           // navigation
	{word: "navbar"},                        // navigation
	{word: "navigation"},                    // navigation
	{word: "menu"},                          // menus
	{word: "topbar"},                        // top bars
	{word: "toolbar"},                       // tool rows
	{word: "header", lead: true},            // site and article headers, standfirst kept
	{word: "footer"},                        // footers
	{word: "meta", inText: true},            // "entry-meta": dates, authors, categories
	{word: "tags", inText: true},            // tag lists
	{word: "date", inText: true},            // date lines
	{word: "time", inText: true},            // time lines
	{word: "logo"},                          // logos
	{word: "icon"},                          // icons
	{word: "icons"},                         // icon rows
	{word: "cats", inText: true},            // category rows
	{word: "categories", inText: true},      // category rows
	{word: "pager"},                         // page links
	{word: "ad"},                            // ad slots
	{word: "ads"},                           // ad slots
	{word: "search"},                        // search boxes
	{word: "login"},                         // account boxes
	{word: "caption", inText: true},         // image captions
	{word: "credit", inText: true},          // image credits
	{word: "copyright", inText: true},       // copyright lines
}

// matchRule returns the first rule el matches, or nil.
func matchRule(el *html.Node) *nodeRule {
	tag := el.Data
	var role, classID string
	overlay := false
	for _, a := range el.Attr {
		switch a.Key {
		case "role":
			role = a.Val
		case "class", "id":
			classID += " " + a.Val
		case "aria-modal":
			overlay = overlay || a.Val == "true"
		case "style":
			overlay = overlay || fixedStyle(a.Val)
		}
	}
	classID = strings.ToLower(classID)
	for i := range nodeRules {
		r := &nodeRules[i]
		switch {
		case r.tag != "" && r.tag == tag,
			r.role != "" && r.role == role,
			r.overlay && overlay,
			r.sub != "" && strings.Contains(classID, r.sub),
			r.word != "" && dom.HasWord(classID, r.word):
			if r.keep {
				return nil
			}
			return r
		}
	}
	return nil
}

// fixedStyle reports an inline style that fixes the element to the
// window: an overlay, a sticky bar or a cookie banner.
func fixedStyle(style string) bool {
	v := strings.ReplaceAll(strings.ToLower(style), " ", "")
	return strings.Contains(v, "position:fixed")
}

// hidden reports elements the page does not show.
func hidden(el *html.Node) bool {
	for _, a := range el.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// classWeights nudge candidate scores by class/id words, readability-style.
var classWeights = []struct {
	sub    string
	weight float64
}{
	{"article", 25},  // article bodies
	{"content", 15},  // content wrappers
	{"entry", 20},    // blog entries
	{"post", 15},     // blog posts
	{"story", 20},    // news stories
	{"body", 20},     // "article-body", "post-body"
	{"text", 15},     // "article-text"
	{"main", 10},     // main column
	{"prose", 20},    // typography wrappers
	{"teaser", -25},  // teaser cards
	{"card", -15},    // teaser cards
	{"list", -10},    // listings
	{"comment", -25}, // comments when kept
	{"footer", -25},  // footers
}

func classWeight(el *html.Node) float64 {
	var w float64
	for _, a := range el.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, cw := range classWeights {
			if strings.Contains(v, cw.sub) {
				w += cw.weight
			}
		}
	}
	return w
}
