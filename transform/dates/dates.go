package dates

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
)

// Options configure Dates.
type Options struct {
	// MaxTextBytes caps how much of a page's text is searched for dates
	// (the first bytes, cut at a character). A cap in bytes, not time, so
	// that a page gives the same dates however busy the machine is.
	// Default 256 KiB, a few milliseconds.
	MaxTextBytes int
	// MaxPerPage, when set, also caps the time spent finding dates in one
	// page's text; the dates found until then are kept. Results then depend
	// on the machine's load. Default none: the pipeline's per-page budget
	// stops runaway pages.
	MaxPerPage time.Duration
	// MaxDates caps the number of dates kept per page. Default 100.
	MaxDates int
	// Now is the clock for the plausibility check when a document has no
	// FetchedAt or ProcessedAt; nil means time.Now.
	Now func() time.Time
}

// Dates normalizes publication dates and finds dates in the text.
type Dates struct{ opts Options }

// Bounds of a plausible publication date.
const (
	minPublishedYear = 1995
	maxFutureSkew    = 48 * time.Hour
)

// New returns a Dates stage with opts, defaults filled in.
func New(opts Options) *Dates {
	if opts.MaxTextBytes <= 0 {
		opts.MaxTextBytes = 256 << 10
	}
	if opts.MaxDates <= 0 {
		opts.MaxDates = 100
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Dates{opts: opts}
}

// Process implements pipeline.DocProcessor. It never fails a document for
// its dates: unreadable hints are skipped.
func (x *Dates) Process(ctx context.Context, in *rinse.Document) (*rinse.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("finding dates: %w", err)
	}
	start := time.Now()
	d := *in
	now := x.clock(in)
	lang := dateLang(in.Language, in.Region)
	hints := dropCaptureDay(in.URL, in.DateHints, lang)
	if d.PublishedAt.IsZero() {
		d.PublishedAt = hintDate(hints, "published", lang, now)
		d.PublishedAt = preferShown(d.PublishedAt, hints, lang, now)
	}
	if d.UpdatedAt.IsZero() {
		d.UpdatedAt = hintDate(hints, "updated", lang, now)
	}
	if in.PublishedAt.IsZero() {
		d.PublishedAt = shownDate(d.PublishedAt, d.UpdatedAt, hints, lang)
	}
	d.PublishedDate = shownDay(d.PublishedDate, d.PublishedAt)
	d.UpdatedDate = shownDay(d.UpdatedDate, d.UpdatedAt)
	var deadline time.Time
	if x.opts.MaxPerPage > 0 {
		deadline = start.Add(x.opts.MaxPerPage)
	}
	d.Dates = findDates(headOf(in.Text, x.opts.MaxTextBytes), lang, d.PublishedAt, deadline, x.opts.MaxDates)
	return &d, nil
}

// shownDay is the calendar day of t in its own zone (the page's offset,
// which the hint's parse kept as t's location; UTC when none was given)
// as midnight UTC: the published_date column. A day set upstream stays.
func shownDay(set, t time.Time) time.Time {
	if !set.IsZero() || t.IsZero() {
		return set
	}
	return midnight(t)
}

// headOf returns at most the first n bytes of s, cut before a character
// that would be split.
func headOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// clock is the reference for "in the future".
func (x *Dates) clock(d *rinse.Document) time.Time {
	switch {
	case !d.FetchedAt.IsZero():
		return d.FetchedAt
	case !d.ProcessedAt.IsZero():
		return d.ProcessedAt
	}
	return x.opts.Now()
}

// hintDate returns the first plausible parsed hint for field, or zero.
func hintDate(hints []rinse.DateHint, field, lang string, now time.Time) time.Time {
	for _, h := range hints {
		if h.Field != field {
			continue
		}
		t, ok := readHint(h, lang)
		if ok && plausiblePublished(t, now) {
			return localDay(t, h.Value, hints, lang)
		}
	}
	return time.Time{}
}

func plausiblePublished(t, now time.Time) bool {
	return t.Year() >= minPublishedYear && !t.After(now.Add(maxFutureSkew))
}
