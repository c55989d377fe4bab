package source

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/textproto"
	"strconv"
	"strings"

	"github.com/klauspost/compress/gzip"

	"github.com/rinse-etl/rinse"
)

// parseHTTPHead parses the stored status line and header of a response.
// net/http's parser is not used because it moves Transfer-Encoding and
// Content-Length out of the header, and those say how to read the payload.
func parseHTTPHead(raw []byte) (int, http.Header, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw)))
	line, err := tp.ReadLine()
	if err != nil {
		return 0, nil, fmt.Errorf("parsing http status line: %w: %w", rinse.ErrParse, err)
	}
	proto, rest, _ := strings.Cut(line, " ")
	code, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	status, err := strconv.Atoi(code)
	if !strings.HasPrefix(proto, "HTTP/") || err != nil || len(code) != 3 || status < 100 {
		return 0, nil, fmt.Errorf("parsing http status line %.40q: %w", line, rinse.ErrParse)
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil && !errors.Is(err, io.EOF) {
		return 0, nil, fmt.Errorf("parsing http header: %w: %w", rinse.ErrParse, err)
	}
	return status, http.Header(mh), nil
}

// httpPayload returns the body a browser would have seen for a stored HTTP
// payload. Crawlers such as Heritrix and warcprox store the bytes as they
// came off the wire, so the payload may still be chunked and compressed;
// others store it decoded but keep the original headers. Each layer is
// therefore undone only when the bytes actually look encoded. The returned
// header drops the encodings that no longer apply. At most maxBytes decoded
// bytes are read; more gives an error wrapping rinse.ErrTooLarge.
func httpPayload(h http.Header, r io.Reader, maxBytes int64) ([]byte, http.Header, error) {
	header := h.Clone()
	if header == nil {
		header = http.Header{}
	}
	br := bufio.NewReader(r)
	var body io.Reader = br
	decoded := false
	if hasToken(header.Get("Transfer-Encoding"), "chunked") {
		if peek, _ := br.Peek(20); looksChunked(peek) {
			body = httputil.NewChunkedReader(br)
		}
		header.Del("Transfer-Encoding")
		decoded = true
	}
	if enc := strings.ToLower(strings.TrimSpace(header.Get("Content-Encoding"))); enc != "" && enc != "identity" {
		dec, err := contentDecoder(enc, body)
		if err != nil {
			return nil, nil, err
		}
		body = dec
		header.Del("Content-Encoding")
		decoded = true
	}
	if decoded {
		header.Del("Content-Length")
	}
	out, err := ReadCapped(body, maxBytes)
	if err != nil && decoded && !errors.Is(err, rinse.ErrTooLarge) {
		// The stored bytes are all there; a failure now is a corrupt
		// chunk framing or compressed stream.
		return nil, nil, fmt.Errorf("decoding payload: %w: %w", rinse.ErrUndecodable, err)
	}
	if err != nil {
		return nil, nil, err
	}
	return out, header, nil
}

// contentDecoder wraps body in a decoder for a Content-Encoding; a body
// that does not start like the declared encoding is taken as already
// decoded.
func contentDecoder(enc string, body io.Reader) (io.Reader, error) {
	br := bufio.NewReader(body)
	head, _ := br.Peek(2)
	switch enc {
	case "gzip", "x-gzip":
		if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
			return br, nil
		}
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("decoding gzip payload: %w: %w", rinse.ErrUndecodable, err)
		}
		return gz, nil
	case "deflate":
		// RFC 9110 deflate is zlib-wrapped; some servers send raw deflate.
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("decoding deflate payload: %w: %w", rinse.ErrUndecodable, err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, &rinse.ReasonError{
		Reason: "content-encoding",
		Err:    fmt.Errorf("decoding %q payload: %w", enc, rinse.ErrUndecodable),
	}
}

// looksChunked reports whether p starts like a chunked body: a hex size,
// optional extensions, then a line break.
func looksChunked(p []byte) bool {
	i := 0
	for i < len(p) && isHex(p[i]) {
		i++
	}
	if i == 0 || i > 16 {
		return false
	}
	return i == len(p) || strings.IndexByte("\r\n; \t", p[i]) >= 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// hasToken reports whether a comma-separated header value lists token.
func hasToken(v, token string) bool {
	for f := range strings.SplitSeq(v, ",") {
		if strings.EqualFold(strings.TrimSpace(f), token) {
			return true
		}
	}
	return false
}

// ReadCapped reads all of r, failing with rinse.ErrTooLarge past maxBytes
// and with rinse.ErrRead when r fails.
func ReadCapped(r io.Reader, maxBytes int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading payload: %w: %w", rinse.ErrRead, err)
	}
	if n > maxBytes {
		return nil, &rinse.ReasonError{
			Reason: "too-large",
			Err:    fmt.Errorf("reading payload over %d bytes: %w", maxBytes, rinse.ErrTooLarge),
		}
	}
	return buf.Bytes(), nil
}
