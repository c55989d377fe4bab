package transform

import (
	"regexp"
	"slices"

	"github.com/rinse-etl/rinse/rules"
)

func rule(pattern string, action rules.Action, comment string) rules.Pattern {
	return rules.Pattern{Re: regexp.MustCompile(pattern), Action: action, Comment: comment}
}

// genericRules apply to every document after its site profile's patterns,
// in order. They match whole blocks (or text-dump lines) unless noted.
var genericRules = slices.Concat(lineRules, promptRules)

// lineRules catch the page furniture that survives as a block of its own.
var lineRules = []rules.Pattern{
	rule(`^[\pL\pN&'’.\- ]{1,50} (?:logo|icon|Logo|Icon)$`, rules.Drop,
		"image alt text left behind by text dumps: \"MoofLife logo\", \"Top Moment feature icon\""),
	rule(`^(?i)(?:das )?logo (?:des|der|von|of|the|de|du|del|della)\b.{0,120}$`, rules.Drop,
		"logo alt texts and captions: \"Logo des Zentralkomitees (Archiv)\""),
	rule(`^\|\s*((?:[^|]{1,40}\|\s*)+)$`, rules.Categories,
		"category rows written as \"| Political | Society |\""),
	rule(`(?i)^(?:updated|written|posted|published|reviewed)\s+by:?\s*(.{2,80}?)\s*$`, rules.Author,
		"editor lines such as \"Updated By: History Editorial Network (HEN)\""),
	rule(`^(?i:by)[:\s]+(\p{Lu}[\pL.'’-]+(?:\s+\p{Lu}[\pL.'’-]+){0,3}(?:\s*(?:,|and|&)\s*\p{Lu}[\pL.'’-]+(?:\s+\p{Lu}[\pL.'’-]+){0,3})*)$`, rules.Author,
		"a byline standing alone: \"By Jane Doe and John Roe\""),
	rule(`^(?i:published):?\s*(.*?)\s*\|\s*(?i:updated):?\s*(.*?)\s*$`, rules.Date,
		"\"Published: … | Updated: …\" rows, empty or not"),
	rule(`^(?i:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?):?\s+(.{4,40}?\d.{0,20})$`, rules.Date,
		"a dateline standing alone: \"Published on 3 March 2024\""),
	rule(`^(?i)(?:\d{1,3}|one|two|three|four|five|ten)\s*-?\s*min(?:ute)?s?\.?\s+read(?:ing time)?$`, rules.Drop,
		"reading-time badges: \"5 min read\""),
	rule(`^(?i)(?:reading time|lesezeit|temps de lecture|tiempo de lectura):?\s*\d+\s*min`, rules.Drop,
		"reading-time badges in other words and languages"),
	rule(`^#\pL[\pL\pN_]*$`, rules.Tags,
		"a single hashtag standing alone"),
	rule(`(?:^|\s)((?:#\pL[\pL\pN_]*[\s,]*){2,})$`, rules.Tags,
		"a hashtag run ending a paragraph or standing alone: \"… Cold War. #NorthKorea #MoofLife\""),
	rule(`^(?i:explore)\s.{1,120}\|$`, rules.Drop,
		"\"Explore the Life Moments of X |\" link rows"),
	rule(`^(?i)share\s+(?:on|this|via|article|story)\b.{0,40}$`, rules.Drop,
		"share buttons rendered as text"),
	rule(`^(?i)(?:copyright\s*)?©`, rules.Drop,
		"copyright lines"),
	rule(`^(?i)copyright\s+\d{4}\b.{0,120}$`, rules.Drop,
		"copyright lines without the sign"),
	rule(`^(?i)all rights reserved\.?$`, rules.Drop,
		"rights notices"),
	rule(`^(?i).{0,120}\b(?:we|this (?:web)?site) uses? cookies\b.{0,240}$`, rules.Drop,
		"cookie notices short enough to be banners"),
	rule(`^(?i)(?:advertisement|advert|ad|anzeige|publicité|publicidad|pubblicità|reklama|sponsored|werbung)$`, rules.Drop,
		"ad slot labels"),
	rule(`^(?i)(?:related (?:articles|posts|stories|moments)|read (?:more|next|also)|you may also like|more from|most (?:read|popular|viewed))\b.{0,40}$`, rules.Drop,
		"headings of teaser lists"),
	rule(`^(?i)(?:lesen sie (?:auch|hier|mehr)|lies auch|auch interessant|mehr zum thema|weitere artikel|das (?:thema )?könnte (?:sie|dich) auch interessieren|schon gelesen|meistgelesene?|meistdiskutierte?|le puede interesar|te puede interesar|lea también|vea también|leia também|veja também|czytaj (?:też|także|więcej)|zobacz (?:również|też|także)|à lire aussi|lire aussi|voir aussi|read also|see also|more on this|recommended for you)\b.{0,200}$`, rules.Drop,
		"\"read also\" teasers in the body, in several languages"),
	rule(`^(?i)(?:mira|mire|lee|vea|ver)\s*:\s*.{0,200}$`, rules.Drop,
		"Spanish teaser links: \"MIRA: …\""),
	rule(`^(?i)(?:zum weiterlesen|weiterführende[rn]? links?|weitere (?:infos?|informationen|artikel|tipps|tourentipps|berichte|beiträge|themen)|kommentierte artikel|aktuelle berichte|más sobre|more about this)\b.{0,120}$`, rules.Drop,
		"headings of further-reading lists"),
	rule(`^(?i).{0,60}\b(?:s[ií]guenos|sigue|follow us|folgen sie|folge uns|únete|unete|join us|abonniere|suscr[ií]bete|nuestro canal|our channel|download)\b.{0,80}\b(?:telegram|whatsapp|youtube|instagram|google news|facebook|twitter|tiktok|apps?)\b.{0,60}$`, rules.Drop,
		"short follow-us and channel prompts: \"Síguenos en Telegram\""),
	rule(`^\(?(?i)(?:quelle|quellen|quellenangaben|titelbild|beitragsbild|bildquelle|foto|fotos|photo|photos|credit|credits|abbildung|image|bild|fuente)\s*:.{0,150}$`, rules.Drop,
		"source, credit and picture lines"),
	rule(`^(?i)(?:(?:dieser|der) (?:eintrag|beitrag|text|artikel) wurde|this (?:entry|post) was (?:posted|published))\b.{0,400}$`, rules.Drop,
		"blog post footers: \"This entry was posted in …\""),
	rule(`^(?i)(?:rezept drucken|print recipe|print|drucken|pinnen|pin it|jetzt teilen|teilen|artikel teilen|weiterlesen|read more|mehr lesen|.{0,80}als pdf herunterladen)$`, rules.Drop,
		"print, pin, share and read-more buttons rendered as text"),
	rule(`^(?i)(?:kommentieren|kommentar schreiben|kommentare schreiben|leave a (?:comment|reply)|write a comment|tell us what you think\W*|(?:\d+ )?(?:kommentare|comments)|\d+ (?:kommentar|comment)|(?:sie müssen sich einloggen|you must be logged in)\b.{0,160})$`, rules.Drop,
		"comment prompts left when comment sections are gone"),
	rule(`^\(?(?i:noch keine bewertungen|no ratings yet|bewertungen|rate this)\)?$`, rules.Drop,
		"empty rating widgets"),
	rule(`^(?i)(?:inhaltsverzeichnis|table of contents|contents|índice|sommaire)$`, rules.Drop,
		"table-of-contents headings"),
	rule(`(?i)^(?:%d\s+|\d+\s+)?bloggern gefällt das|^gefällt mir\b|^like this:?$`, rules.Drop,
		"blog like widgets"),
	rule(`^(?i)(?:sign up|subscribe)\b.{0,120}$`, rules.Drop,
		"newsletter and subscription prompts"),
	rule(`^(?i)(?:tags?|filed under|categories|schlagwörter|étiquettes|etiquetas):\s*(.{1,200})$`, rules.Tags,
		"tag rows: \"Tags: drought, water\""),
}
