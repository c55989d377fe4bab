package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

// checkPatterns are shaped like the boilerplate rules: whole-block
// matches, "within the first n characters" searches, alternations of
// anchored branches, unanchored tails and case-folded words.
var checkPatterns = []string{
	`^(?i)(?:advertisement|anzeige|sponsored)$`,
	`^(?i).{0,40}\b(?:we|this site) uses? cookies\b.{0,80}$`,
	`(?i)^(?:\d+\s+)?people like this|^like this:?$`,
	`(?:^|\s)((?:#\pL[\pL\pN_]*[\s,]*){2,})$`,
	`^(?i)(?:tags?|filed under):\s*(.{1,50})$`,
	`^[\pL ]{1,20} (?:logo|icon)$`,
	`^(?i)(?:copyright\s*)?©`,
	`^(?i).{0,30}\bsubscribe\b.{0,20}\bnewsletters?\b`,
	`(?i)kelvin`,
	`^(?i)s[ií]guenos en (?:telegram|youtube)$`,
	`(?m)^Menu$`,
	`x*`,
	`^$`,
}

var checkTexts = []string{
	"", " ", "Advertisement", "ADVERTISEMENT", "Advertisement below",
	"This site uses cookies to remember you.", "We use cookies.",
	"a long paragraph " + strings.Repeat("with words ", 30) + "this site uses cookies",
	"3 people like this", "Like this:", "I like this",
	"End of the story. #one #two", "#solo", "Tags: rain, wind", "tags: x",
	"Acme logo", "© 2024 Acme", "Copyright © Acme",
	"Subscribe to our weekly newsletter", "Please subscribe now to the newsletters",
	"\u212Aelvin scale", "KELVIN", "ſubscribe to the newsletter",
	"Síguenos en Telegram", "SÍGUENOS EN YOUTUBE", "siguenos en telegram",
	"\xff\xfeAdvertisement", "Advertisement\xff", "Top\nMenu\nEnd",
}

// TestChecksNeverTurnAwayAMatch: a check may let a block through in vain,
// never stop one the pattern matches.
func TestChecksNeverTurnAwayAMatch(t *testing.T) {
	for _, p := range checkPatterns {
		re := regexp.MustCompile(p)
		c := prepare(re)
		for _, text := range checkTexts {
			var bt blockText
			bt.reset(text)
			want := re.FindStringSubmatchIndex(text)
			if want != nil && !c.may(&bt) {
				t.Errorf("%s: check turned away %q", p, text)
			}
			if got := c.re.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
				t.Errorf("%s on %q: prepared pattern found %v, want %v", p, text, got, want)
			}
		}
	}
}

// TestChecksTurnAwayOthers: the checks are worth having.
func TestChecksTurnAwayOthers(t *testing.T) {
	cases := []struct{ re, text string }{
		{`^(?i)(?:advertisement|anzeige|sponsored)$`, "Results of the vote"},
		{`^(?i)(?:advertisement|anzeige|sponsored)$`, "Advertisement " + strings.Repeat("x", 40)},
		{`^(?i).{0,40}\b(?:we|this site) uses? cookies\b.{0,80}$`, "A short line without the word"},
		{`(?:^|\s)((?:#\pL[\pL\pN_]*[\s,]*){2,})$`, "No hashtags here"},
		{`^(?i).{0,30}\bsubscribe\b.{0,20}\bnewsletters?\b`, strings.Repeat("words ", 10) + "subscribe to newsletters"},
	}
	for _, c := range cases {
		var bt blockText
		bt.reset(c.text)
		if prepare(regexp.MustCompile(c.re)).may(&bt) {
			t.Errorf("%s: check let %q through", c.re, c.text)
		}
	}
}

func TestAnchoredAlternation(t *testing.T) {
	re := regexp.MustCompile(`^a(b)|^c`)
	a := anchored(re)
	if a == re || a.NumSubexp() != 1 {
		t.Fatalf("anchored(%s) = %s", re, a)
	}
	for _, s := range []string{"ab", "c", "xab", "xc", "abc"} {
		if got, want := a.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

func TestApplyWithChecksMatchesPatterns(t *testing.T) {
	var ps []Pattern
	for i, p := range checkPatterns[:8] {
		a := Drop
		if i == 3 || i == 4 {
			a = Tags
		}
		ps = append(ps, Pattern{Re: regexp.MustCompile(p), Action: a})
	}
	var blocks []rinse.Block
	for _, text := range checkTexts {
		blocks = append(blocks, rinse.Block{Text: text, Kind: rinse.BlockParagraph})
	}
	var got, want Lifted
	out := NewList(ps...).Apply(blocks, &got)
	ref := naiveApply(ps, blocks, &want)
	if !slices.EqualFunc(out, ref, func(a, b rinse.Block) bool { return a.Text == b.Text }) {
		t.Errorf("blocks differ:\n%q\n%q", texts(out), texts(ref))
	}
	if !slices.Equal(got.Tags, want.Tags) {
		t.Errorf("tags %q, want %q", got.Tags, want.Tags)
	}
}

// naiveApply is Apply without checks.
func naiveApply(ps []Pattern, blocks []rinse.Block, l *Lifted) []rinse.Block {
	var out []rinse.Block
	for _, b := range blocks {
		keep := true
		for _, p := range ps {
			m := p.Re.FindStringSubmatchIndex(b.Text)
			if m == nil {
				continue
			}
			if p.Action == Drop {
				keep = false
				break
			}
			l.lift(p.Action, b.Text, m)
			b.Text = strings.TrimSpace(b.Text[:m[0]] + " " + b.Text[m[1]:])
			if !hasWord(b.Text) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, b)
		}
	}
	return out
}

func texts(bs []rinse.Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Text)
	}
	return out
}

func FuzzChecks(f *testing.F) {
	for _, s := range checkTexts {
		f.Add(s)
	}
	res := make([]*regexp.Regexp, len(checkPatterns))
	cs := make([]*check, len(checkPatterns))
	for i, p := range checkPatterns {
		res[i] = regexp.MustCompile(p)
		cs[i] = prepare(res[i])
	}
	f.Fuzz(func(t *testing.T, text string) {
		for i, re := range res {
			var bt blockText
			bt.reset(text)
			if re.MatchString(text) && !cs[i].may(&bt) {
				t.Errorf("%s: check turned away %q", re, text)
			}
		}
	})
}
