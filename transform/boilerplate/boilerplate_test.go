package boilerplate_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/transform/boilerplate"
)

// shipped compiles the generic rules in configs/rules.
func shipped(t testing.TB) rules.List {
	t.Helper()
	l, err := rules.LoadRules(os.DirFS("../../configs"), "rules")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// stage is the boilerplate stage with the shipped generic rules.
func stage(t testing.TB) *boilerplate.Boilerplate {
	return boilerplate.New(nil, shipped(t))
}

// para is an article paragraph no rule may touch.
const para = "The council met on Tuesday and approved the plan after a long debate about costs."

// genericCase is a document of blocks and what the stage, with the
// shipped generic rules, makes of it.
type genericCase struct {
	name         string
	blocks       []string
	kind         rinse.BlockKind
	wantText     string
	author       string
	cats, tags   []string
	wantDateHint string
}

// genericCases hold at least one block for every generic rule (see
// TestEveryGenericRuleHasACase) and prose that no rule may take.
var genericCases = []genericCase{
	{name: "alt-text lines", blocks: []string{"Acme Daily logo", para, "Share icon"}, kind: rinse.BlockLine, wantText: para},
	{name: "category row", blocks: []string{"| Science | Health |", para}, kind: rinse.BlockLine, wantText: para, cats: []string{"Science", "Health"}},
	{name: "editor line", blocks: []string{"Updated By: Jane Roe", para}, kind: rinse.BlockLine, wantText: para, author: "Jane Roe"},
	{name: "standalone byline", blocks: []string{"By Jane Roe and John Doe", para}, kind: rinse.BlockParagraph, wantText: para, author: "Jane Roe and John Doe"},
	{name: "read time and empty dates", blocks: []string{"Published:  | Updated:", "7 min read", para}, kind: rinse.BlockLine, wantText: para},
	{name: "dated row gives hints", blocks: []string{"Published: 3 May 2021 | Updated: 4 May 2021", para}, kind: rinse.BlockLine, wantText: para, wantDateHint: "3 May 2021"},
	{name: "trailing hashtags", blocks: []string{para + " #Council #Budget2024"}, kind: rinse.BlockParagraph, wantText: para, tags: []string{"Council", "Budget2024"}},
	{name: "hashtag line", blocks: []string{para, "#Council #Budget"}, kind: rinse.BlockLine, wantText: para, tags: []string{"Council", "Budget"}},
	{name: "issue number is not a tag", blocks: []string{"We are #1 in the region for recycling."}, kind: rinse.BlockParagraph, wantText: "We are #1 in the region for recycling."},
	{name: "copyright", blocks: []string{para, "© 2024 Acme Media Ltd"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "read-also teaser", blocks: []string{para, "Lesen Sie auch: Neue Brücke über den Main eröffnet"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "credit line", blocks: []string{"Foto: Jan Mertens / dpa", para}, kind: rinse.BlockParagraph, wantText: para},
	{name: "follow prompt", blocks: []string{para, "Síguenos en Telegram, Instagram y Twitter"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "post footer", blocks: []string{para, "This entry was posted in Gardening and tagged soil."}, kind: rinse.BlockParagraph, wantText: para},
	{name: "appeal for support", blocks: []string{para, "Podoba ci się nasz portal? Wesprzyj nas darowizną."}, kind: rinse.BlockParagraph, wantText: para},
	{name: "embed placeholder", blocks: []string{"Externer Inhalt", para}, kind: rinse.BlockParagraph, wantText: para},
	{name: "affiliate disclosure", blocks: []string{"Some links on this page are affiliate links; we may earn a commission at no cost to you.", para}, kind: rinse.BlockParagraph, wantText: para},
	{name: "download row", blocks: []string{para, "Merkblatt zur Anmeldung PDF | 120 KB"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "logo caption and credit", blocks: []string{"Logo des Landesverbands (Archiv)", para, "(Credit: Jane Roe / Agency)"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "contact and disclaimer rows", blocks: []string{para, "Telefon: +49 (30) 123 45 67", "(Alle Angaben ohne Gewähr)"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "newsletter prompt", blocks: []string{para, "Get the latest news in your inbox. Subscribe to our newsletters."}, kind: rinse.BlockParagraph, wantText: para},
	{name: "prose about a newsletter stays", blocks: []string{"The company told subscribers in its quarterly newsletter that it would close two stores, a decision that surprised the staff at both sites and the town council, which had not been told."}, kind: rinse.BlockParagraph,
		wantText: "The company told subscribers in its quarterly newsletter that it would close two stores, a decision that surprised the staff at both sites and the town council, which had not been told."},
	{name: "ads, shortcodes and notices", blocks: []string{"Advert", para, "[button link=\"https://example.com/submit/\"] Send us your review[/button]", "This slideshow requires JavaScript.", "Text size", "Write to Jane Roe at jane.roe@example.com", "comments"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "furniture rows", blocks: []string{"Lesezeit: 4 Min.", "Share this article", para, "Related articles", "Weitere Informationen", "MIRA: Los cinco goles de la jornada", "Print", "Inhaltsverzeichnis", "Like this:", "Sign up for our weekly briefing", "Alle Nachrichten zum Thema Verkehr", "Auch auf example.de", "Hinterlasse einen Kommentar"}, kind: rinse.BlockParagraph, wantText: para},
	{name: "rights and cookie notices", blocks: []string{para, "This website uses cookies to improve your experience.", "Copyright 2021 Acme Media Ltd.", "All rights reserved."}, kind: rinse.BlockParagraph, wantText: para},
	{name: "tag rows and a lone hashtag", blocks: []string{para, "Tags: drought, water", "#Budget"}, kind: rinse.BlockParagraph, wantText: para, tags: []string{"drought", "water", "Budget"}},
	{name: "prose about printing and sharing stays", blocks: []string{"Print shops in the old town said they would share the cost of the new signs with the council."}, kind: rinse.BlockParagraph,
		wantText: "Print shops in the old town said they would share the cost of the new signs with the council."},
	{name: "bracketed config and captions stay", blocks: []string{"[phases] publish = false", "[figure 4: the two repositories side by side]"}, kind: rinse.BlockParagraph,
		wantText: "[phases] publish = false\n\n[figure 4: the two repositories side by side]"},
	{name: "prose about consent and networks stays", blocks: []string{"Regulators said the network had not asked users for consent before sharing data with third-party advertisers on Facebook."}, kind: rinse.BlockParagraph,
		wantText: "Regulators said the network had not asked users for consent before sharing data with third-party advertisers on Facebook."},
	{name: "prose mentioning a letter to the editor stays", blocks: []string{"He wrote a letter to the editor of the local paper."}, kind: rinse.BlockParagraph,
		wantText: "He wrote a letter to the editor of the local paper."},
	{name: "prose naming a file size stays", blocks: []string{"The agency published a report on the storm damage in the spring, and the full PDF runs to 2 MB with maps of every district that flooded, which residents can download from the council's website."}, kind: rinse.BlockParagraph,
		wantText: "The agency published a report on the storm damage in the spring, and the full PDF runs to 2 MB with maps of every district that flooded, which residents can download from the council's website."},
	{name: "prose naming a network stays", blocks: []string{"The mayor announced the decision on Twitter late on Sunday evening."}, kind: rinse.BlockParagraph,
		wantText: "The mayor announced the decision on Twitter late on Sunday evening."},
	{name: "wrapped prose lines join", blocks: []string{"The council met on Tuesday and approved the plan after a long", "debate about costs and the timetable for the works."}, kind: rinse.BlockLine,
		wantText: "The council met on Tuesday and approved the plan after a long debate about costs and the timetable for the works."},
	{name: "sentences stay paragraphs", blocks: []string{para, para}, kind: rinse.BlockLine, wantText: para + "\n\n" + para},
}

func TestBoilerplateGenericRules(t *testing.T) {
	tests := genericCases
	b := stage(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &rinse.Document{}
			for _, s := range tt.blocks {
				in.Blocks = append(in.Blocks, rinse.Block{Text: s, Kind: tt.kind})
			}
			orig := slices.Clone(in.Blocks)
			doc, err := b.Process(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.wantText {
				t.Errorf("text = %q, want %q", doc.Text, tt.wantText)
			}
			if doc.Author != tt.author {
				t.Errorf("author = %q, want %q", doc.Author, tt.author)
			}
			if !slices.Equal(doc.Categories, tt.cats) && len(doc.Categories)+len(tt.cats) > 0 {
				t.Errorf("categories = %q, want %q", doc.Categories, tt.cats)
			}
			if !slices.Equal(doc.Tags, tt.tags) && len(doc.Tags)+len(tt.tags) > 0 {
				t.Errorf("tags = %q, want %q", doc.Tags, tt.tags)
			}
			if tt.wantDateHint != "" && (len(doc.DateHints) == 0 || doc.DateHints[0].Value != tt.wantDateHint) {
				t.Errorf("date hints = %v, want %q first", doc.DateHints, tt.wantDateHint)
			}
			if !slices.Equal(in.Blocks, orig) {
				t.Error("input blocks were modified")
			}
		})
	}
}

func TestBoilerplateNoContent(t *testing.T) {
	in := &rinse.Document{Blocks: []rinse.Block{{Text: "Acme logo", Kind: rinse.BlockLine}, {Text: "4 min read", Kind: rinse.BlockLine}}}
	_, err := stage(t).Process(context.Background(), in)
	if !errors.Is(err, rinse.ErrNoContent) {
		t.Fatalf("err = %v, want ErrNoContent", err)
	}
}

func TestBoilerplateKeepsFieldsAlreadySet(t *testing.T) {
	in := &rinse.Document{Author: "Meta Author", Title: "A headline here", Blocks: []rinse.Block{
		{Text: "A headline here", Kind: rinse.BlockHeading},
		{Text: "Updated By: Someone Else", Kind: rinse.BlockParagraph},
		{Text: "Body text that stays in the document.", Kind: rinse.BlockParagraph},
	}}
	doc, err := stage(t).Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Author != "Meta Author" || doc.Text != "Body text that stays in the document." {
		t.Errorf("author %q text %q", doc.Author, doc.Text)
	}
}

// TestEveryGenericRuleHasACase: each shipped rule matches a block of
// genericCases, so none runs untested.
func TestEveryGenericRuleHasACase(t *testing.T) {
	for _, p := range shipped(t).Patterns() {
		found := false
		for _, c := range genericCases {
			for _, b := range c.blocks {
				found = found || p.Re.MatchString(b)
			}
		}
		if !found {
			t.Errorf("rule %q (%s) matches no block of genericCases", p.Re, p.Comment)
		}
	}
}

// TestProfileTurnsGenericRulesOff: "generic_rules: false" leaves a
// profile's pages to its own patterns.
func TestProfileTurnsGenericRulesOff(t *testing.T) {
	doc := func(profile string) *rinse.Document {
		return &rinse.Document{Profile: profile, Blocks: []rinse.Block{
			{Text: "Advertisement", Kind: rinse.BlockParagraph},
			{Text: "Sponsored by us", Kind: rinse.BlockParagraph},
			{Text: para, Kind: rinse.BlockParagraph},
		}}
	}
	var set []*rules.Profile
	for _, y := range []string{
		"name: off\ngeneric_rules: false\npatterns:\n  - pattern: '^Sponsored by'\n",
		"name: on\npatterns:\n  - pattern: '^Sponsored by'\n",
		"name: on-explicitly\ngeneric_rules: true\n",
	} {
		p, err := rules.Parse("p.yaml", []byte(y))
		if err != nil {
			t.Fatal(err)
		}
		set = append(set, p)
	}
	b := boilerplate.New(rules.NewSet(set...), shipped(t))
	for _, c := range []struct{ profile, want string }{
		{"off", "Advertisement\n\n" + para},
		{"on", para},
		{"on-explicitly", "Sponsored by us\n\n" + para},
		{"", "Sponsored by us\n\n" + para},
	} {
		got, err := b.Process(context.Background(), doc(c.profile))
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != c.want {
			t.Errorf("profile %q: text %q, want %q", c.profile, got.Text, c.want)
		}
	}
}
