package rinsebeam

import (
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/rinse-etl/rinse"
)

// The elements of the pipeline's collections. Positions (Ord, Sub) order
// inputs as the rinse command reads them: Ord numbers the inputs of a
// listing (files, objects, URL lines), Sub an archive's records in it.

// Input is one entry of the listing: a file or object to read (Name), a
// URL to fetch (Name is its line, URL the URL), or an input the listing
// already failed (Reason and Error set, quarantined at stage "read").
type Input struct {
	Ord    int64
	Name   string
	URL    string
	Reason string
	Error  string
}

// Page is one page read, in the form a runner can ship between workers.
type Page struct {
	Ord, Sub   int64
	Source     string
	URL        string
	Kind       string
	Body       []byte
	Header     []byte // JSON of http.Header, empty when none
	FetchedAt  int64  // Unix nanoseconds, 0 when unknown
	ModTime    int64
	HTTPStatus int64
}

// Row is one result: a document or a quarantined page, at its position.
// Data is the JSON of the rinse.Document or rinse.Quarantined; the fields
// beside it are what deduplication and sorting need without decoding it.
type Row struct {
	Ord, Sub    int64
	Source      string
	Quarantined bool
	Site, URL   string
	ContentHash string
	// Signature is the near-duplicate signature (minhash), empty when the
	// text is too short to compare or near-duplicates are not marked.
	Signature []byte
	// DuplicateOf is the id of the row this one duplicates; Exact says it
	// is an exact duplicate (its row goes to _duplicates/).
	DuplicateOf string
	Exact       bool
	Data        []byte
}

// Pos is a position in input order.
type Pos struct{ Ord, Sub int64 }

// Member is a kept document in one band of near-duplicate signatures.
type Member struct {
	Ord, Sub  int64
	ID        string
	Signature []byte
}

// Pair says the document at D is similar enough to the earlier kept
// document at C (whose id is CID) to be its near-duplicate.
type Pair struct {
	D, C Pos
	CID  string
}

// Mark is a decision about the row at Pos: the id it duplicates.
type Mark struct {
	Pos         Pos
	DuplicateOf string
}

// File is one file a writer staged: where it is, where it goes, what it
// holds.
type File struct {
	Staged string `json:"staged"`
	Final  string `json:"final"`
	Table  string `json:"table"`
	Rows   int64  `json:"rows"`
	Bytes  int64  `json:"bytes"`
}

func init() {
	for _, t := range []any{Input{}, Page{}, Row{}, Pos{}, Member{}, Pair{}, Mark{}, File{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
}

// present returns b, or an empty slice for nil: every []byte field of an
// element is set through it. The Go SDK encodes a nil []byte as a null,
// in a row field its schema declares non-nullable; the Java runners'
// row coder then reads the fields after it out of place (Flink failed
// with "Expected 0 or 1" decoding a bool). Prism does not mind.
func present(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

func (r *Row) pos() Pos { return Pos{r.Ord, r.Sub} }

// before orders positions as the command's input order.
func before(a, b Pos) bool { return a.Ord < b.Ord || a.Ord == b.Ord && a.Sub < b.Sub }

func cmpPos(a, b Pos) int {
	switch {
	case before(a, b):
		return -1
	case before(b, a):
		return 1
	}
	return 0
}

// documentRow packs a document of the engine's sink into a row.
func documentRow(pos Pos, d *rinse.Document, sig []byte) (Row, error) {
	w := *d
	// Working state the files do not hold stays behind.
	w.Blocks, w.DateHints, w.Profile, w.Kind, w.Region = nil, nil, "", "", ""
	w.InputDigest, w.InputETag, w.InputLastModified = "", "", ""
	b, err := json.Marshal(&w)
	if err != nil {
		return Row{}, fmt.Errorf("encoding document %s: %w", d.Source, err)
	}
	return Row{Ord: pos.Ord, Sub: pos.Sub, Source: d.Source, Site: d.Site, URL: d.URL,
		ContentHash: d.ContentHash, Signature: present(sig), Data: present(b)}, nil
}

// quarantineRow packs a quarantined page into a row.
func quarantineRow(pos Pos, q *rinse.Quarantined) (Row, error) {
	b, err := json.Marshal(q)
	if err != nil {
		return Row{}, fmt.Errorf("encoding quarantine row %s: %w", q.Source, err)
	}
	return Row{Ord: pos.Ord, Sub: pos.Sub, Source: q.Source, URL: q.URL, Quarantined: true,
		Signature: present(nil), Data: present(b)}, nil
}

// document unpacks a row's document, with its duplicate decision.
func (r *Row) document() (*rinse.Document, error) {
	var d rinse.Document
	if err := json.Unmarshal(r.Data, &d); err != nil {
		return nil, fmt.Errorf("decoding document %s: %w", r.Source, err)
	}
	d.DuplicateOf = r.DuplicateOf
	return &d, nil
}

func (r *Row) quarantined() (*rinse.Quarantined, error) {
	var q rinse.Quarantined
	if err := json.Unmarshal(r.Data, &q); err != nil {
		return nil, fmt.Errorf("decoding quarantine row %s: %w", r.Source, err)
	}
	return &q, nil
}

func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromUnixNano(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}
