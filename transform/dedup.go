package transform

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/minhash"
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
// Near-duplicates are written with DuplicateOf set to the kept row's id
// (signatures and bands: package internal/minhash).
//
// Memory grows with the documents seen (~250 bytes each): this stage is
// for runs into a sink of your own. A load.Dataset resolves duplicates
// itself when it commits, against every earlier run, in bounded memory.
type Dedup struct {
	opts  DedupOptions
	exact map[key16]key16 // content hash → id of the kept row
	bands map[uint32]int32
	sigs  []minhash.Signature // per kept document
	ids   []key16
}

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
	sig, ok := minhash.Compute(in.Text)
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
func (d *Dedup) nearest(sig *minhash.Signature) int {
	best := -1
	for _, k := range sig.BandKeys() {
		i, ok := d.bands[k]
		if ok && (best < 0 || int(i) < best) && minhash.Similarity(sig, &d.sigs[i]) >= d.opts.Threshold {
			best = int(i)
		}
	}
	return best
}

func (d *Dedup) add(sig *minhash.Signature, id key16) {
	i := int32(len(d.ids))
	d.sigs = append(d.sigs, *sig)
	d.ids = append(d.ids, id)
	for _, k := range sig.BandKeys() {
		if _, ok := d.bands[k]; !ok {
			d.bands[k] = i
		}
	}
}
