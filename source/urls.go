package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/rinse-etl/rinse"
)

// maxURLLine bounds one line of a URL list; browsers cap URLs far lower,
// so anything longer is junk and must not grow a buffer without limit.
const maxURLLine = 16 << 10

// URLList reads a URL list, one URL per line, as a pipeline source. Blank
// lines and lines starting with '#' are ignored. Each URL becomes a page
// with only URL and Source set, for the Fetcher to fill; a line that is not
// an absolute http(s) URL is yielded with Err wrapping rinse.ErrParse.
type URLList struct {
	R io.Reader
	// Keep, when set, chooses the URLs to yield (a shard's share).
	Keep func(url string) bool
}

// Walk yields one page per URL line, in file order.
func (s URLList) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	br := bufio.NewReader(s.R)
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("reading url list at line %d: %w: %w", lineNo, rinse.ErrRead, err)
		}
		if p := urlLinePage(line, lineNo, tooLong); p != nil && (s.Keep == nil || s.Keep(p.Source)) {
			if yerr := yield(p); yerr != nil {
				return yerr
			}
		}
		if err != nil {
			return nil
		}
	}
}

// readLine returns the next line without its line ending, keeping only the
// first maxURLLine bytes of an overlong one.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, rerr := br.ReadLine()
		if len(line)+len(chunk) > maxURLLine {
			tooLong = true
		} else {
			line = append(line, chunk...)
		}
		if rerr != nil || !isPrefix {
			return line, tooLong, rerr
		}
	}
}

// urlLinePage turns one line into a page, or nil for blanks and comments.
func urlLinePage(raw []byte, lineNo int, tooLong bool) *rinse.Page {
	if lineNo == 1 {
		raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
	}
	line := strings.TrimSpace(string(raw))
	if line == "" || strings.HasPrefix(line, "#") {
		return nil
	}
	if tooLong {
		src := fmt.Sprintf("line %d", lineNo)
		return &rinse.Page{Source: src, Err: fmt.Errorf("parsing url on %s: longer than %d bytes: %w", src, maxURLLine, rinse.ErrParse)}
	}
	u, err := ParseURL(line)
	if err != nil {
		return &rinse.Page{Source: line, Err: err}
	}
	return &rinse.Page{Source: line, URL: u.String()}
}

// ParseURL accepts absolute http and https URLs with a host; other
// values give an error wrapping rinse.ErrParse.
func ParseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("parsing url %.80q: %w: %w", s, rinse.ErrParse, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("parsing url %.80q: scheme %q is not http(s): %w", s, u.Scheme, rinse.ErrParse)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("parsing url %.80q: no host: %w", s, rinse.ErrParse)
	}
	return u, nil
}
