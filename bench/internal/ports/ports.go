// Package ports adapts the Go extractors bench compares rinse with
// (go-trafilatura and readeck's go-readability) to evaluate.Func, for
// cmd/compare, which runs them in its own process, and cmd/extractdir,
// which runs them as programs of their own.
package ports

import (
	"bytes"
	"context"
	"fmt"
	nurl "net/url"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"

	"github.com/rinse-etl/rinse/evaluate"
)

// GoTrafilatura runs go-trafilatura with its default options (no
// fallback extractors, htmldate in fast mode), or with the readability
// and dom-distiller fallbacks that its published best score uses.
func GoTrafilatura(fallback bool) evaluate.Func {
	return func(_ context.Context, url string, raw []byte) evaluate.Extracted {
		opts := trafilatura.Options{OriginalURL: parseURL(url), EnableFallback: fallback}
		res, err := trafilatura.Extract(bytes.NewReader(raw), opts)
		if err != nil {
			return evaluate.Extracted{Err: err}
		}
		m := res.Metadata
		return evaluate.Extracted{
			Text:       res.ContentText,
			Title:      m.Title,
			Author:     m.Author,
			Date:       day(m.Date),
			Categories: m.Categories,
			Tags:       m.Tags,
		}
	}
}

// GoReadability runs readeck's go-readability, a port of Mozilla's
// Readability.js; it knows no categories or tags.
func GoReadability(_ context.Context, url string, raw []byte) evaluate.Extracted {
	art, err := readability.FromReader(bytes.NewReader(raw), parseURL(url))
	if err != nil {
		return evaluate.Extracted{Err: err}
	}
	var text strings.Builder
	if art.Node != nil {
		if err := art.RenderText(&text); err != nil {
			return evaluate.Extracted{Err: fmt.Errorf("rendering text: %w", err)}
		}
	}
	e := evaluate.Extracted{Text: text.String(), Title: art.Title(), Author: art.Byline()}
	if t, err := art.PublishedTime(); err == nil {
		e.Date = day(t)
	}
	return e
}

// parseURL gives the extractors the page address for resolving links and
// site-specific rules; a label that is no URL is simply left out.
func parseURL(s string) *nurl.URL {
	u, err := nurl.Parse(s)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
