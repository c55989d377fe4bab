package source

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/rinse-etl/rinse"
)

// Archiver writes fetched pages as WARC/1.1 response records, each in its
// own gzip member so the output is a standard .warc.gz that tools can
// index and seek into. It is not safe for concurrent use: call it from one
// goroutine (the pipeline's sink). Write failures are output failures, not
// page failures, so they wrap no rinse category.
type Archiver struct {
	w  io.Writer
	m  gowarc.Marshaler
	gz *gzip.Writer
}

// NewArchiver returns an Archiver writing to w. The caller closes w.
func NewArchiver(w io.Writer) *Archiver {
	return &Archiver{w: w, m: gowarc.NewMarshaler(), gz: gzip.NewWriter(w)}
}

// WritePage appends p as a response record: WARC-Target-URI is p.URL,
// WARC-Date p.FetchedAt, and the block the HTTP status line, p.Header and
// p.Body. The body is written as the pipeline holds it (already decoded by
// the HTTP client), so transfer and content encodings are dropped from the
// stored header and Content-Length is set to match.
func (a *Archiver) WritePage(p *rinse.Page) error {
	rec, err := responseRecord(p)
	if err != nil {
		return err
	}
	defer rec.Close()
	a.gz.Reset(a.w)
	if _, _, err := a.m.Marshal(a.gz, rec, 0); err != nil {
		return fmt.Errorf("writing warc record for %s: %w", p.URL, err)
	}
	if err := a.gz.Close(); err != nil {
		return fmt.Errorf("writing warc record for %s: %w", p.URL, err)
	}
	return nil
}

// responseRecord builds the WARC record for one fetched page.
func responseRecord(p *rinse.Page) (gowarc.WarcRecord, error) {
	status := p.HTTPStatus
	if status == 0 {
		status = http.StatusOK
	}
	h := p.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Del("Transfer-Encoding")
	h.Del("Content-Encoding")
	h.Set("Content-Length", strconv.Itoa(len(p.Body)))

	var block bytes.Buffer
	fmt.Fprintf(&block, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	if err := h.Write(&block); err != nil {
		return nil, fmt.Errorf("writing http header: %w: %w", rinse.ErrParse, err)
	}
	block.WriteString("\r\n")
	block.Write(p.Body)

	at := p.FetchedAt
	if at.IsZero() {
		at = time.Now()
	}
	b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithAddMissingDigest(true))
	b.AddWarcHeader(gowarc.WarcTargetURI, p.URL)
	b.AddWarcHeaderTime(gowarc.WarcDate, at.UTC())
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if _, err := b.Write(block.Bytes()); err != nil {
		return nil, fmt.Errorf("building warc record: %w", err)
	}
	rec, _, err := b.Build()
	if err != nil {
		return nil, fmt.Errorf("building warc record: %w: %w", rinse.ErrParse, err)
	}
	return rec, nil
}
