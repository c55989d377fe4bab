// Package gotrafilatura adapts go-trafilatura to evaluate.Func.
package gotrafilatura

import (
	"bytes"
	"context"

	"github.com/markusmobius/go-trafilatura"

	"github.com/rinse-etl/rinse/bench/internal/ports"
	"github.com/rinse-etl/rinse/evaluate"
)

// Func runs go-trafilatura with its default options (no
// fallback extractors, htmldate in fast mode), or with the readability
// and dom-distiller fallbacks that its published best score uses.
func Func(fallback bool) evaluate.Func {
	return func(_ context.Context, url string, raw []byte) evaluate.Extracted {
		opts := trafilatura.Options{OriginalURL: ports.ParseURL(url), EnableFallback: fallback}
		res, err := trafilatura.Extract(bytes.NewReader(raw), opts)
		if err != nil {
			return evaluate.Extracted{Err: err}
		}
		m := res.Metadata
		return evaluate.Extracted{
			Text:       res.ContentText,
			Title:      m.Title,
			Author:     m.Author,
			Date:       ports.Day(m.Date),
			Categories: m.Categories,
			Tags:       m.Tags,
		}
	}
}
