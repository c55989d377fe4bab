package extract

import "strings"

// scanner splits markup into tokens exactly where golang.org/x/net/html's
// Tokenizer does (FuzzScanner checks it), without allocating: the
// Tokenizer copies every attribute name and keeps them in a map, so a
// tag of a million attributes costs it 150 MB before domBound could say
// no. It keeps only what domBound needs: each token's kind, extent, tag
// name and attribute count.
type scanner struct {
	s   string
	pos int
	// raw is the raw-text element whose content comes next ("script",
	// "title" …), as after the Tokenizer reads such a start tag; "" when
	// the next token is markup (NextIsNotRawText).
	raw string
	// cdata reads "<![CDATA[" sections as text, as the parser lets the
	// Tokenizer do in foreign content.
	cdata bool
}

type tokenKind uint8

const (
	tokEOF     tokenKind = iota // end of input, or a tag cut off by it (dropped)
	tokText                     // text, raw text or CDATA
	tokStart                    // start tag, self-closing or not
	tokEnd                      // end tag
	tokComment                  // comment, doctype, bogus comment
)

// token is one token of markup: s[start:end].
type token struct {
	kind        tokenKind
	start, end  int
	name        string // the tag name as written
	attrs       int    // attributes with a name (duplicates included)
	selfClosing bool
	raw         string // the raw-text element a start tag opens, lower case
	rawText     bool   // a text token read as raw text
}

// next returns the next token.
func (z *scanner) next() token {
	start := z.pos
	if z.pos >= len(z.s) {
		return token{kind: tokEOF, start: start, end: start}
	}
	if raw := z.raw; raw != "" {
		z.raw = ""
		end := rawTextEnd(z.s, z.pos, raw)
		if end > z.pos {
			z.pos = end
			return token{kind: tokText, start: start, end: end, rawText: true}
		}
	}
	s := z.s
	for i := z.pos; ; {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 || i+j+1 >= len(s) {
			z.pos = len(s)
			return token{kind: tokText, start: start, end: len(s)}
		}
		i += j
		c := s[i+1]
		if !isASCIILetter(c) && c != '/' && c != '!' && c != '?' {
			i++ // a '<' of the text
			continue
		}
		if i > start {
			z.pos = i
			return token{kind: tokText, start: start, end: i}
		}
		return z.markup()
	}
}

// markup reads the tag, comment or declaration at z.pos, which starts with
// '<' and one of a letter, '/', '!' or '?'.
func (z *scanner) markup() token {
	s, start := z.s, z.pos
	switch c := s[start+1]; {
	case isASCIILetter(c):
		t := z.tag(start + 1)
		if t.kind == tokStart {
			t.raw = rawTagName(t.name)
			z.raw = t.raw
		}
		return t
	case c == '/':
		if start+2 >= len(s) {
			z.pos = len(s) // "</" at the end is text
			return token{kind: tokText, start: start, end: len(s)}
		}
		switch d := s[start+2]; {
		case d == '>':
			z.pos = start + 3 // "</>": an empty comment
			return token{kind: tokComment, start: start, end: z.pos}
		case isASCIILetter(d):
			t := z.tag(start + 2)
			if t.kind != tokEOF {
				t.kind, t.attrs, t.selfClosing = tokEnd, 0, false
			}
			return t
		}
		z.pos = untilCloseAngle(s, start+2)
		return token{kind: tokComment, start: start, end: z.pos}
	case c == '!':
		z.pos = z.declaration(start + 2)
		if z.pos < 0 {
			z.pos = -z.pos
			return token{kind: tokText, start: start, end: z.pos}
		}
		return token{kind: tokComment, start: start, end: z.pos}
	default: // '?'
		z.pos = untilCloseAngle(s, start+1)
		return token{kind: tokComment, start: start, end: z.pos}
	}
}

// untilCloseAngle returns the index past the first '>' from i, or the end.
func untilCloseAngle(s string, i int) int {
	if k := strings.IndexByte(s[i:], '>'); k >= 0 {
		return i + k + 1
	}
	return len(s)
}

// declaration reads what follows "<!" at i: a comment, a doctype, a CDATA
// section or a bogus comment. It returns the index past it, negated for a
// CDATA section (a text token).
func (z *scanner) declaration(i int) int {
	s := z.s
	if len(s)-i < 2 {
		return len(s)
	}
	if s[i] == '-' && s[i+1] == '-' {
		return commentEnd(s, i+2)
	}
	if len(s)-i >= len("DOCTYPE") && strings.EqualFold(s[i:i+len("DOCTYPE")], "DOCTYPE") {
		return untilCloseAngle(s, i+len("DOCTYPE"))
	}
	if z.cdata && strings.HasPrefix(s[i:], "[CDATA[") {
		return -cdataEnd(s, i+len("[CDATA["))
	}
	return untilCloseAngle(s, i)
}

// commentEnd returns the index past the comment whose data starts at i
// (after "<!--"), following the Tokenizer's readComment: "-->", "--!>",
// and right at the start "<!-->" and "<!--->".
func commentEnd(s string, i int) int {
	dashes, beginning := 0, true
	for i < len(s) {
		c := s[i]
		i++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return i
			}
		case '!':
			if dashes >= 2 {
				if i >= len(s) {
					return i
				}
				c = s[i]
				i++
				if c == '>' {
					return i
				}
				if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
	return len(s)
}

// cdataEnd returns the index past the "]]>" ending the CDATA section whose
// data starts at i, or the end.
func cdataEnd(s string, i int) int {
	brackets := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case ']':
			brackets++
		case '>':
			if brackets >= 2 {
				return i + 1
			}
			brackets = 0
		default:
			brackets = 0
		}
	}
	return len(s)
}

// tag reads a start or end tag whose name starts at i, as the Tokenizer's
// readTag: a tag cut off by the end of input is no token (tokEOF).
func (z *scanner) tag(i int) token {
	s := z.s
	t := token{kind: tokStart, start: z.pos, end: len(s)}
	nameStart := i
	// The name runs to a space (consumed), '/' or '>' (not consumed); its
	// first letter is read before it is looked at.
	i++
	for i < len(s) && !isSpace(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	t.name = s[nameStart:i]
	if i < len(s) && isSpace(s[i]) {
		i++
	}
	lastValEnd := -1 // index past the last named attribute's value
	for {
		i = skipSpace(s, i)
		if i >= len(s) {
			z.pos = len(s)
			return token{kind: tokEOF, start: t.start, end: len(s)}
		}
		if s[i] == '>' {
			i++
			break
		}
		var named bool
		i, named = attrKey(s, i)
		var valEnd int
		i, valEnd = attrValue(s, i)
		if named {
			t.attrs++
			lastValEnd = valEnd
		}
	}
	t.end, z.pos = i, i
	// As readStartTag: self-closing unless the '/' ends an unquoted value.
	t.selfClosing = s[i-2] == '/' && (lastValEnd < 0 || i-2 != lastValEnd-1)
	return t
}

// attrKey reads an attribute name from i (readTagAttrKey) and returns the
// index past it and whether it is non-empty.
func attrKey(s string, i int) (int, bool) {
	start := i
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case '=':
			if i == start {
				continue // a leading '=' is part of the name
			}
			return i, true
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			return i, i > start
		}
	}
	return i, i > start
}

// attrValue reads what follows an attribute name from i
// (readTagAttrVal): an optional "= value". It returns the index past it
// and past the value's last byte (before a closing quote). At the end of
// input the index is len(s)+1, to tell a cut-off tag.
func attrValue(s string, i int) (next, valEnd int) {
	p0 := i
	i = skipSpace(s, i)
	if i >= len(s) {
		return len(s) + 1, p0
	}
	switch s[i] {
	case '/':
		return i + 1, p0 // the '/' is consumed; no value
	case '=':
	default:
		return i, p0
	}
	i = skipSpace(s, i+1)
	if i >= len(s) {
		return len(s) + 1, p0
	}
	switch q := s[i]; q {
	case '>':
		return i, p0
	case '\'', '"':
		k := strings.IndexByte(s[i+1:], q)
		if k < 0 {
			return len(s) + 1, len(s)
		}
		return i + 1 + k + 1, i + 1 + k
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case ' ', '\n', '\r', '\t', '\f':
			return j + 1, j
		case '>':
			return j, j
		}
	}
	return len(s) + 1, len(s)
}

func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// rawTagName returns the lower-case name of a start tag the Tokenizer
// reads raw text after, or "".
func rawTagName(name string) string {
	for _, r := range rawTags {
		if len(name) == len(r) && strings.EqualFold(name, r) {
			return r
		}
	}
	return ""
}

// rawTextEnd returns where the raw text of element raw that starts at i
// ends: at its end tag, or at the end of input.
func rawTextEnd(s string, i int, raw string) int {
	switch raw {
	case "plaintext":
		return len(s)
	case "script":
		return scriptEnd(s, i)
	}
	if k := closingTag(s, i, raw); k >= 0 {
		return k
	}
	return len(s)
}

// scriptEnd returns where a script's text that starts at i ends, following
// the states of the Tokenizer's readScript: "</script" ends it, except in
// a "<!--<script>" section that "-->" or "</script>" has not closed yet.
func scriptEnd(s string, i int) int {
	const (
		data = iota
		escaped
		escapedDash
		escapedDashDash
		double
		doubleDash
		doubleDashDash
	)
	state := data
	for i < len(s) {
		c := s[i]
		i++
		switch state {
		case data:
			if c != '<' {
				continue
			}
			if endsScript(s, i-1) {
				return i - 1
			}
			if strings.HasPrefix(s[i:], "!--") {
				state, i = escapedDashDash, i+3
			}
		case escaped, escapedDash, escapedDashDash:
			switch {
			case c == '-':
				state = min(state+1, escapedDashDash)
			case c == '>' && state == escapedDashDash:
				state = data
			case c != '<':
				state = escaped
			case i < len(s) && s[i] == '/':
				if endsScript(s, i-1) {
					return i - 1
				}
				state = escaped
			case i < len(s) && isASCIILetter(s[i]):
				state = escaped
				if opensScript(s, i-1) {
					state, i = double, i+len("script")+1
				}
			default:
				state = data // the Tokenizer's scriptDataEscapedLessThanSign
			}
		default: // double-escaped
			switch {
			case c == '-':
				state = min(state+1, doubleDashDash)
			case c == '>' && state == doubleDashDash:
				state = data
			case c == '<' && i < len(s) && s[i] == '/' && endsScript(s, i-1):
				state, i = escaped, i+len("/script")+1
			default:
				state = double
			}
		}
	}
	return len(s)
}

// endsScript reports whether s[i:] is "</script" and a delimiter.
func endsScript(s string, i int) bool {
	end := i + len("</script")
	return end < len(s) && s[i+1] == '/' && strings.EqualFold(s[i+2:end], "script") && tagNameEnds(s[end])
}

// opensScript reports whether s[i:] is "<script" and a delimiter.
func opensScript(s string, i int) bool {
	end := i + len("<script")
	return end < len(s) && strings.EqualFold(s[i+1:end], "script") && tagNameEnds(s[end])
}
