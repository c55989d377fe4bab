// Package goreadability adapts readeck's go-readability to evaluate.Func.
package goreadability

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"codeberg.org/readeck/go-readability/v2"

	"github.com/rinse-etl/rinse/bench/internal/ports"
	"github.com/rinse-etl/rinse/evaluate"
)

// Func runs readeck's go-readability, a port of Mozilla's
// Readability.js; it knows no categories or tags.
func Func(_ context.Context, url string, raw []byte) evaluate.Extracted {
	art, err := readability.FromReader(bytes.NewReader(raw), ports.ParseURL(url))
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
		e.Date = ports.Day(t)
	}
	return e
}
