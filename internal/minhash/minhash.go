// Package minhash computes the near-duplicate signatures rinse compares:
// one-permutation MinHash over lower-cased 5-word shingles, 64 values, cut
// into 12 LSH bands of 5 values. A pair of texts at 0.8 estimated Jaccard
// similarity shares a band with probability 0.99, at 0.5 with 0.32; a pair
// sharing a band is then checked on the whole signature.
//
// Signatures are stored as 64 16-bit values (the high half of each
// 32-bit minimum): 128 bytes per document, plenty to tell 0.8 from 0.5.
package minhash

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strings"

	"github.com/cespare/xxhash/v2"
)

const (
	// Size is the number of values in a signature.
	Size = 64
	// Bands and BandRows cut a signature for locality-sensitive hashing.
	Bands    = 12
	BandRows = 5
	// Bytes is the size of a packed signature.
	Bytes    = Size * 2
	shingleW = 5
)

// Signature is a packed signature: 64 big-endian 16-bit values.
type Signature [Bytes]byte

// Compute returns the signature of text, or false when text has fewer
// than five words (too short to compare).
//
// Each word is hashed once (xxhash), a shingle's hash combines its five
// word hashes, its top bits pick one of the 64 bins and the bin keeps its
// smallest value. Empty bins borrow from the next non-empty one (rotation
// densification). One hash per word instead of 64 per shingle keeps this
// a small share of a page's time.
func Compute(text string) (Signature, bool) {
	var sig [Size]uint32
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	var ring [shingleW]uint64
	n := 0
	var buf []byte
	for w := range strings.FieldsSeq(text) {
		buf = appendLower(buf[:0], w)
		ring[n%shingleW] = xxhash.Sum64(buf)
		n++
		if n < shingleW {
			continue
		}
		var h uint64
		for k := range shingleW {
			h = bits.RotateLeft64(h, 13) ^ ring[(n+k)%shingleW]
		}
		h = mix(h)
		bin, v := h>>58, uint32(h)
		if v < sig[bin] {
			sig[bin] = v
		}
	}
	var out Signature
	if n < shingleW {
		return out, false
	}
	densify(&sig)
	for i, v := range sig {
		binary.BigEndian.PutUint16(out[2*i:], uint16(v>>16))
	}
	return out, true
}

// Value returns the i-th value.
func (s *Signature) Value(i int) uint16 { return binary.BigEndian.Uint16(s[2*i:]) }

// BandKeys returns the key of each band: its values hashed together with
// the band number, so equal values in different bands never collide.
func (s *Signature) BandKeys() [Bands]uint32 {
	var keys [Bands]uint32
	for b := range Bands {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for i := b * BandRows; i < (b+1)*BandRows; i++ {
			h = mix(h ^ uint64(s.Value(i)))
		}
		keys[b] = uint32(h >> 32)
	}
	return keys
}

// Similarity estimates the Jaccard similarity of two texts from the share
// of equal signature values.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range Size {
		if a[2*i] == b[2*i] && a[2*i+1] == b[2*i+1] {
			same++
		}
	}
	return float64(same) / Size
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
func densify(sig *[Size]uint32) {
	for i := range sig {
		if sig[i] != math.MaxUint32 {
			continue
		}
		for d := 1; d < Size; d++ {
			if v := sig[(i+d)%Size]; v != math.MaxUint32 {
				sig[i] = v ^ uint32(d)*0x9e3779b9
				break
			}
		}
	}
}
