package boilerplate

import (
	"context"
	"fmt"
	"strings"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/rules"
)

// Boilerplate drops boilerplate blocks with the matched site profile's
// patterns and the generic rules (configs/rules, compiled by
// rules.LoadRules), lifts the fields they carry (author,
// categories, tags, title, dates) into the document, and builds Text from
// the blocks that survive. It is a pipeline.DocProcessor.
type Boilerplate struct {
	profiles *rules.Set
	generic  rules.List
}

// New returns the stage; profiles may be nil. The generic rules run on
// every document after its profile's patterns, unless the profile turns
// them off.
func New(profiles *rules.Set, generic rules.List) *Boilerplate {
	return &Boilerplate{profiles: profiles, generic: generic}
}

// Process implements pipeline.DocProcessor.
func (b *Boilerplate) Process(ctx context.Context, in *rinse.Document) (*rinse.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("removing boilerplate: %w: %w", rinse.ErrTimeout, err)
	}
	d := *in
	t := explain.From(ctx)
	blocks := dropTitle(in.Blocks, in.Title, t)
	var l rules.Lifted
	p := b.profiles.Get(in.Profile)
	if p != nil {
		blocks = p.Patterns.Trace(blocks, &l, explainMatch(t, explain.Pattern, p.Name+": "))
	}
	if p == nil || !p.SkipGeneric {
		blocks = b.generic.Trace(blocks, &l, explainMatch(t, explain.Generic, ""))
	}
	if d.Title == "" {
		d.Title = l.Title
		blocks = dropTitle(blocks, d.Title, t)
	}
	if d.Author == "" {
		d.Author = l.Author
	}
	d.Categories = rules.AppendNew(append([]string(nil), in.Categories...), l.Categories...)
	d.Tags = rules.AppendNew(append([]string(nil), in.Tags...), l.Tags...)
	if len(l.Dates) > 0 {
		d.DateHints = append(append([]rinse.DateHint(nil), in.DateHints...), l.Dates...)
	}
	d.Blocks = blocks
	d.Text = joinBlocks(blocks)
	if strings.TrimSpace(d.Text) == "" {
		return nil, fmt.Errorf("removing boilerplate: %w", rinse.ErrNoContent)
	}
	return &d, nil
}

// dropTitle removes the blocks that repeat the title among the first
// few: the headline is a field, not part of the text. t, when not nil,
// is told.
func dropTitle(blocks []rinse.Block, title string, t *explain.Trace) []rinse.Block {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" {
		return blocks
	}
	var out []rinse.Block
	for i, bl := range blocks {
		if i < 8 && strings.EqualFold(bl.Text, title) {
			if t != nil {
				t.Edit(explain.Edit{Text: bl.Text, End: len(bl.Text), Why: titleReason()})
			}
			continue
		}
		out = append(out, bl)
	}
	return out
}

// joinBlocks builds Text: a blank line between paragraphs. Text-dump
// lines join into one paragraph while the previous line reads as wrapped
// prose (long, no sentence end).
func joinBlocks(blocks []rinse.Block) string {
	var sb strings.Builder
	size := 0
	for _, bl := range blocks {
		size += len(bl.Text) + 2
	}
	sb.Grow(size)
	for i, bl := range blocks {
		sep := "\n\n"
		if bl.Kind == rinse.BlockLine && i > 0 && continues(blocks[i-1]) {
			sep = " "
		}
		if bl.Kind == rinse.BlockPre {
			if bl.Text != "" {
				writeSep(&sb, sep)
				sb.WriteString(bl.Text)
			}
			continue
		}
		// The words joined by single spaces, without the slice and
		// string strings.Join(strings.Fields(…)) would allocate.
		first := true
		for w := range strings.FieldsSeq(bl.Text) {
			if first {
				writeSep(&sb, sep)
				first = false
			} else {
				sb.WriteByte(' ')
			}
			sb.WriteString(w)
		}
	}
	return sb.String()
}

// writeSep separates a paragraph from the text before it, if any.
func writeSep(sb *strings.Builder, sep string) {
	if sb.Len() > 0 {
		sb.WriteString(sep)
	}
}

// continues reports whether a text-dump line runs on into the next one.
func continues(prev rinse.Block) bool {
	if prev.Kind != rinse.BlockLine || len(prev.Text) < 60 {
		return false
	}
	last := prev.Text[len(prev.Text)-1]
	return !strings.ContainsRune(".!?:;\"'”’)»。！？", rune(last)) && last < 0x80
}
