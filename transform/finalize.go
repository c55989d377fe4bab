package transform

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/rinse-etl/rinse"
)

// FinalizeOptions configure Finalize.
type FinalizeOptions struct {
	// Version is written as pipeline_version.
	Version string
	// MinWords rejects documents with fewer words (rinse.ErrTooShort).
	MinWords int
	// Now is the processed_at clock; nil means time.Now.
	Now func() time.Time
}

// Finalize fills the derived columns: id, site, word_count, content_hash,
// processed_at, pipeline_version. It runs last, on the final text.
type Finalize struct{ opts FinalizeOptions }

// NewFinalize returns a Finalize with opts.
func NewFinalize(opts FinalizeOptions) *Finalize {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Finalize{opts: opts}
}

// Process implements pipeline.DocProcessor.
func (f *Finalize) Process(_ context.Context, in *rinse.Document) (*rinse.Document, error) {
	d := *in
	d.WordCount = int32(CountWords(in.Text))
	if int(d.WordCount) < f.opts.MinWords {
		return nil, fmt.Errorf("checking length: %d words, want %d: %w", d.WordCount, f.opts.MinWords, rinse.ErrTooShort)
	}
	d.ID = DocumentID(in.Source)
	if d.Site == "" {
		d.Site = rinse.Host(in.URL)
	}
	d.ContentHash = ContentHash(in.Text)
	d.ProcessedAt = f.opts.Now().UTC()
	d.PipelineVersion = f.opts.Version
	d.Blocks, d.DateHints = nil, nil // working state, not needed by the sink
	return &d, nil
}

// DocumentID is the stable id of a source: the same input path (or URL, or
// archive record) always gives the same id, across runs and machines.
func DocumentID(source string) string {
	h := sha256.Sum256([]byte(source))
	return hex.EncodeToString(h[:16])
}

// ContentHash hashes the text after folding case and whitespace, so pages
// that differ only in spacing or capitals hash alike.
func ContentHash(text string) string {
	h := sha256.New()
	var buf []byte
	for w := range strings.FieldsSeq(strings.ToLower(text)) {
		buf = append(append(buf[:0], w...), ' ')
		h.Write(buf)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// firstCJK is the lowest rune isCJK accepts (the first Hangul jamo).
const firstCJK = 0x1100

// CountWords counts runs of letters and digits; each CJK ideograph, kana or
// hangul syllable counts as a word of its own, since those scripts do not
// separate words with spaces.
func CountWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case isCJK(r):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' && in:
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}

func isCJK(r rune) bool {
	if r < firstCJK {
		return false // the common case, without four table searches
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
