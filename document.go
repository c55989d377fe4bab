package rinse

import "time"

// Document is what one page becomes: the row the loaders write. Field order
// and meaning follow docs/schema.md; the loaders' schema is derived from it.
type Document struct {
	ID          string
	Source      string
	URL         string
	Site        string
	Title       string
	Author      string
	SiteName    string
	Description string
	Categories  []string
	Tags        []string
	Text        string
	Language    string
	PublishedAt time.Time // zero means unknown (null)
	UpdatedAt   time.Time // zero means unknown (null)
	Dates       []Date
	Entities    []Entity
	WordCount   int32
	ContentHash string
	ProcessedAt time.Time
	// PipelineVersion is the rinse version that produced the row.
	PipelineVersion string
	// DuplicateOf is the id of the kept row this one nearly duplicates.
	DuplicateOf string
	FetchedAt   time.Time
	HTTPStatus  int32
	// PublishedDate and UpdatedDate are the calendar days the page shows
	// for PublishedAt and UpdatedAt, in the page's own time zone (UTC when
	// none is known), as midnight UTC of that day; zero means unknown. A
	// page published at 23:30 in New York has its next day's date in
	// PublishedAt (UTC) and its own day here.
	PublishedDate time.Time
	UpdatedDate   time.Time

	// Fields below are working state between stages; they are not written.

	// Blocks is the main content as extracted, before the boilerplate rules
	// run; Text is built from the blocks that survive them.
	Blocks []Block
	// Profile names the site profile that matched the page, if any.
	Profile string
	// Kind is the page kind the document came from (KindHTML, KindText).
	Kind string
	// InputDigest is the raw input's Page.Digest, carried to the sink,
	// with its HTTP validators (Page.ETag, Page.LastModified).
	InputDigest                  string
	InputETag, InputLastModified string
	// DateHints are raw publication/update date strings found in metadata,
	// most trusted first, for the date normalizer to parse.
	DateHints []DateHint
	// Region is the upper-case region of the page's declared language or
	// locale ("GB" for en-GB), "" when none is stated: English pages from
	// Britain write 02/10/2020 day first.
	Region string
}

// Block is one unit of main content in reading order.
type Block struct {
	Text string
	Kind BlockKind
	// LinkDensity is the share of the block's characters inside links.
	LinkDensity float32
}

// BlockKind tells how a block renders in Text.
type BlockKind uint8

// Block kinds.
const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockListItem
	BlockQuote
	BlockTableRow
	BlockPre
	// BlockLine is one line of a plain-text dump.
	BlockLine
)

// DateHint is a date string found in page metadata.
type DateHint struct {
	Value  string // as found, e.g. "2023-03-14T09:00:00+01:00"
	Field  string // "published" or "updated"
	Origin string // where it came from: "json-ld", "meta", "time", "url", "text", "dateline" (text by the headline)
}

// Date is a date mentioned in the main text.
type Date struct {
	Text      string    // as written
	Date      time.Time // midnight UTC of the first day of the period
	Precision string    // PrecisionDay, PrecisionMonth, ...
}

// Date precisions.
const (
	PrecisionDay    = "day"
	PrecisionMonth  = "month"
	PrecisionYear   = "year"
	PrecisionDecade = "decade"
)

// Entity is a named entity under its canonical name.
type Entity struct {
	Name     string
	Type     string // EntityCountry, EntityOrganization, ...
	Mentions int32
}

// Entity types.
const (
	EntityCountry      = "country"
	EntityOrganization = "organization"
	EntityPerson       = "person"
	EntityPlace        = "place"
	EntityOther        = "other"
)

// Quarantined is a page that failed or was rejected, with why.
type Quarantined struct {
	Source string
	URL    string
	Stage  string // the stage that failed: read, fetch, decode, extract, transform, write
	Reason string // short machine-readable reason, see Reason
	Error  string // the full error text
	At     time.Time
	// InputDigest is the raw input's Page.Digest, when it was read.
	InputDigest string
}
