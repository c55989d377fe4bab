package explain

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

// row is one block of the view, in the page's reading order.
type row struct {
	Kind     string
	Segments []segment
	// Gone: nothing of the block is left; Reasons lists the distinct
	// reasons of its removed parts, in order.
	Gone    bool
	Reasons []Reason
	// Added says why a block of the result is shown that the page's
	// markup did not hold as such ("" for the page's own blocks).
	Added string
}

// segment is a run of a block's text with one fate.
type segment struct {
	Text string
	Why  *Reason // nil: kept
}

// unitFate is what happened to one unit: its nodes' DOM-level reasons,
// and the block of the extractor's output it became (-1: none).
type unitFate struct {
	why   []*Reason
	block int
	whole bool // matched by its whole text: every node kept
}

// rows lines the records up with the page's blocks.
func (t *Trace) rows() []row {
	units := t.units
	var out []rinse.Block
	if t.extracted != nil {
		out = t.extracted.Blocks
	}
	if len(units) == 0 {
		for _, b := range out { // a text dump: its lines are its blocks
			units = append(units, unit{block: b})
		}
	}
	fates := t.fates(units)
	added := t.match(units, fates, out)
	states := t.applyEdits(out)
	used := make([]bool, len(t.filtered))
	var rows []row
	next := 0 // next added block to place
	for i, u := range units {
		for f := fates[i]; next < len(added) && f.block > added[next]; next++ {
			rows = append(rows, addedRow(out[added[next]], states[added[next]]))
		}
		rows = append(rows, t.unitRow(u, fates[i], states, used))
	}
	for _, b := range added[next:] {
		rows = append(rows, addedRow(out[b], states[b]))
	}
	return rows
}

// fates finds each node's DOM-level reason: of the marks on it and its
// ancestors, the first recorded.
func (t *Trace) fates(units []unit) []unitFate {
	fates := make([]unitFate, len(units))
	for i, u := range units {
		fates[i].block = -1
		fates[i].why = make([]*Reason, len(u.nodes))
		for j, n := range u.nodes {
			fates[i].why[j] = t.domReason(n)
		}
	}
	return fates
}

func (t *Trace) domReason(n *html.Node) *Reason {
	var best *mark
	for p := n; p != nil; p = p.Parent {
		if m, ok := t.marks[p]; ok && (best == nil || m.seq < best.seq) {
			best = &m
		}
	}
	if best == nil {
		return nil
	}
	return &best.why
}

// keys returns the text of u's nodes that no DOM-level reason took, and
// all of it, as textKeys.
func keys(u unit, f unitFate) (kept, whole string) {
	if u.nodes == nil || u.image {
		k := textKey(u.block.Text)
		return k, k
	}
	var kb, wb strings.Builder
	for j, n := range u.nodes {
		wb.WriteString(n.Data)
		if f.why[j] == nil {
			kb.WriteString(n.Data)
		}
	}
	return textKey(kb.String()), textKey(wb.String())
}

// match pairs the extractor's output blocks with units, in order, and
// returns the output blocks no unit holds (a lead restored from the
// description, text from JSON-LD or <noscript> markup).
func (t *Trace) match(units []unit, fates []unitFate, out []rinse.Block) (added []int) {
	kept := make([]string, len(units))
	whole := make([]string, len(units))
	for i, u := range units {
		kept[i], whole[i] = keys(u, fates[i])
	}
	find := func(from int, k string) int {
		for i := from; i < len(units); i++ {
			if fates[i].block < 0 && !units[i].image && (kept[i] == k || whole[i] == k) {
				return i
			}
		}
		return -1
	}
	cursor := 0
	for b, bl := range out {
		k := textKey(bl.Text)
		i := find(cursor, k)
		if i < 0 {
			i = find(0, k)
		}
		if k == "" || i < 0 {
			added = append(added, b)
			continue
		}
		fates[i].block, fates[i].whole = b, kept[i] != k
		cursor = i + 1
	}
	return added
}

// outState is what the block-level rules did to one output block.
type outState struct {
	text string // as the next rule sees it
	gone *Reason
	cuts []cut
}

type cut struct {
	text string
	why  Reason
}

// applyEdits replays the recorded edits over the output blocks: each
// edit names the text it saw, the first live block with that text is
// the one.
func (t *Trace) applyEdits(out []rinse.Block) []outState {
	st := make([]outState, len(out))
	for i, b := range out {
		st[i].text = b.Text
	}
	for _, e := range t.edits {
		i := 0
		for i < len(st) && (st[i].gone != nil || st[i].text != e.Text) {
			i++
		}
		if i == len(st) {
			continue
		}
		why := e.Why
		if e.Kept {
			st[i].cuts = append(st[i].cuts, cut{e.Text[e.Start:e.End], why})
			st[i].text = e.Rest
		} else {
			st[i].gone = &why
		}
		if e.After {
			after := Reason{Class: why.Class, Rule: "after " + why.Rule, Source: why.Source, Why: why.Why}
			for k := i + 1; k < len(st); k++ {
				if st[k].gone == nil {
					st[k].gone = &after
				}
			}
		}
	}
	return st
}

// absent says why a unit that is not in the extractor's output is gone,
// when no DOM-level reason does: a block-level filter (used marks the
// filter records already spent), the content choice, or honestly
// nothing recorded.
func (t *Trace) absent(u unit, f unitFate, used []bool) Reason {
	kept, _ := keys(u, f)
	for i, fl := range t.filtered {
		if !used[i] && textKey(fl.text) == kept {
			used[i] = true
			return fl.why
		}
	}
	if t.extracted == nil {
		return Reason{Class: Other, Rule: "no document", Why: "the page failed before its text was built"}
	}
	why := t.outside(u)
	if k := textKey(t.extracted.Title); why.Class == Content && k != "" && kept == k {
		// Readers look for the headline first: say where it went.
		why.Why += "; the title field holds this text"
	}
	return why
}

// outside places a unit against the main-content choice.
func (t *Trace) outside(u unit) Reason {
	if n := firstWords(u.nodes); t.choice != nil && n != nil {
		c := t.choice
		inCore := withinAny(n, c.Core)
		inWide := c.Wide != nil && within(n, c.Wide)
		switch {
		case inWide && !inCore:
			return Reason{Class: Content, Rule: "around the main content",
				Why: fmt.Sprintf("of %s, widened from the chosen elements, only prose before them is kept", describe(c.Wide))}
		case !inCore:
			return Reason{Class: Content, Rule: "outside the main content",
				Why: fmt.Sprintf("candidate %s scored %.1f", describe(c.Top), c.Score)}
		}
	}
	return Reason{Class: Other, Rule: "not in the chosen content", Why: "no recorded rule removed it"}
}

// firstWords returns the first node with more than spaces.
func firstWords(nodes []*html.Node) *html.Node {
	for _, n := range nodes {
		if strings.TrimSpace(n.Data) != "" || n.Type == html.ElementNode {
			return n
		}
	}
	return nil
}

func within(n, root *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}

func withinAny(n *html.Node, roots []*html.Node) bool {
	for _, r := range roots {
		if within(n, r) {
			return true
		}
	}
	return false
}

// describe writes an element as its start tag with id and class.
func describe(n *html.Node) string {
	if n == nil {
		return "(none)"
	}
	var b strings.Builder
	b.WriteString("<" + n.Data)
	for _, a := range n.Attr {
		if a.Key == "id" || a.Key == "class" {
			fmt.Fprintf(&b, " %s=%q", a.Key, a.Val)
		}
	}
	b.WriteString(">")
	return b.String()
}
