package source

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"

	"github.com/rinse-etl/rinse"
)

// DefaultWARCMaxBytes caps a record's decoded HTTP payload when no MaxBytes
// is given: far above any real article page, low enough that a stray video
// record cannot exhaust memory.
const DefaultWARCMaxBytes = 16 << 20

// WARCReader streams WARC archives with a configurable payload cap.
type WARCReader struct {
	// MaxBytes caps a record's decoded payload; zero means
	// DefaultWARCMaxBytes. A record whose block is longer than this (and
	// a megabyte of headers) is read past without being held.
	MaxBytes int64
}

// Walk streams the records of a WARC or WARC.gz archive (gzip is detected by
// its magic bytes, whether per record or over the whole file) and calls
// yield once per record, in order. Response and resource records holding
// a 2xx HTML payload become pages of kind "html" whose Source is
// name#record-id; every other record is yielded with Err wrapping
// rinse.ErrSkipped. A record too large is yielded as too-large; one whose
// framing is wrong (a Content-Length that does not end at a blank line,
// a header too long) with Err wrapping rinse.ErrParse, and so is a stretch
// of bytes that is no record; reading resumes at the next record, which a
// wrong length may have swallowed (an r that is an io.Seeker is read again
// from the start to reach it). Walk returns an error only when the stream
// itself cannot be read (truncated gzip, I/O error) or when yield fails.
// Nothing is written to disk.
func (wr WARCReader) Walk(ctx context.Context, r io.Reader, name string, yield func(*rinse.Page) error) error {
	maxBytes := wr.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultWARCMaxBytes
	}
	maxBlock := maxBytes + warcBlockSlack
	in, err := warcStream(r)
	if err != nil {
		return fmt.Errorf("reading %s: %w: %w", name, rinse.ErrRead, err)
	}
	rr := &recReader{r: in}
	unmarshal := gowarc.NewUnmarshaler(gowarc.WithBufferMaxMemBytes(maxBlock + warcMaxHeader + 1))
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rr.skipBlank()
		if !rr.fill(1) {
			if err := rr.broken(); err != nil {
				return fmt.Errorf("reading %s at offset %d: %w: %w", name, rr.off, rinse.ErrRead, err)
			}
			return nil
		}
		p, err := wr.next(ctx, rr, r, name, maxBlock, maxBytes, unmarshal)
		if err != nil {
			return err
		}
		if p == nil {
			continue
		}
		if err := yield(p); err != nil {
			return err
		}
	}
}

// next reads the record (or the stretch of bytes that is none) starting
// at rr.
func (wr WARCReader) next(ctx context.Context, rr *recReader, r io.Reader, name string, maxBlock, maxBytes int64, unmarshal gowarc.Unmarshaler) (*rinse.Page, error) {
	start := rr.off
	at := name + "#" + strconv.FormatInt(start, 10)
	if !rr.atRecord() {
		n, err := rr.skipToRecord(ctx)
		if err != nil {
			return nil, err
		}
		return badRecord(at, "bad-record", "%d bytes at offset %d are no record", n, start), nil
	}
	h, err := rr.readHead()
	if err != nil {
		rr.consume(min(len(rr.buf), len("WARC/1.")))
		if _, err := rr.skipToRecord(ctx); err != nil {
			return nil, err
		}
		return badRecord(at, "bad-header", "%v", err), nil
	}
	src := headSource(name, h, start)
	if h.length < 0 {
		if _, err := rr.skipToRecord(ctx); err != nil {
			return nil, err
		}
		return badRecord(src, "bad-length", "no valid Content-Length"), nil
	}
	if h.length > maxBlock {
		return wr.pastLarge(ctx, rr, r, src, h, maxBlock)
	}
	n := int(h.length)
	if !rr.fill(n) {
		if err := rr.broken(); err != nil {
			return nil, fmt.Errorf("reading %s at offset %d: %w: %w", name, rr.off, rinse.ErrRead, err)
		}
		got := len(rr.buf)
		if i := recordIn(rr.buf); i >= 0 {
			rr.consume(i)
		} else {
			rr.consume(got)
		}
		return badRecord(src, "bad-length", "declares %d bytes, the archive ends after %d", n, got), nil
	}
	block := rr.buf[:n]
	rr.consume(n)
	if k, ok := rr.recordEnd(); ok {
		rr.consume(k)
	} else {
		// The length is wrong: too long if a record starts inside the
		// block (it swallowed it), else too short.
		if i := recordIn(block); i >= 0 {
			rr.buf = append(bytes.Clone(block[i:]), rr.buf...)
			rr.off -= int64(n - i)
		} else if _, err := rr.skipToRecord(ctx); err != nil {
			return nil, err
		}
		return badRecord(src, "bad-length", "%d bytes of block do not end the record", n), nil
	}
	raw := io.MultiReader(bytes.NewReader(h.raw), bytes.NewReader(block), strings.NewReader("\r\n\r\n"))
	rec, _, _, err := unmarshal.Unmarshal(bufio.NewReader(raw))
	if err != nil {
		if rec != nil {
			_ = rec.Close()
		}
		return &rinse.Page{Source: src, Err: fmt.Errorf("parsing warc record: %w: %w", rinse.ErrParse, err)}, nil
	}
	defer func() { _ = rec.Close() }()
	return recordPage(gowarc.Record{WarcRecord: rec, Offset: start}, name, maxBytes), nil
}

// pastLarge reads past a record too large to hold. Its framing is checked
// as it streams by: a record whose length runs past the end of the
// archive, or does not end at a blank line, is a wrong length, and
// reading resumes at the first record that started inside it (from the
// start again when r can seek: the bytes were not kept).
func (wr WARCReader) pastLarge(ctx context.Context, rr *recReader, r io.Reader, src string, h warcHead, maxBlock int64) (*rinse.Page, error) {
	got, first, err := rr.discard(ctx, h.length)
	if err != nil {
		return nil, err
	}
	if got == h.length {
		if k, ok := rr.recordEnd(); ok {
			rr.consume(k)
			return &rinse.Page{Source: src, Err: &rinse.ReasonError{Reason: "too-large",
				Err: fmt.Errorf("reading warc record of %d bytes (limit %d): %w", h.length, maxBlock, rinse.ErrTooLarge)}}, nil
		}
	}
	if err := rr.broken(); err != nil {
		return nil, fmt.Errorf("reading %s at offset %d: %w: %w", src, rr.off, rinse.ErrRead, err)
	}
	bad := badRecord(src, "bad-length", "declares %d bytes; %d follow before the archive ends or the record does not end there", h.length, got)
	switch {
	case first == rr.off:
		// The next record starts right where the length said, without
		// the blank line: it is already next.
	case first >= 0:
		if err := rewind(ctx, rr, r, first); err != nil {
			return nil, fmt.Errorf("reading %s again: %w: %w", src, rinse.ErrRead, err)
		}
	case got == h.length:
		if _, err := rr.skipToRecord(ctx); err != nil {
			return nil, err
		}
	}
	return bad, nil
}

// rewind makes rr read the stream of r again from offset off, which it has
// consumed: from the start if r can seek, else it stays where it is.
func rewind(ctx context.Context, rr *recReader, r io.Reader, off int64) error {
	s, ok := r.(io.Seeker)
	if !ok {
		return nil
	}
	if rr.rewinds >= warcMaxRewinds {
		return fmt.Errorf("more than %d records with wrong lengths past the size cap", warcMaxRewinds)
	}
	rewinds := rr.rewinds + 1
	if _, err := s.Seek(0, io.SeekStart); err != nil {
		return err
	}
	in, err := warcStream(r)
	if err != nil {
		return err
	}
	*rr = recReader{r: in, rewinds: rewinds}
	if _, _, err := rr.discard(ctx, off); err != nil {
		return err
	}
	if rr.off != off {
		return fmt.Errorf("archive changed while read")
	}
	return nil
}

// errTrackingReader remembers the first real read error of the underlying
// stream, so Walk can tell a broken stream (stop) from a broken record
// (skip it and resync).
type errTrackingReader struct {
	r   io.Reader
	err error
}

func (e *errTrackingReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// warcStream returns the plain WARC bytes of r. A gzip stream is decoded
// as a whole (multistream) rather than left to gowarc, which expects one
// gzip member per record and would drop every record after the first in
// a file gzipped as a whole.
func warcStream(r io.Reader) (*errTrackingReader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("opening gzip stream: %w", err)
		}
		return &errTrackingReader{r: gz}, nil
	}
	return &errTrackingReader{r: br}, nil
}

// recordSource names a record stably across runs: by its WARC-Record-ID,
// or by its offset in the decompressed stream when it has none.
func recordSource(name string, w gowarc.WarcRecord, offset int64) string {
	if id := w.WarcHeader().GetId(gowarc.WarcRecordID); id != "" {
		return name + "#" + id
	}
	return name + "#" + strconv.FormatInt(offset, 10)
}

// WARCArchives returns a Dir.Archives function that streams WARC
// files found in a tree. An archive that breaks off (truncated gzip, I/O
// error) is quarantined as one input after the records read before the
// break; it does not stop the run.
func WARCArchives(maxBytes int64) func(ctx context.Context, f *os.File, source string, yield func(*rinse.Page) error) error {
	return func(ctx context.Context, f *os.File, source string, yield func(*rinse.Page) error) error {
		var yieldErr error
		err := WARCReader{MaxBytes: maxBytes}.Walk(ctx, f, source, func(p *rinse.Page) error {
			yieldErr = yield(p)
			return yieldErr
		})
		if err == nil || yieldErr != nil || ctx.Err() != nil {
			return err
		}
		return yield(&rinse.Page{Source: source, Err: fmt.Errorf("reading archive: %w: %w", rinse.ErrRead, err)})
	}
}
