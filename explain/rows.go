package explain

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

// unitRow builds the row of one unit: each node's text with its fate.
// A node keeps its DOM-level reason; the rest of the unit shares the
// fate of the output block it became (kept, cut, dropped), or, when it
// became none, the reason absent finds.
func (t *Trace) unitRow(u unit, f unitFate, states []outState, used []bool) row {
	var st *outState
	if f.block >= 0 {
		st = &states[f.block]
	}
	var rest *Reason
	if st != nil {
		rest = st.gone
	} else {
		r := t.absent(u, f, used)
		rest = &r
	}
	var segs []segment
	if u.nodes == nil {
		segs = []segment{{u.block.Text, rest}}
	}
	for j, n := range u.nodes {
		why := f.why[j]
		if why == nil || f.whole && st != nil {
			why = rest
		}
		segs = appendText(segs, nodeText(n), why)
	}
	if st != nil {
		segs = applyCuts(segs, st.cuts)
	}
	kind := kindName(u.block.Kind)
	if u.image {
		kind = "img"
	}
	return clip(finish(kind, segs))
}

// maxTagText bounds the text shown of a block a dropped tag took
// (a <script>'s JSON, a <noscript>'s markup): what it was matters, not
// all of it.
const maxTagText = 300

func clip(r row) row {
	if !r.Gone || len(r.Reasons) != 1 || r.Reasons[0].Class != Tag || len(r.Segments) != 1 {
		return r
	}
	s := &r.Segments[0]
	if len(s.Text) > maxTagText {
		cut := maxTagText
		for cut > 0 && !utf8.RuneStart(s.Text[cut]) {
			cut--
		}
		s.Text = s.Text[:cut] + " …"
	}
	return r
}

// addedRow builds the row of an output block the page's blocks did not
// hold as such.
func addedRow(b rinse.Block, st outState) row {
	r := finish(kindName(b.Kind), applyCuts([]segment{{b.Text, st.gone}}, st.cuts))
	r.Added = "added by the extractor: not one of the page's blocks as read before extraction (a lead restored from the description, JSON-LD articleBody or <noscript> markup)"
	return r
}

func nodeText(n *html.Node) string {
	if n.Type == html.ElementNode {
		return "[image] " + altText(n)
	}
	return n.Data
}

// appendText adds s to segs with its reason, joining it to the last
// segment when they share it, and collapsing spaces across segments.
func appendText(segs []segment, s string, why *Reason) []segment {
	s = squeeze(s)
	if len(segs) > 0 && strings.HasSuffix(segs[len(segs)-1].Text, " ") {
		s = strings.TrimPrefix(s, " ")
	}
	if s == "" {
		return segs
	}
	if len(segs) > 0 && sameReason(segs[len(segs)-1].Why, why) {
		segs[len(segs)-1].Text += s
		return segs
	}
	return append(segs, segment{s, why})
}

// squeeze turns runs of spaces into one space, keeping one at either end
// if s has any there.
func squeeze(s string) string {
	body := strings.Join(strings.Fields(s), " ")
	if body == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if strings.TrimLeftFunc(s[:1], isSpace) == "" {
		body = " " + body
	}
	if strings.TrimRightFunc(s[len(s)-1:], isSpace) == "" {
		body += " "
	}
	return body
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' }

func sameReason(a, b *Reason) bool {
	return a == b || a != nil && b != nil && *a == *b
}

// applyCuts marks, for each cut, the first run of kept text that holds
// it (spaces aside) as removed for the cut's reason; a cut the text does
// not hold in one run is shown after it.
func applyCuts(segs []segment, cuts []cut) []segment {
	for _, c := range cuts {
		text := strings.Join(strings.Fields(c.text), " ")
		why := c.why
		if x, ok := findKept(segs, text); ok {
			segs = split(segs, x, x+len(text), &why)
		} else if text != "" {
			segs = append(segs, segment{" " + text, &why})
		}
	}
	return segs
}

// findKept returns where text starts in the segments' joined text, in a
// stretch of kept segments only.
func findKept(segs []segment, text string) (int, bool) {
	var flat strings.Builder
	for _, s := range segs {
		flat.WriteString(s.Text)
	}
	all := flat.String()
	for from := 0; text != ""; {
		i := strings.Index(all[from:], text)
		if i < 0 {
			return 0, false
		}
		if allKept(segs, from+i, from+i+len(text)) {
			return from + i, true
		}
		from += i + 1
	}
	return 0, false
}

func allKept(segs []segment, x, y int) bool {
	at := 0
	for _, s := range segs {
		end := at + len(s.Text)
		if end > x && at < y && s.Why != nil {
			return false
		}
		at = end
	}
	return true
}

// split gives the text in [x, y) of the joined segments the reason why.
func split(segs []segment, x, y int, why *Reason) []segment {
	var out []segment
	at := 0
	for _, s := range segs {
		end := at + len(s.Text)
		a, b := max(x, at), min(y, end)
		if a >= b {
			out = append(out, s)
			at = end
			continue
		}
		for _, part := range []segment{{s.Text[:a-at], s.Why}, {s.Text[a-at : b-at], why}, {s.Text[b-at:], s.Why}} {
			if part.Text != "" {
				out = append(out, part)
			}
		}
		at = end
	}
	return out
}

// finish trims the row's ends and sums up its reasons.
func finish(kind string, segs []segment) row {
	r := row{Kind: kind, Gone: true}
	for i := range segs {
		if i == 0 {
			segs[i].Text = strings.TrimLeft(segs[i].Text, " ")
		}
		if i == len(segs)-1 {
			segs[i].Text = strings.TrimRight(segs[i].Text, " ")
		}
	}
	for _, s := range segs {
		if s.Text == "" {
			continue
		}
		r.Segments = append(r.Segments, s)
		switch {
		case strings.TrimSpace(s.Text) == "":
		case s.Why == nil:
			r.Gone = false
		case !hasReason(r.Reasons, *s.Why):
			r.Reasons = append(r.Reasons, *s.Why)
		}
	}
	r.Gone = r.Gone && len(r.Reasons) > 0
	return r
}

func hasReason(rs []Reason, r Reason) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

var kindNames = map[rinse.BlockKind]string{
	rinse.BlockParagraph: "p", rinse.BlockHeading: "h", rinse.BlockListItem: "li",
	rinse.BlockQuote: "quote", rinse.BlockTableRow: "tr", rinse.BlockPre: "pre", rinse.BlockLine: "line",
}

func kindName(k rinse.BlockKind) string { return kindNames[k] }
