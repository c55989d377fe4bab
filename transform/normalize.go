package transform

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/rinse-etl/rinse"
)

// Normalize puts the document's text fields into one canonical form so
// that equal texts hash, match and group equally: Unicode NFC, no
// zero-width or control characters, every kind of space as a plain space,
// runs of spaces collapsed, paragraphs separated by exactly one blank line.
type Normalize struct{}

// Process implements pipeline.DocProcessor.
func (Normalize) Process(_ context.Context, in *rinse.Document) (*rinse.Document, error) {
	d := *in
	d.Text = NormalizeText(in.Text)
	d.Title = NormalizeLine(in.Title)
	d.Author = NormalizeLine(in.Author)
	d.SiteName = NormalizeLine(in.SiteName)
	d.Description = NormalizeLine(in.Description)
	d.Categories = normalizeList(in.Categories)
	d.Tags = normalizeList(in.Tags)
	return &d, nil
}

// NormalizeText normalizes a multi-paragraph text: lines are normalized,
// and blank lines separate paragraphs (never more than one).
func NormalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for para := range strings.SplitSeq(s, "\n\n") {
		p := NormalizeLine(strings.ReplaceAll(para, "\n", " "))
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

// NormalizeLine normalizes a single-line value.
func NormalizeLine(s string) string {
	if isPlain(s) {
		return strings.TrimSpace(s)
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r == '\u00ad', r == '\ufeff', unicode.Is(unicode.Cf, r):
			continue // soft hyphens, BOMs, zero-width and other format runes
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII with single inner spaces,
// which most values are: they skip the rune-by-rune pass.
func isPlain(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 || c == 0x7f {
			return false
		}
		if c == ' ' && prevSpace && i > 0 {
			return false
		}
		prevSpace = c == ' '
	}
	return true
}

func normalizeList(in []string) []string {
	if len(in) == 0 {
		return in
	}
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, v := range in {
		v = NormalizeLine(v)
		k := strings.ToLower(v)
		if v == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}
