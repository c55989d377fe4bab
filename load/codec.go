package load

import (
	"encoding/binary"
	"errors"
	"time"

	"github.com/rinse-etl/rinse"
)

// The codec below turns the rows a run holds back for sorting into bytes:
// a document (every column plus the input's digest and validators, which
// the state needs) or a quarantined page. It is private to the dataset
// and only ever reads what the same binary wrote moments before, so it
// has no versioning; a decode error still fails cleanly rather than
// panicking, in case a spill file is damaged on disk.

var errCodec = errors.New("load: damaged spill record")

type encoder struct{ b []byte }

func (e *encoder) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }

// time writes t as microseconds since the epoch; the zero time (unknown)
// has a marker of its own.
func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.int(t.UnixMicro())
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

// take returns the next n bytes.
func (d *decoder) take(n int) []byte {
	if len(d.b) < n {
		d.fail()
		return make([]byte, n)
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) time() time.Time {
	if d.byte() == 0 {
		return time.Time{}
	}
	return time.UnixMicro(d.int()).UTC()
}

// count reads a list length, refusing one longer than the bytes left (each
// element takes at least one byte), so a damaged length cannot allocate.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCodec
	}
	d.b = nil
}

func encodeDocument(e *encoder, doc *rinse.Document) {
	for _, s := range []string{doc.ID, doc.Source, doc.URL, doc.Site, doc.Title, doc.Author, doc.SiteName,
		doc.Description, doc.Text, doc.Language, doc.ContentHash, doc.PipelineVersion, doc.DuplicateOf,
		doc.InputDigest, doc.InputETag, doc.InputLastModified} {
		e.str(s)
	}
	e.strs(doc.Categories)
	e.strs(doc.Tags)
	for _, t := range []time.Time{doc.PublishedAt, doc.UpdatedAt, doc.ProcessedAt, doc.FetchedAt, doc.PublishedDate, doc.UpdatedDate} {
		e.time(t)
	}
	e.uint(uint64(len(doc.Dates)))
	for _, dt := range doc.Dates {
		e.str(dt.Text)
		e.time(dt.Date)
		e.str(dt.Precision)
	}
	e.uint(uint64(len(doc.Entities)))
	for _, en := range doc.Entities {
		e.str(en.Name)
		e.str(en.Type)
		e.int(int64(en.Mentions))
	}
	e.int(int64(doc.WordCount))
	e.int(int64(doc.HTTPStatus))
}

func decodeDocument(d *decoder) *rinse.Document {
	doc := &rinse.Document{}
	for _, p := range []*string{&doc.ID, &doc.Source, &doc.URL, &doc.Site, &doc.Title, &doc.Author, &doc.SiteName,
		&doc.Description, &doc.Text, &doc.Language, &doc.ContentHash, &doc.PipelineVersion, &doc.DuplicateOf,
		&doc.InputDigest, &doc.InputETag, &doc.InputLastModified} {
		*p = d.str()
	}
	doc.Categories = d.strs()
	doc.Tags = d.strs()
	for _, p := range []*time.Time{&doc.PublishedAt, &doc.UpdatedAt, &doc.ProcessedAt, &doc.FetchedAt, &doc.PublishedDate, &doc.UpdatedDate} {
		*p = d.time()
	}
	if n := d.count(); n > 0 {
		doc.Dates = make([]rinse.Date, n)
		for i := range doc.Dates {
			doc.Dates[i] = rinse.Date{Text: d.str(), Date: d.time(), Precision: d.str()}
		}
	}
	if n := d.count(); n > 0 {
		doc.Entities = make([]rinse.Entity, n)
		for i := range doc.Entities {
			doc.Entities[i] = rinse.Entity{Name: d.str(), Type: d.str(), Mentions: int32(d.int())}
		}
	}
	doc.WordCount = int32(d.int())
	doc.HTTPStatus = int32(d.int())
	return doc
}

func encodeQuarantined(e *encoder, q *rinse.Quarantined) {
	for _, s := range []string{q.Source, q.URL, q.Stage, q.Reason, q.Error, q.InputDigest} {
		e.str(s)
	}
	e.time(q.At)
}

func decodeQuarantined(d *decoder) *rinse.Quarantined {
	q := &rinse.Quarantined{}
	for _, p := range []*string{&q.Source, &q.URL, &q.Stage, &q.Reason, &q.Error, &q.InputDigest} {
		*p = d.str()
	}
	q.At = d.time()
	return q
}
