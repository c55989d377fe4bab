package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/dom"
)

// text fills doc from a plain-text dump: one block per non-empty line.
func (e *Extractor) text(doc *rinse.Document, body string) error {
	lines := strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n")
	for _, l := range lines {
		if l = dom.Collapse(l); l != "" {
			doc.Blocks = append(doc.Blocks, rinse.Block{Text: l, Kind: rinse.BlockLine})
		}
	}
	if len(doc.Blocks) == 0 {
		return fmt.Errorf("extracting text: %w", rinse.ErrEmpty)
	}
	if t := doc.Blocks[0].Text; looksLikeTitle(t) {
		doc.Title = t
	}
	sample := body
	if len(sample) > 8192 {
		sample = sample[:4096] + "\n" + sample[len(sample)-4096:]
	}
	doc.Site = rinse.Host(doc.URL)
	if p := e.opts.Profiles.Match(doc.Site, sample); p != nil {
		doc.Profile = p.Name
		if doc.Site == "" {
			doc.Site = p.Site
		}
	}
	return nil
}

// looksLikeTitle: short, no sentence end, not a markup-like row.
func looksLikeTitle(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 8 || n > 200 || len(strings.Fields(s)) < 2 {
		return false
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ":") {
		return false
	}
	if strings.HasPrefix(s, "|") || strings.HasPrefix(s, "#") || strings.HasSuffix(s, "|") {
		return false
	}
	lower := strings.ToLower(s)
	return !strings.HasSuffix(lower, " logo") && !strings.HasSuffix(lower, " icon")
}
