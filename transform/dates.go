package transform

// Date normalization.
//
// Dates fills three columns:
//
//   - published_at / updated_at from the document's DateHints: the first hint
//     of each field that ParseTimestamp reads and that is plausible wins,
//     then yields to what the page shows (dates_shown.go: a full date in
//     the URL path more than a day off, a metadata date the page never
//     shows), a UTC time near midnight is read as the page's local day
//     (dates_hints.go, dates_zone.go), and a page that shows only its
//     update is dated by it.
//     Values with a time of day keep their instant exactly, honouring the
//     source offset (no offset: taken as UTC); the dataset column stores it
//     in UTC, while the Document keeps the source offset as the time's
//     location so the calendar date the page stated stays recoverable. A
//     value with only a day (or month, or year)
//     is stored as midnight UTC of its first day: the column cannot say
//     "day only", and midnight UTC keeps the calendar date whatever the
//     reader's zone. A column already set upstream is left alone.
//   - dates: the dates mentioned in Text (FindDates), each as midnight UTC of
//     the first day of the period with its precision.
//
// Plausible publication dates lie between 1995 and two days after the
// reference clock (FetchedAt, else ProcessedAt, else now): earlier values in
// metadata are nearly always defaults or placeholders ("1970-01-01",
// "0001-01-01"), later ones wrong clocks.
//
// Ambiguous numeric dates (05/04/2023, both numbers 12 or less) are read
// day first in the languages that write them so (de, fr, es, it, pt, nl and
// most of Europe); in English with slashes month first, the US habit that
// dominates English pages; in English with dots or dashes, in Chinese,
// Japanese or Korean (which write year first) and when the language is
// unknown, they are left out. Unambiguous ones (25/12/2023) always count. Dates without a year and relative
// dates ("yesterday", "vor 3 Tagen") are resolved against the publication
// date and left out when it is unknown.

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/rinse-etl/rinse"
)

// DateOptions configure Dates.
type DateOptions struct {
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
type Dates struct{ opts DateOptions }

// Bounds of a plausible publication date.
const (
	minPublishedYear = 1995
	maxFutureSkew    = 48 * time.Hour
)

// NewDates returns a Dates stage with opts, defaults filled in.
func NewDates(opts DateOptions) *Dates {
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
	var deadline time.Time
	if x.opts.MaxPerPage > 0 {
		deadline = start.Add(x.opts.MaxPerPage)
	}
	d.Dates = findDates(headOf(in.Text, x.opts.MaxTextBytes), lang, d.PublishedAt, deadline, x.opts.MaxDates)
	return &d, nil
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
