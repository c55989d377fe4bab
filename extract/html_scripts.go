package extract

import (
	"strings"
)

// Script and style bodies are a quarter to a half of a modern page's
// bytes, and the parser copies every one into a text node that the
// extractor then throws away: emptying them before parsing saves about a
// quarter of the parse. Only what the extractor never reads is emptied:
//   - JSON-LD and other JSON stay (metadata), and so does any script
//     whose body starts like JSON (some sites leave out the type);
//   - a body holding "<!--" stays whole: there the HTML tokenizer's
//     escaped states can run past the first "</script>", and the cut
//     must end where the parser's would.

// emptyScripts returns body with the bodies of <script> (JavaScript)
// and <style> elements removed, the tags themselves kept. Comments and
// the elements whose content the tokenizer reads as text (<title>,
// <textarea>, <noscript> …) are stepped over whole: a "<script>" in them
// is text, not a tag.
func emptyScripts(body string) string {
	var b strings.Builder
	last := 0 // body[last:] is not yet copied
	for i := 0; i < len(body); {
		j := strings.IndexByte(body[i:], '<')
		if j < 0 {
			break
		}
		i += j
		next, tag := markupAt(body, i)
		if next < 0 {
			break
		}
		if !tag {
			i = next
			continue
		}
		name := rawTextTag(body, i)
		if name == "" {
			i = next
			continue
		}
		if name == "plaintext" {
			break // the rest of the page is text
		}
		open := next
		close := closingTag(body, open, name)
		if close < 0 {
			break
		}
		if droppable(name, body[i:open], body[open:close]) {
			if b.Cap() == 0 {
				b.Grow(len(body))
			}
			b.WriteString(body[last:open])
			last = close
		}
		if i = tagEnd(body, close+2); i < 0 {
			break // the end tag runs to the end of the page
		}
	}
	if last == 0 {
		return body
	}
	b.WriteString(body[last:])
	return b.String()
}

// markupAt reads what starts at body[i] (a '<') as the tokenizer does and
// returns the index past it, or -1 when it runs to the end, and whether it
// is a start tag. Comments, end tags, doctypes and bogus comments are
// stepped over; a '<' that starts none of them is text.
func markupAt(body string, i int) (next int, startTag bool) {
	if i+1 >= len(body) {
		return -1, false
	}
	switch c := body[i+1]; {
	case isASCIILetter(c):
		return tagEnd(body, i+2), true
	case c == '/' && i+2 < len(body) && isASCIILetter(body[i+2]):
		return tagEnd(body, i+3), false
	case strings.HasPrefix(body[i:], "<!--"):
		if k := strings.Index(body[i+4:], "-->"); k >= 0 {
			return i + 4 + k + 3, false
		}
		return -1, false
	case c == '!' || c == '?' || c == '/':
		if k := strings.IndexByte(body[i+2:], '>'); k >= 0 {
			return i + 2 + k + 1, false
		}
		return -1, false
	}
	return i + 1, false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// rawTags are the elements whose content the tokenizer does not read as
// markup (raw text and RCDATA, and <noscript> when scripting is on).
var rawTags = [...]string{"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}

// rawTextTag reports which of rawTags body[i:] opens, or "".
func rawTextTag(body string, i int) string {
	for _, name := range rawTags {
		end := i + 1 + len(name)
		if end < len(body) && strings.EqualFold(body[i+1:end], name) && tagNameEnds(body[end]) {
			return name
		}
	}
	return ""
}

func tagNameEnds(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// tagEnd returns the index just past the '>' that ends the tag whose
// name or attributes continue at i, or -1. A quote opens an attribute
// value only right after '=', as in the tokenizer; such values may hold
// '>'.
func tagEnd(body string, i int) int {
	for ; i < len(body); i++ {
		switch body[i] {
		case '>':
			return i + 1
		case '=':
			j := i + 1
			for j < len(body) && isSpace(body[j]) {
				j++
			}
			if j < len(body) && (body[j] == '"' || body[j] == '\'') {
				k := strings.IndexByte(body[j+1:], body[j])
				if k < 0 {
					return -1
				}
				i = j + 1 + k
			}
		}
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// closingTag returns the index of the "</name" that ends a raw-text
// element whose body starts at i, or -1.
func closingTag(body string, i int, name string) int {
	for {
		j := strings.Index(body[i:], "</")
		if j < 0 {
			return -1
		}
		k := i + j
		end := k + 2 + len(name)
		if end < len(body) && strings.EqualFold(body[k+2:end], name) && tagNameEnds(body[end]) {
			return k
		}
		i = k + 2
	}
}

// droppable reports whether the extractor never reads this body.
func droppable(name, openTag, content string) bool {
	if name != "script" && name != "style" || strings.Contains(content, "<!--") {
		return false
	}
	if name == "style" {
		return true
	}
	if t := strings.ToLower(openTag); strings.Contains(t, "json") || strings.Contains(t, "template") || strings.Contains(t, "html") {
		return false
	}
	c := strings.TrimSpace(content)
	return c != "" && c[0] != '{' && c[0] != '['
}
