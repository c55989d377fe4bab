package source

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"

	"github.com/rinse-etl/rinse"
)

// DefaultWARCMaxBytes caps a record's decoded HTTP payload when no MaxBytes
// is given: far above any real article page, low enough that a stray video
// record cannot exhaust memory.
const DefaultWARCMaxBytes = 16 << 20

// warcBufferMem is how much of one record gowarc keeps in memory before it
// spills the rest to a temporary file; the library must buffer a whole
// record to validate its digest, so this bounds memory per archive.
const warcBufferMem = 1 << 20

// WARCReader streams WARC archives with a configurable payload cap.
type WARCReader struct {
	// MaxBytes caps a record's decoded payload; zero means
	// DefaultWARCMaxBytes.
	MaxBytes int64
}

// Walk streams the records of a WARC or WARC.gz archive (gzip is detected by
// its magic bytes, whether per record or over the whole file) and calls
// yield once per record, in order. Response and resource records holding
// a 2xx HTML payload become pages of kind "html" whose Source is
// name#record-id; every other record is yielded with Err wrapping
// rinse.ErrSkipped. A malformed record is yielded with Err wrapping
// rinse.ErrParse and reading resumes at the next record; Walk returns an
// error only when the stream itself cannot be read (truncated gzip, I/O
// error), when it cannot make progress, or when yield fails.
func (wr WARCReader) Walk(ctx context.Context, r io.Reader, name string, yield func(*rinse.Page) error) error {
	maxBytes := wr.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultWARCMaxBytes
	}
	in, err := warcStream(r)
	if err != nil {
		return fmt.Errorf("reading %s: %w: %w", name, rinse.ErrRead, err)
	}
	rd, err := gowarc.NewWarcFileReaderFromStream(in, 0,
		gowarc.WithBufferMaxMemBytes(warcBufferMem),
		gowarc.WithBufferTmpDir(os.TempDir()))
	if err != nil {
		return fmt.Errorf("reading %s: %w: %w", name, rinse.ErrRead, err)
	}
	defer rd.Close()

	lastEnd := int64(-1)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := nextPage(rd, in, name, maxBytes, &lastEnd)
		if p == nil || err != nil {
			return err
		}
		if err := yield(p); err != nil {
			return err
		}
	}
}

// nextPage reads the next record as a page; nil, nil at the end of the
// archive. lastEnd tracks where the previous record ended, so a parse
// error that consumed nothing stops the walk instead of looping.
func nextPage(rd *gowarc.WarcFileReader, in *errTrackingReader, name string, maxBytes int64, lastEnd *int64) (*rinse.Page, error) {
	rec, err := rd.Next()
	// Closed whatever err says: a record that failed to parse may still
	// hold a buffer spilled to disk, and Close is a no-op on no record.
	defer func() { _ = rec.Close() }()
	if err == io.EOF {
		return nil, nil
	}
	if in.err != nil {
		return nil, fmt.Errorf("reading %s at offset %d: %w: %w", name, rec.Offset, rinse.ErrRead, in.err)
	}
	end := rec.Offset + rec.Size
	if err != nil && end <= *lastEnd {
		return nil, fmt.Errorf("parsing %s at offset %d: no progress after %w: %w", name, rec.Offset, rinse.ErrParse, err)
	}
	*lastEnd = end
	if err != nil {
		return &rinse.Page{
			Source: name + "#" + strconv.FormatInt(rec.Offset, 10),
			Err:    fmt.Errorf("parsing warc record: %w: %w", rinse.ErrParse, err),
		}, nil
	}
	return recordPage(rec, name, maxBytes), nil
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
