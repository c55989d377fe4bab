package load

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"

	"github.com/rinse-etl/rinse/internal/minhash"
	"github.com/rinse-etl/rinse/internal/sorted"
)

// A record of the bands table: the first kept row whose signature has a
// band key.
//
//	band key u32 | ord u64
const bandRecSize = 12

// maxCandidates bounds the earlier rows a document is compared with per
// band: the first ones, where the band's first kept row is. A band shared
// by thousands of templated pages then costs thousands of comparisons,
// not millions.
const maxCandidates = 8

// MaxNearCandidates is maxCandidates for an engine that marks
// near-duplicates itself (rinse-beam): to decide as a commit does, it
// must compare a document with the same earlier rows.
const MaxNearCandidates = maxCandidates

// near marks near-duplicates in three passes, all in sorted order:
//  1. each document of this run that is not an exact duplicate gives its
//     band keys; sorted and merged with the state's bands, every document
//     meets the earlier rows sharing a band key with it (candidates);
//  2. in input order, a document is a near-duplicate of its first
//     candidate that is kept and similar enough; otherwise it is kept;
//  3. each band key's first kept row is written to the new bands table.
func (c *committer) near() error {
	w, err := sorted.Create(filepath.Join(c.sdir, bandsTable), bandRecSize, 4)
	if err != nil {
		return err
	}
	if c.d.opts.Dedup != "near" {
		return w.Close()
	}
	kept := newBitset(len(c.dec))
	bands, err := c.bandKeys(kept)
	if err != nil {
		w.Abort()
		return err
	}
	pairs, err := c.candidates(bands)
	if err != nil {
		w.Abort()
		return err
	}
	if err := c.compare(pairs, kept); err != nil {
		w.Abort()
		return err
	}
	if err := c.owners(w, kept); err != nil {
		w.Abort()
		return err
	}
	return w.Close()
}

// bandKeys reads this run's signatures in order and sorts the band keys
// of the documents still kept.
func (c *committer) bandKeys(kept bitset) (sorted.Iter, error) {
	f, err := os.Open(filepath.Join(c.d.staging, segmentName(c.d.sp.stateRel(), c.d.runIdx)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	s := sorted.NewSorter(c.d.scratch, "bands", bandRecSize, 8<<20)
	var buf [sigRecordSize]byte
	var sig minhash.Signature
	var rec [bandRecSize]byte
	for seq := range uint32(len(c.dec)) {
		if _, err := io.ReadFull(r, buf[:]); err != nil {
			return nil, err
		}
		copy(sig[:], buf[16:])
		if c.dec[seq] != decKeep || sig == (minhash.Signature{}) {
			continue
		}
		kept.set(int(seq))
		binary.BigEndian.PutUint64(rec[4:], ordOf(c.d.runIdx, seq))
		for _, k := range sig.BandKeys() {
			binary.BigEndian.PutUint32(rec[:4], k)
			if err := s.Add(rec[:]); err != nil {
				return nil, err
			}
		}
	}
	return s.Sort()
}

// candidates merges this run's band keys with the state's and pairs each
// document with the first earlier rows of each of its bands. It keeps the
// run's band keys in a scratch table for owners.
func (c *committer) candidates(bands sorted.Iter) (sorted.Iter, error) {
	defer bands.Close()
	old := c.oldBands()
	defer old.Close()
	keep, err := sorted.Create(filepath.Join(c.d.scratch, "newbands.tbl"), bandRecSize, 4)
	if err != nil {
		return nil, err
	}
	pairs := sorted.NewSorter(c.d.scratch, "pairs", 16, 8<<20)
	oldOK := old.Next()
	var members []uint64
	var pair [16]byte
	for ok := bands.Next(); ok; {
		key := bytes.Clone(bands.Record()[:4])
		members = members[:0]
		for oldOK && bytes.Compare(old.Record()[:4], key) < 0 {
			oldOK = old.Next()
		}
		if oldOK && bytes.Equal(old.Record()[:4], key) {
			if o := binary.BigEndian.Uint64(old.Record()[4:]); !c.isReleased(o) {
				members = append(members, o)
			}
		}
		for ; ok && bytes.Equal(bands.Record()[:4], key); ok = bands.Next() {
			if err := keep.Add(bands.Record()); err != nil {
				return nil, err
			}
			d := binary.BigEndian.Uint64(bands.Record()[4:])
			for _, m := range members[:min(len(members), maxCandidates)] {
				binary.BigEndian.PutUint64(pair[:8], d)
				binary.BigEndian.PutUint64(pair[8:], m)
				if err := pairs.Add(pair[:]); err != nil {
					return nil, err
				}
			}
			members = append(members, d)
		}
	}
	if err := firstErr(bands.Err(), old.Err(), keep.Close()); err != nil {
		return nil, err
	}
	return pairs.Sort()
}

func (c *committer) oldBands() sorted.Iter {
	if c.fresh {
		return sorted.Empty()
	}
	return scan(c.d.state.bands)
}

// compare decides, in input order, which documents are near-duplicates.
func (c *committer) compare(pairs sorted.Iter, kept bitset) error {
	defer pairs.Close()
	var cur, prev uint64
	done := false
	var sig minhash.Signature
	for pairs.Next() {
		d, cand := binary.BigEndian.Uint64(pairs.Record()[:8]), binary.BigEndian.Uint64(pairs.Record()[8:])
		if d != cur {
			_, s, _, err := c.sigs.read(d)
			if err != nil {
				return err
			}
			cur, prev, done, sig = d, 0, false, s
		}
		if done || cand == prev {
			continue // decided, or the same candidate met in another band
		}
		prev = cand
		if ordRun(cand) == c.d.runIdx && !kept.has(int(ordSeq(cand))) {
			continue // itself a duplicate: not a row to point at
		}
		_, cs, ok, err := c.sigs.read(cand)
		if err != nil {
			return err
		}
		if ok && minhash.Similarity(&sig, &cs) >= c.d.opts.NearThreshold {
			c.dec[ordSeq(d)] = decNear | cand
			kept.clear(int(ordSeq(d)))
			done = true
		}
	}
	return pairs.Err()
}

// owners writes each band key's first kept row: the state's when it
// stands, else this run's first kept document with the key.
func (c *committer) owners(w *sorted.Writer, kept bitset) error {
	news, err := sorted.Open(filepath.Join(c.d.scratch, "newbands.tbl"))
	if err != nil {
		return err
	}
	defer news.Close()
	n, old := news.Scan(), c.oldBands()
	defer old.Close()
	nOK, oOK := n.Next(), old.Next()
	var rec [bandRecSize]byte
	for nOK || oOK {
		var key []byte
		switch {
		case !nOK || oOK && bytes.Compare(old.Record()[:4], n.Record()[:4]) <= 0:
			key = bytes.Clone(old.Record()[:4])
		default:
			key = bytes.Clone(n.Record()[:4])
		}
		owner, found := uint64(0), false
		if oOK && bytes.Equal(old.Record()[:4], key) {
			if o := binary.BigEndian.Uint64(old.Record()[4:]); !c.isReleased(o) {
				owner, found = o, true
			}
			oOK = old.Next()
		}
		for ; nOK && bytes.Equal(n.Record()[:4], key); nOK = n.Next() {
			o := binary.BigEndian.Uint64(n.Record()[4:])
			if !found && kept.has(int(ordSeq(o))) {
				owner, found = o, true
			}
		}
		if found {
			copy(rec[:4], key)
			binary.BigEndian.PutUint64(rec[4:], owner)
			if err := w.Add(rec[:]); err != nil {
				return err
			}
		}
	}
	return firstErr(n.Err(), old.Err())
}

// bitset is one bit per row of the run.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) clear(i int)    { b[i/64] &^= 1 << (i % 64) }
func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
