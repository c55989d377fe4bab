package boilerplate

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

// promptRules catch what a site says to its reader about the site rather
// than the story: paywalls, appeals for money, consent placeholders for
// embeds, affiliate disclosures, image-viewer buttons, download rows.
// They run after the line rules, in order; all drop the block they match.
// Each stays short (a length bound in the pattern) so that an article
// paragraph that merely mentions these words is kept.
var promptRules = []rules.Pattern{
	rule(`^(?i)(?:pour lire la suite|pour (?:accéder|continuer à lire)|pour lire l'intégralité|to (?:continue|keep) reading|subscribe to (?:continue|read)|um (?:den (?:ganzen )?(?:artikel|beitrag) )?weiterzulesen|(?:jetzt )?weiterlesen mit|lesen sie (?:jetzt )?weiter mit|para (?:seguir|continuar) leyendo|per continuare a leggere|continue a ler)\b.{0,200}$`, rules.Drop,
		"paywall lines: \"Pour lire la suite…\", \"To continue reading, subscribe\""),
	rule(`^(?i).{0,160}\b(?:wesprzyj nas|support (?:our|independent) (?:journalism|work|reporting)|become a (?:member|supporter|subscriber)|unterstütze[n]? (?:sie )?uns|jetzt unterstützen|hazte socio|apóyanos|soutenez-nous|sostienici|cancela cuando quieras)\b.{0,300}$`, rules.Drop,
		"appeals for money or membership: \"Support our journalism…\", \"Wesprzyj nas…\""),
	rule(`^(?i)(?:externer inhalt|external content|empfohlener (?:redaktioneller |externer )?inhalt|inhalte von drittanbietern)$`, rules.Drop,
		"placeholder headings of blocked embeds"),
	rule(`^(?i)(?:wir respektieren (?:deine|ihre) privatsphäre|we respect your privacy|um (?:diese[nrs]?|den|das) (?:inhalt|video|beitrag|tweet|post|karte)\w* (?:anzuzeigen|zu sehen|zu laden|abzuspielen)|to (?:view|see|display|load|play) this (?:content|video|post|tweet|map)|mit dem (?:laden|aktivieren|klick)|by (?:loading|clicking|playing) (?:the|this) (?:video|content|map|post))\b.{0,300}$`, rules.Drop,
		"consent placeholders of embeds: \"Wir respektieren deine Privatsphäre und stellen … keine Verbindung zu Twitter her\""),
	rule(`^(?i).{0,160}\b(?:affiliate[- ]links?|partnerlinks?|provisionslinks?|werbelinks?|(?:we|i) (?:may )?(?:receive|earn) (?:a )?(?:small )?(?:compensation|commission))\b.{0,300}$`, rules.Drop,
		"affiliate and advertiser disclosures"),
	rule(`^(?i)(?:bild|foto|image|photo|galerie|gallery)\s+(?:anzeigen|schließen|vergrößern|öffnen|zoom|close|open|enlarge)(?:\s+(?:bild|foto|image|photo)\s+(?:anzeigen|schließen|vergrößern|close|open))?$`, rules.Drop,
		"image-viewer buttons: \"Bild anzeigen Bild schließen\""),
	rule(`^(?i)(?:rezept drucken|print recipe|drucken|print)\s+(?:bei|auf|on)\s+pinterest\s+(?:speichern|merken|save|pin)$`, rules.Drop,
		"runs of recipe buttons: \"Rezept drucken Bei Pinterest speichern\""),
	rule(`^(?i).{0,160}\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3)\s*[|(,]?\s*\d+(?:[.,]\d+)?\s*(?:kb|mb|kib|mib|byte)\b.{0,80}$`, rules.Drop,
		"download rows: \"Informationsschreiben PDF | 38 KB\", \"Download (123 KB)\""),
	rule(`^(?i)(?:weiterlesen|read more|mehr lesen|lire la suite|leer más|leggi (?:tutto|di più))\s*\d*\s*(?:min(?:uten|utes)?\.?)?$`, rules.Drop,
		"read-more buttons with a reading time: \"weiterlesen 5 Minuten\""),
	rule(`^(?i).{0,100}\b(?:subscribe|sign up|abonnieren|abonnez|suscr[ií]b\w*|inscr[ií]b\w*|in your inbox|ins postfach)\b.{0,100}\bnewsletters?\b.{0,60}$|^(?i).{0,60}\bnewsletters?\b.{0,100}\b(?:subscribe|sign up|abonnieren|abonnez|suscr[ií]b\w*|inscr[ií]b\w*)\b.{0,60}$`, rules.Drop,
		"newsletter prompts in the body: \"Get the latest in your inbox. Subscribe to our newsletters.\""),
	rule(`^(?i)(?:have|got) a (?:news )?tip\b.{0,200}$`, rules.Drop,
		"tip-line prompts: \"Have a tip? Write to …\""),
	rule(`^\[[a-z_]+(?:\s+[a-z_-]+=["”“][^"”“\]]*["”“])*\s*\].{0,200}\[/[a-z_]+\]$|^\[[a-z_]+(?:\s+[a-z_-]+=["”“][^"”“\]]*["”“])+\s*\]`, rules.Drop,
		"unrendered WordPress shortcodes: \"[button link=…] Send us your review[/button]\""),
	rule(`^(?i).{0,60}\b(?:requires javascript|(?:enable|activate) javascript|javascript (?:is )?(?:disabled|required|deaktiviert)|javascript aktivieren|aktivieren sie javascript)\b.{0,120}$`, rules.Drop,
		"script notices: \"This slideshow requires JavaScript.\""),
	rule(`^(?i).{0,120}\b(?:(?:update|upgrade) (?:to|your) (?:a )?(?:modern|newer|current|latest) (?:web )?browser|outdated browser|veraltete[nr]? browser)\b.{0,120}$`, rules.Drop,
		"browser notices: \"… please update to a modern browser.\""),
	rule(`^(?i).{0,40}\bfor (?:your )?personal,? non-commercial use only\b.{0,300}$`, rules.Drop,
		"reprint notices: \"This copy is for your personal, non-commercial use only …\""),
	rule(`^(?i)(?:text size|font size|schriftgröße|taille du texte|tamaño de (?:letra|texto))$`, rules.Drop,
		"text-size controls rendered as text"),
	rule(`^(?i)write to [\pL .'’-]{2,60} at\b.{0,80}$`, rules.Drop,
		"contact footers: \"Write to Jane Roe at jane.roe@example.com\""),
	rule(`^\(?(?i:alle angaben ohne gewähr|angaben ohne gewähr|ohne gewähr)\)?\.?$`, rules.Drop,
		"German no-warranty notes"),
	rule(`^(?i)(?:tel(?:efon)?\.?|phone|fax|telefax)\s*:?\s*\+?[\d(][\d\s()/.+-]{5,}$`, rules.Drop,
		"contact rows holding only a phone or fax number"),
	rule(`^(?i)(?:alle (?:nachrichten|news|artikel|beiträge|meldungen|termine)|all (?:news|articles|stories|posts)|toutes les (?:actualités|infos)|todas las noticias)\b.{0,80}$`, rules.Drop,
		"\"All news about …\" links"),
	rule(`^(?i).{0,80}\b(?:auch auf|also on|aussi sur|también en)\s+[\pL\pN-]+\.(?:de|com|net|org|fr|es|at|ch|it|co\.uk)$`, rules.Drop,
		"cross-promotion of sister sites: \"Auch auf example.de\""),
	rule(`^(?i)(?:(?:submit|write) a letter to the editor|we(?:'d| would)? (?:want|like|love) to hear (?:what you think|from you))\b.{0,200}$`, rules.Drop,
		"letters-to-the-editor prompts"),
	rule(`^(?i)(?:schreibe?n? (?:sie )?einen kommentar|hinterlasse(?:n sie)? einen kommentar|deine meinung|ihre meinung|your (?:comment|opinion)|laisser un commentaire|deja (?:un|tu) comentario|dejar un comentario|say your words)\b.{0,60}$`, rules.Drop,
		"comment-form headings left when the form is gone"),
	rule(`^\d{4}-\d{2}-\d{2}\s*\|\s*[\pL ]{1,40}$`, rules.Drop,
		"\"2021-10-16 | News\" date-and-section rows"),
	rule(`^[\pL\pN. ]{4,30},?\s+\d{1,2}:\d{2}\s*\|\s*.{1,40}$`, rules.Drop,
		"post headers of forums and guest books: \"24. März 2004, 19:49 | Name\""),
}
