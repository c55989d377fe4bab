package source

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rinse-etl/rinse"
)

// The archive is cut into records here rather than by gowarc, which
// buffers each record whole (spilling to a temporary file past a size)
// before it looks at it: a record that declares 5 GiB wrote 5 GiB to
// $TMPDIR, and one whose Content-Length lied swallowed or truncated its
// neighbours without a word. Here a record's block is held in memory only
// up to a limit; a longer one is read past, not kept; and the framing of
// every record is checked (its block must end in a blank line), so that a
// record whose length is wrong is quarantined and reading resumes at the
// next record, wherever it really starts.

const (
	// warcMaxHeader caps a record's WARC header.
	warcMaxHeader = 64 << 10
	// warcBlockSlack is how much a record's block may hold beyond the
	// payload cap: the HTTP status line and header, chunk framing.
	warcBlockSlack = 1 << 20
	warcChunk      = 64 << 10
	// warcMaxRewinds caps how often one archive is read again from its
	// start to reach a record swallowed by a wrong length past the cap:
	// each costs a pass over the archive, so a file of such records would
	// otherwise cost passes quadratic in its size.
	warcMaxRewinds = 8
	recordMagic    = "WARC/1.0\n"
)

// recReader reads an archive's decompressed bytes with look-ahead.
type recReader struct {
	r   io.Reader
	buf []byte // read, not consumed
	off int64  // offset of buf[0] in the stream
	err error  // the read error that ended the stream (io.EOF at its end)
	// rewinds counts the passes made again over the archive.
	rewinds int
}

// fill reads until n bytes are buffered or the stream ends, and reports
// whether n are.
func (rr *recReader) fill(n int) bool {
	for len(rr.buf) < n && rr.err == nil {
		if cap(rr.buf)-len(rr.buf) < warcChunk {
			grown := make([]byte, len(rr.buf), max(2*cap(rr.buf), len(rr.buf)+warcChunk, n))
			copy(grown, rr.buf)
			rr.buf = grown
		}
		m, err := rr.r.Read(rr.buf[len(rr.buf):cap(rr.buf)])
		rr.buf = rr.buf[:len(rr.buf)+m]
		if err != nil {
			rr.err = err
		}
	}
	return len(rr.buf) >= n
}

func (rr *recReader) consume(n int) {
	rr.buf = rr.buf[n:]
	rr.off += int64(n)
	if len(rr.buf) == 0 {
		rr.buf = rr.buf[:0:0] // let a record's buffer go
	}
}

// broken returns the error that cut the stream short, nil at its end.
func (rr *recReader) broken() error {
	if rr.err == io.EOF {
		return nil
	}
	return rr.err
}

// skipBlank consumes the line breaks between records.
func (rr *recReader) skipBlank() {
	for rr.fill(1) && (rr.buf[0] == '\r' || rr.buf[0] == '\n') {
		rr.consume(1)
	}
}

// atRecord reports whether a record starts here.
func (rr *recReader) atRecord() bool {
	rr.fill(len(recordMagic))
	return isRecordStart(rr.buf)
}

func isRecordStart(b []byte) bool {
	return bytes.HasPrefix(b, []byte("WARC/1.")) && len(b) > 8 && (b[8] == '\r' || b[8] == '\n')
}

// recordIn returns where a record starts at the beginning of a line in
// b after its first byte, or -1.
func recordIn(b []byte) int {
	for i := 1; i < len(b); {
		j := bytes.Index(b[i:], []byte("\nWARC/1."))
		if j < 0 {
			return -1
		}
		i += j + 1
		if isRecordStart(b[i:]) || len(b)-i < len(recordMagic) {
			return i
		}
	}
	return -1
}

// skipToRecord consumes bytes up to the next line that starts a record,
// or to the end of the stream, and returns how many.
func (rr *recReader) skipToRecord(ctx context.Context) (int64, error) {
	start := rr.off
	for {
		if err := ctx.Err(); err != nil {
			return rr.off - start, err
		}
		rr.fill(warcChunk)
		if i := recordIn(rr.buf); i >= 0 && (isRecordStart(rr.buf[i:]) || rr.err != nil) {
			rr.consume(i)
			return rr.off - start, nil
		}
		if rr.err != nil {
			rr.consume(len(rr.buf))
			return rr.off - start, nil
		}
		rr.consume(max(1, len(rr.buf)-len(recordMagic)-1))
	}
}

// discard consumes up to n bytes without keeping them, and returns how
// many it consumed and the offset of the first line in them that starts
// a record (-1 for none).
func (rr *recReader) discard(ctx context.Context, n int64) (int64, int64, error) {
	start, first := rr.off, int64(-1)
	for rr.off-start < n {
		if err := ctx.Err(); err != nil {
			return rr.off - start, first, err
		}
		if !rr.fill(1) {
			break
		}
		// A record start may straddle two chunks: each chunk is searched
		// with the few bytes after it in view, and a start whose line
		// break is the chunk's last byte or the next one's first counts
		// here (the next search begins after its first byte).
		rr.fill(warcChunk + 1 + len(recordMagic))
		k := int(min(int64(len(rr.buf)), n-(rr.off-start), warcChunk))
		if first < 0 {
			if i := recordIn(rr.buf[:min(len(rr.buf), k+1+len(recordMagic))]); i >= 0 && i <= k+1 {
				first = rr.off + int64(i)
			}
		}
		rr.consume(k)
	}
	return rr.off - start, first, nil
}

// recordEnd reports whether the bytes at hand close a record: a blank
// line, or the end of the stream.
func (rr *recReader) recordEnd() (int, bool) {
	rr.fill(4)
	switch {
	case bytes.HasPrefix(rr.buf, []byte("\r\n\r\n")):
		return 4, true
	case bytes.HasPrefix(rr.buf, []byte("\n\n")):
		return 2, true
	case len(rr.buf) == 0 && rr.err != nil:
		return 0, true
	}
	return 0, false
}

// warcHead is what the framing needs of a record's WARC header.
type warcHead struct {
	raw    []byte // the header, blank line included
	id     string
	length int64 // Content-Length; -1 when missing or invalid
}

// readHead reads the WARC header of the record starting here.
func (rr *recReader) readHead() (warcHead, error) {
	for n := 512; ; n *= 2 {
		rr.fill(min(n, warcMaxHeader))
		b := rr.buf[:min(len(rr.buf), warcMaxHeader)]
		end, sep := bytes.Index(b, []byte("\r\n\r\n")), 4
		if lf := bytes.Index(b, []byte("\n\n")); lf >= 0 && (end < 0 || lf < end) {
			end, sep = lf, 2
		}
		if end >= 0 {
			h := warcHead{raw: bytes.Clone(b[:end+sep]), length: -1}
			for _, line := range strings.Split(string(b[:end]), "\n") {
				k, v, ok := strings.Cut(strings.TrimRight(line, "\r"), ":")
				switch k, v = strings.TrimSpace(k), strings.TrimSpace(v); {
				case !ok:
				case strings.EqualFold(k, "Content-Length"):
					if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
						h.length = n
					}
				case strings.EqualFold(k, "WARC-Record-ID"):
					h.id = strings.TrimSuffix(strings.TrimPrefix(v, "<"), ">")
				}
			}
			rr.consume(end + sep)
			return h, nil
		}
		if len(b) >= warcMaxHeader {
			return warcHead{}, fmt.Errorf("header longer than %d bytes", warcMaxHeader)
		}
		if rr.err != nil {
			return warcHead{}, fmt.Errorf("archive ends in a record header")
		}
	}
}

// badRecord is a record (or stretch of bytes) whose framing is wrong.
func badRecord(source, reason, format string, args ...any) *rinse.Page {
	return &rinse.Page{Source: source, Err: &rinse.ReasonError{
		Reason: reason,
		Err:    fmt.Errorf("reading warc record: %s: %w", fmt.Sprintf(format, args...), rinse.ErrParse),
	}}
}

func headSource(name string, h warcHead, offset int64) string {
	if h.id != "" {
		return name + "#" + h.id
	}
	return name + "#" + strconv.FormatInt(offset, 10)
}
