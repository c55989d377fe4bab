package evaluate

import (
	"context"
	"errors"

	"github.com/rinse-etl/rinse"
)

// Stages runs rinse's stages (decode, extract, transforms) on one page.
// It is a function rather than the pipeline's type so this package builds
// on its own; assemble.RunOne, with the stages bound, fits it.
type Stages func(ctx context.Context, p *rinse.Page) (*rinse.Document, error)

// errFiltered marks a page the stages dropped without a reason.
var errFiltered = errors.New("filtered by a stage")

// Rinse adapts rinse's stages to a Func. A filtered page (nil document)
// is an error: the suites label pages that all have main content.
func Rinse(st Stages) Func {
	return func(ctx context.Context, url string, raw []byte) Extracted {
		doc, err := st(ctx, &rinse.Page{Source: url, URL: url, Body: raw, Kind: rinse.KindHTML})
		if err != nil {
			return Extracted{Err: err}
		}
		if doc == nil {
			return Extracted{Err: errFiltered}
		}
		return FromDocument(doc)
	}
}

// FromDocument takes the scored fields of a rinse document.
func FromDocument(doc *rinse.Document) Extracted {
	e := Extracted{
		Text:       doc.Text,
		Title:      doc.Title,
		Author:     doc.Author,
		Categories: doc.Categories,
		Tags:       doc.Tags,
	}
	// The day as a reader of the published_date column sees it: a date32
	// day, which the Document holds as midnight UTC.
	if !doc.PublishedDate.IsZero() {
		e.Date = doc.PublishedDate.UTC().Format("2006-01-02")
	}
	return e
}
