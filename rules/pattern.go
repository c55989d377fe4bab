package rules

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/rinse-etl/rinse"
)

// Action is what a pattern does to the block it matches.
type Action string

// Pattern actions. Field actions lift the pattern's first capture group
// (or the whole match) into the field and cut the match out of the block;
// a block left with no words is dropped.
const (
	Drop       Action = "drop"       // drop the block
	DropAfter  Action = "drop-after" // drop the block and every block after it
	Title      Action = "title"
	Author     Action = "author"
	Categories Action = "categories"
	Tags       Action = "tags"
	Date       Action = "date" // group 1 published, group 2 (optional) updated
)

var actions = []Action{Drop, DropAfter, Title, Author, Categories, Tags, Date}

// Pattern is one compiled text rule.
type Pattern struct {
	// Re is compiled with regexp.Compile (leftmost-first, Perl syntax):
	// Apply may run an equivalent it derives from Re's source.
	Re      *regexp.Regexp
	Action  Action
	Comment string // why the rule exists
	// Source is where the rule is written ("file:line"), so that a
	// view of what removed a block can name it; "" for patterns made
	// in code.
	Source string
}

// Lifted gathers the field values patterns found, first found first.
type Lifted struct {
	Title, Author    string
	Categories, Tags []string
	Dates            []rinse.DateHint
}

// Apply runs the patterns, in order, over every block and returns the
// blocks that survive (a new slice; blocks are copied before they are
// changed). Lifted values are added to lifted when it is not nil.
func (l List) Apply(blocks []rinse.Block, lifted *Lifted) []rinse.Block {
	return l.apply(blocks, lifted, nil)
}

// Match is what one pattern did to one block, for explaining a result.
type Match struct {
	Pattern Pattern
	// Text is the block as the pattern saw it; Start and End bound the
	// match in it.
	Text       string
	Start, End int
	// Value is what a field action lifted ("" for drops).
	Value string
	// Kept reports that the block survives (a field action that left
	// words); a drop, a drop-after or a cut that left no words is false.
	Kept bool
	// Rest is the block's text after a field action cut the match out,
	// as the next pattern sees it ("" for drops).
	Rest string
}

// Trace is Apply that also calls see with every match, in order. It
// exists for explaining a result (rinse inspect --explain); Apply pays
// nothing for it.
func (l List) Trace(blocks []rinse.Block, lifted *Lifted, see func(Match)) []rinse.Block {
	return l.apply(blocks, lifted, see)
}

func (l List) apply(blocks []rinse.Block, lifted *Lifted, see func(Match)) []rinse.Block {
	if lifted == nil {
		lifted = &Lifted{}
	}
	out := make([]rinse.Block, 0, len(blocks))
	var bt blockText
	for _, b := range blocks {
		keep, stop := applyBlock(l.patterns, l.checks, &b, &bt, lifted, see)
		if stop {
			break
		}
		if keep {
			out = append(out, b)
		}
	}
	return out
}

// applyBlock reports whether b survives, and whether every later block
// must go too.
func applyBlock(patterns []Pattern, cs []*check, b *rinse.Block, bt *blockText, l *Lifted, see func(Match)) (keep, stop bool) {
	bt.reset(b.Text)
	for i, p := range patterns {
		if !cs[i].may(bt) {
			continue
		}
		m := cs[i].re.FindStringSubmatchIndex(b.Text)
		if m == nil {
			continue
		}
		switch p.Action {
		case Drop, DropAfter:
			if see != nil {
				see(Match{Pattern: p, Text: b.Text, Start: m[0], End: m[1]})
			}
			return false, p.Action == DropAfter
		}
		v := l.lift(p.Action, b.Text, m)
		text := b.Text
		b.Text = strings.TrimSpace(b.Text[:m[0]] + " " + b.Text[m[1]:])
		bt.reset(b.Text)
		keep := hasWord(b.Text)
		if see != nil {
			see(Match{Pattern: p, Text: text, Start: m[0], End: m[1], Value: v, Kept: keep, Rest: b.Text})
		}
		if !keep {
			return false, false
		}
	}
	return true, false
}

func group(s string, m []int, i int) string {
	if 2*i+1 >= len(m) || m[2*i] < 0 {
		return ""
	}
	return strings.TrimSpace(s[m[2*i]:m[2*i+1]])
}

// lift adds the value a field action's match carries to l and returns
// it (for Trace).
func (l *Lifted) lift(a Action, s string, m []int) string {
	v := group(s, m, 1)
	if len(m) <= 2 {
		v = strings.TrimSpace(s[m[0]:m[1]])
	}
	switch a {
	case Title:
		if l.Title == "" {
			l.Title = v
		}
	case Author:
		if l.Author == "" {
			l.Author = v
		}
	case Categories:
		l.Categories = appendNew(l.Categories, SplitList(v, false)...)
	case Tags:
		l.Tags = appendNew(l.Tags, SplitList(v, true)...)
	case Date:
		if v != "" {
			l.Dates = append(l.Dates, rinse.DateHint{Value: v, Field: "published", Origin: "text"})
		}
		if u := group(s, m, 2); u != "" {
			l.Dates = append(l.Dates, rinse.DateHint{Value: u, Field: "updated", Origin: "text"})
		}
	}
	return v
}

// SplitList splits a lifted list value: hashtag runs on '#' (tags lose
// the '#'), other lists on '|', ',' and ';'. Empty items are left out.
func SplitList(v string, hashtags bool) []string {
	sep := func(r rune) bool { return r == '|' || r == ',' || r == ';' }
	if hashtags && strings.Contains(v, "#") {
		sep = func(r rune) bool { return r == '#' || unicode.IsSpace(r) || r == ',' }
	}
	var out []string
	for _, f := range strings.FieldsFunc(v, sep) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// appendNew appends the values not already in list (case-insensitively).
func appendNew(list []string, vs ...string) []string {
next:
	for _, v := range vs {
		for _, have := range list {
			if strings.EqualFold(have, v) {
				continue next
			}
		}
		list = append(list, v)
	}
	return list
}

// AppendNew is appendNew for callers merging field lists.
func AppendNew(list []string, vs ...string) []string { return appendNew(list, vs...) }

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Patterns returns the list's patterns, in order (a copy).
func (l List) Patterns() []Pattern { return slices.Clone(l.patterns) }
