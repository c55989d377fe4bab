package transform

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/bits"
	"strings"

	"github.com/cespare/xxhash/v2"

	"github.com/rinse-etl/rinse"
)

// Dedup modes.
const (
	DedupNone  = "none"
	DedupExact = "exact"
	DedupNear  = "near"
)

// DedupOptions configure Dedup.
type DedupOptions struct {
	// Mode is DedupExact (drop exact duplicates), DedupNear (also mark
	// near-duplicates with duplicate_of) or DedupNone.
	Mode string
	// Threshold is the estimated Jaccard similarity of word shingles at
	// which a document counts as a near-duplicate. Default 0.8.
	Threshold float64
	// Seen, when set, holds content hashes (and their ids) of documents
	// already in the dataset from earlier runs.
	Seen map[string]string
}

// Dedup finds duplicates in input order. It is stateful and must run on a
// single goroutine (pipeline Stages.Sequential): the first document of a
// group, by source order, keeps its row.
//
// Exact duplicates (same ContentHash: text equal up to case and spacing)
// are rejected with rinse.ErrDuplicate and counted, not written.
// Near-duplicates are written with DuplicateOf set to the kept row's id.
// They are found with MinHash over 5-word shingles and LSH banding (12
// bands of 5 rows: a pair at 0.8 similarity shares a band with
// probability 0.99, at 0.5 with 0.32); a candidate is then checked against
// Threshold on the full signature.
//
// Memory grows with the documents seen, so it is kept to ~250 bytes per
// document: 16-byte keys instead of hex strings, 16-bit signature values,
// and each band bucket remembers only the first document that landed in
// it (the one a near-duplicate must point at anyway).
type Dedup struct {
	opts  DedupOptions
	exact map[key16]key16 // content hash → id of the kept row
	bands map[uint32]int32
	sigs  []uint16 // sigSize values per kept document
	ids   []key16
}

const (
	sigSize   = 64
	bandRows  = 5
	bands     = 12
	shingleWs = 5
)

type signature [sigSize]uint32

type key16 [16]byte

// toKey packs a 32-hex-digit hash or id into 16 bytes; anything else is
// hashed into 16 bytes.
func toKey(s string) key16 {
	var k key16
	if len(s) == 32 {
		if _, err := hex.Decode(k[:], []byte(s)); err == nil {
			return k
		}
	}
	sum := sha256.Sum256([]byte(s))
	copy(k[:], sum[:16])
	return k
}

// NewDedup returns a Dedup, or nil for DedupNone.
func NewDedup(opts DedupOptions) *Dedup {
	if opts.Mode == DedupNone {
		return nil
	}
	if opts.Mode == "" {
		opts.Mode = DedupNear
	}
	if opts.Threshold <= 0 {
		opts.Threshold = 0.8
	}
	d := &Dedup{opts: opts, exact: make(map[key16]key16, len(opts.Seen))}
	for h, id := range opts.Seen {
		d.exact[toKey(h)] = toKey(id)
	}
	if opts.Mode == DedupNear {
		d.bands = map[uint32]int32{}
	}
	return d
}

// Process implements pipeline.DocProcessor (sequentially).
func (d *Dedup) Process(_ context.Context, in *rinse.Document) (*rinse.Document, error) {
	h, id := toKey(in.ContentHash), toKey(in.ID)
	if kept, ok := d.exact[h]; ok && kept != id {
		return nil, fmt.Errorf("deduplicating: same text as %x: %w", kept[:], rinse.ErrDuplicate)
	}
	d.exact[h] = id
	if d.bands == nil {
		return in, nil
	}
	sig, ok := minhash(in.Text)
	if !ok {
		return in, nil
	}
	if kept := d.nearest(&sig); kept >= 0 {
		out := *in
		out.DuplicateOf = hex.EncodeToString(d.ids[kept][:])
		return &out, nil
	}
	d.add(&sig, id)
	return in, nil
}

// nearest returns the index of the first kept document similar enough to
// sig, or -1.
func (d *Dedup) nearest(sig *signature) int {
	best := -1
	for b := range bands {
		i, ok := d.bands[bandKey(sig, b)]
		if ok && (best < 0 || int(i) < best) && d.similarity(sig, int(i)) >= d.opts.Threshold {
			best = int(i)
		}
	}
	return best
}

func (d *Dedup) add(sig *signature, id key16) {
	i := int32(len(d.ids))
	for _, v := range sig {
		d.sigs = append(d.sigs, uint16(v>>16))
	}
	d.ids = append(d.ids, id)
	for b := range bands {
		if k := bandKey(sig, b); !hasKey(d.bands, k) {
			d.bands[k] = i
		}
	}
}

func hasKey(m map[uint32]int32, k uint32) bool { _, ok := m[k]; return ok }

// bandKey hashes one band's rows together with the band number.
func bandKey(sig *signature, band int) uint32 {
	h := uint64(band+1) * 0x9e3779b97f4a7c15
	for _, v := range sig[band*bandRows : (band+1)*bandRows] {
		h = mix(h ^ uint64(v>>16))
	}
	return uint32(h >> 32)
}

// similarity estimates the Jaccard similarity of sig and kept document i
// from the share of equal (16-bit) signature values.
func (d *Dedup) similarity(sig *signature, i int) float64 {
	kept := d.sigs[i*sigSize : (i+1)*sigSize]
	same := 0
	for j, v := range sig {
		if uint16(v>>16) == kept[j] {
			same++
		}
	}
	return float64(same) / sigSize
}

// minhash computes a one-permutation MinHash signature of text's
// lower-cased 5-word shingles. Each word is hashed once (xxhash), a
// shingle's hash combines its five word hashes, its top bits pick one of
// the 64 bins and the bin keeps its smallest value. Empty bins borrow from
// the next non-empty one (rotation densification). One hash per word
// instead of 64 per shingle keeps this a small share of a page's time.
// Texts under one shingle give ok false: too short to compare.
func minhash(text string) (signature, bool) {
	var sig signature
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	var ring [shingleWs]uint64
	n := 0
	var buf []byte
	for w := range strings.FieldsSeq(text) {
		buf = appendLower(buf[:0], w)
		ring[n%shingleWs] = xxhash.Sum64(buf)
		n++
		if n < shingleWs {
			continue
		}
		var h uint64
		for k := range shingleWs {
			h = bits.RotateLeft64(h, 13) ^ ring[(n+k)%shingleWs]
		}
		h = mix(h)
		bin, v := h>>58, uint32(h)
		if v < sig[bin] {
			sig[bin] = v
		}
	}
	if n < shingleWs {
		return sig, false
	}
	densify(&sig)
	return sig, true
}

// appendLower appends w lower-cased, with a fast path for ASCII.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return append(dst[:0], strings.ToLower(w)...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// mix is the splitmix64 finalizer: it spreads the combined word hashes
// over all 64 bits, so the bin (top bits) and value (low bits) are
// independent.
func mix(x uint64) uint64 {
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// densify fills empty bins from the next non-empty bin to the right,
// salted by the distance so borrowed values differ from the originals.
func densify(sig *signature) {
	for i := range sig {
		if sig[i] != math.MaxUint32 {
			continue
		}
		for d := 1; d < sigSize; d++ {
			if v := sig[(i+d)%sigSize]; v != math.MaxUint32 {
				sig[i] = v ^ uint32(d)*0x9e3779b9
				break
			}
		}
	}
}
