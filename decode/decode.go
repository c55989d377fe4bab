package decode

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/rinse-etl/rinse"
)

// Options tune the Decoder.
type Options struct {
	// MaxBytes rejects larger bodies as too large; 0 means no limit.
	MaxBytes int64
}

// Decoder converts a page's body to UTF-8 and sniffs its kind. It is a
// pipeline.PageProcessor.
type Decoder struct {
	opts Options
}

// New returns a Decoder.
func New(opts Options) *Decoder { return &Decoder{opts: opts} }

// Process returns a new page whose Body is UTF-8 and whose Charset names
// the encoding it was decoded from.
func (d *Decoder) Process(ctx context.Context, in *rinse.Page) (*rinse.Page, error) {
	body := in.Body
	if d.opts.MaxBytes > 0 && int64(len(body)) > d.opts.MaxBytes {
		return nil, fmt.Errorf("decoding %d bytes (limit %d): %w", len(body), d.opts.MaxBytes, rinse.ErrTooLarge)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("decoding: %w", rinse.ErrEmpty)
	}
	if kind := binaryKind(body); kind != "" {
		return nil, fmt.Errorf("decoding: %s: %w", kind, rinse.ErrBinary)
	}
	enc, name := chooseEncoding(in, body)
	out, err := decodeWith(enc, name, body)
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %v: %w", name, err, rinse.ErrUndecodable)
	}
	if len(bytes.TrimSpace(out)) == 0 {
		return nil, fmt.Errorf("decoding: %w", rinse.ErrEmpty)
	}
	p := *in
	p.Body = out
	p.Charset = name
	if p.Kind == "" {
		p.Kind = rinse.SniffKind(out)
	}
	return &p, nil
}

// chooseEncoding follows the order of trust: the HTTP header, a BOM, a
// <meta> or XML declaration, then detection for bytes that are not UTF-8.
func chooseEncoding(p *rinse.Page, body []byte) (encoding.Encoding, string) {
	if p.Header != nil {
		if _, params, err := mime.ParseMediaType(p.Header.Get("Content-Type")); err == nil {
			if e, name := charset.Lookup(params["charset"]); e != nil {
				return trustDeclared(e, name, body)
			}
		}
	}
	if e, name := bomEncoding(body); e != nil {
		return e, name
	}
	if label := declaredCharset(body); label != "" {
		if e, name := charset.Lookup(label); e != nil {
			return trustDeclared(e, name, body)
		}
	}
	if utf8.Valid(body) {
		return validUTF8, "utf-8"
	}
	return detect(body)
}

// checkedUTF8 marks bytes already found to be valid UTF-8: decodeWith
// need not scan them again.
type checkedUTF8 struct{ encoding.Encoding }

var validUTF8 encoding.Encoding = checkedUTF8{encoding.Nop}

// trustDeclared keeps a declared charset, except one the bytes
// contradict: a "utf-8" page whose bytes are mostly not UTF-8 (detection
// decides), or a legacy label on bytes that are plainly UTF-8. A "utf-8"
// page with a few broken bytes among good multi-byte characters stays
// UTF-8, the broken bytes replaced where they are: read as windows-1252
// it would garble every other accented letter. Sites move to UTF-8
// and keep an old <meta charset="gb2312">; legacy text, with its high
// bytes on their own or in pairs, is almost never valid UTF-8 for more
// than a few characters.
func trustDeclared(e encoding.Encoding, name string, body []byte) (encoding.Encoding, string) {
	if name == "utf-8" {
		switch {
		case utf8.Valid(body):
			return validUTF8, name
		case mostlyUTF8(body):
			return encoding.Nop, name
		}
		return detect(body)
	}
	if plainlyUTF8(body) {
		return validUTF8, "utf-8"
	}
	return e, name
}

// minUTF8Sequences is how many multi-byte characters make valid UTF-8
// bytes UTF-8 whatever their label says.
const minUTF8Sequences = 16

// plainlyUTF8 reports whether body is valid UTF-8 with enough multi-byte
// characters to rule out a legacy encoding.
func plainlyUTF8(body []byte) bool {
	n := 0
	for _, c := range body {
		if c >= 0xC0 {
			n++
		}
	}
	return n >= minUTF8Sequences && utf8.Valid(body)
}

// mostlyUTF8 reports whether body holds at least as many valid multi-byte
// UTF-8 characters as invalid bytes: text in UTF-8 with a few broken
// bytes, where a legacy page mislabelled UTF-8 has almost no valid
// sequences at all.
func mostlyUTF8(body []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good >= bad
}

// detect asks chardet; a weak or unknown answer means windows-1252, the
// web's most common undeclared legacy encoding.
func detect(body []byte) (encoding.Encoding, string) {
	sample := body
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	if r, err := chardet.NewTextDetector().DetectBest(sample); err == nil && r.Confidence >= 50 {
		if e, name := charset.Lookup(r.Charset); e != nil && name != "utf-8" {
			return e, name
		}
	}
	e, name := charset.Lookup("windows-1252")
	return e, name
}

// decodeWith returns body in UTF-8. Valid UTF-8, most of the web, is
// returned as is, sharing body's bytes (neither page is ever changed):
// a copy of every page costs a run more than its charset work.
func decodeWith(e encoding.Encoding, name string, body []byte) ([]byte, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if name == "utf-8" {
		if _, checked := e.(checkedUTF8); checked || utf8.Valid(body) {
			return body, nil
		}
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), nil
	}
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		return nil, err
	}
	return bytes.TrimPrefix(out, []byte("\uFEFF")), nil
}

// boms are byte-order marks in the order they must be tested.
var boms = []struct {
	mark  string
	label string
}{
	{"\xef\xbb\xbf", "utf-8"},
	{"\xfe\xff", "utf-16be"},
	{"\xff\xfe", "utf-16le"},
}

func bomEncoding(body []byte) (encoding.Encoding, string) {
	for _, b := range boms {
		if bytes.HasPrefix(body, []byte(b.mark)) {
			if b.label == "utf-8" {
				return encoding.Nop, "utf-8"
			}
			return charset.Lookup(b.label)
		}
	}
	return nil, ""
}
