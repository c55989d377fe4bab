package transform

import (
	"context"
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
// They are found with MinHash over 5-word shingles and LSH banding
// (16 bands of 4 rows: pairs above ~0.5 similarity become candidates,
// which are then checked against Threshold on the full signature).
type Dedup struct {
	opts  DedupOptions
	exact map[string]string // content hash → id of the kept row
	bands []map[uint64][]int32
	sigs  []signature
	ids   []string
}

const (
	sigSize   = 64
	bandRows  = 4
	shingleWs = 5
)

type signature [sigSize]uint32

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
	d := &Dedup{opts: opts, exact: map[string]string{}}
	for h, id := range opts.Seen {
		d.exact[h] = id
	}
	if opts.Mode == DedupNear {
		d.bands = make([]map[uint64][]int32, sigSize/bandRows)
		for i := range d.bands {
			d.bands[i] = map[uint64][]int32{}
		}
	}
	return d
}

// Process implements pipeline.DocProcessor (sequentially).
func (d *Dedup) Process(_ context.Context, in *rinse.Document) (*rinse.Document, error) {
	if kept, ok := d.exact[in.ContentHash]; ok && kept != in.ID {
		return nil, fmt.Errorf("deduplicating: same text as %s: %w", kept, rinse.ErrDuplicate)
	}
	d.exact[in.ContentHash] = in.ID
	if d.bands == nil {
		return in, nil
	}
	sig, ok := minhash(in.Text)
	if !ok {
		return in, nil
	}
	if kept := d.nearest(&sig); kept >= 0 {
		out := *in
		out.DuplicateOf = d.ids[kept]
		return &out, nil
	}
	d.add(&sig, in.ID)
	return in, nil
}

// nearest returns the index of the first kept document similar enough to
// sig, or -1.
func (d *Dedup) nearest(sig *signature) int {
	best := -1
	for b := range d.bands {
		for _, i := range d.bands[b][bandKey(sig, b)] {
			if (best < 0 || int(i) < best) && similarity(sig, &d.sigs[i]) >= d.opts.Threshold {
				best = int(i)
			}
		}
	}
	return best
}

func (d *Dedup) add(sig *signature, id string) {
	i := int32(len(d.sigs))
	d.sigs = append(d.sigs, *sig)
	d.ids = append(d.ids, id)
	for b := range d.bands {
		k := bandKey(sig, b)
		d.bands[b][k] = append(d.bands[b][k], i)
	}
}

func bandKey(sig *signature, band int) uint64 {
	var h uint64 = 14695981039346656037
	for _, v := range sig[band*bandRows : (band+1)*bandRows] {
		h = (h ^ uint64(v)) * 1099511628211
	}
	return h
}

func similarity(a, b *signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
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
