package boilerplate

import (
	"fmt"

	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/rules"
)

// The reasons the stage gives the explain view (rinse inspect
// --explain); nothing here runs unless a trace is recording.

// explainMatch returns the callback that tells t what each of a rule
// list's matches did, or nil (plain Apply) when t is nil. owner names
// the list in each rule's name: "mooflife: " for a profile's patterns,
// "" for the generic rules (their source names the file).
func explainMatch(t *explain.Trace, class explain.Class, owner string) func(rules.Match) {
	if t == nil {
		return nil
	}
	return func(m rules.Match) {
		p := m.Pattern
		why := explain.Reason{Class: class, Rule: fmt.Sprintf("%s%s /%s/", owner, p.Action, p.Re), Source: p.Source, Why: p.Comment}
		if m.Value != "" {
			why.Why += fmt.Sprintf(" (lifted into %s: %q)", p.Action, m.Value)
			if p.Action != rules.Date {
				t.Origin(string(p.Action), m.Value, fmt.Sprintf("text pattern %s/%s/ (%s)", owner, p.Re, p.Source))
			}
		}
		t.Edit(explain.Edit{Text: m.Text, Start: m.Start, End: m.End, Kept: m.Kept, Rest: m.Rest,
			After: p.Action == rules.DropAfter, Why: why})
	}
}

// titleReason is why dropTitle removed a block (a function: a variable
// naming dropTitle would make an initialization cycle).
func titleReason() explain.Reason {
	return explain.Reason{Class: explain.Title, Rule: "the headline", Source: explain.SourceOf(dropTitle),
		Why: "repeats the title among the first blocks: it is the title field, not part of the text"}
}
