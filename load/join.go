package load

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"slices"

	"github.com/rinse-etl/rinse/internal/sorted"
)

// join matches this run's inputs with the state's entries, both in key
// order. An input processed again supersedes its entry: its old row must
// leave its file (drops) and its hash group (released). An unchanged input
// keeps its entry. An entry no input matched stands, unless it is pruned.
// The same input twice in one run keeps its first row; later ones are
// decided as repeats.
func (c *committer) join() error {
	in, err := c.d.inputs.Sort()
	if err != nil {
		return err
	}
	defer in.Close()
	old := scan(c.d.state.entries)
	defer old.Close()
	if c.carried, err = sorted.Create(filepath.Join(c.d.scratch, "carried.tbl"), entrySize, 16); err != nil {
		return err
	}
	var group [][]byte
	inOK, oldOK := in.Next(), old.Next()
	for inOK || oldOK {
		cmp := -1
		switch {
		case !inOK:
			cmp = 1
		case oldOK:
			cmp = bytes.Compare(in.Record()[:16], old.Record()[:16])
		}
		var o *entry
		if cmp >= 0 {
			e := decodeEntry(old.Record())
			o = &e
			oldOK = old.Next()
		}
		group = group[:0]
		if cmp <= 0 {
			key := bytes.Clone(in.Record()[:16])
			for inOK && bytes.Equal(in.Record()[:16], key) {
				group = append(group, bytes.Clone(in.Record()))
				inOK = in.Next()
			}
		}
		if err := c.joinOne(group, o); err != nil {
			return err
		}
	}
	if err := firstErr(in.Err(), old.Err()); err != nil {
		return err
	}
	slices.Sort(c.relOrds)
	return c.carried.Close()
}

// joinOne decides one input: group holds its records from this run (first
// by sequence number first), o its old entry.
func (c *committer) joinOne(group [][]byte, o *entry) error {
	for _, r := range group[min(1, len(group)):] {
		if r[20] == inputRow {
			c.dec[binary.BigEndian.Uint32(r[16:])] = decRepeat
		}
	}
	if o == nil {
		return nil
	}
	if len(group) == 0 {
		if c.prunes(o) {
			return c.supersede(o)
		}
		return c.carry(o)
	}
	if group[0][20] == inputTouch {
		o.seen = c.d.runIdx
		return c.carry(o)
	}
	return c.supersede(o) // processed again, or gone
}

// prunes says whether an entry no input of this run matched leaves the
// dataset: with Prune, or at the end of a rebuild (then every input it
// did not reach is older than the rebuild).
func (c *committer) prunes(o *entry) bool {
	if !c.complete {
		return false
	}
	rebuilding := c.d.opts.Full || c.d.state.meta.FullPending
	return c.d.opts.Prune || rebuilding && o.gen < c.d.gen
}

func (c *committer) carry(o *entry) error {
	var rec [entrySize]byte
	o.encode(rec[:])
	return c.carried.Add(rec[:])
}

// supersede takes an old entry's row out of its file and its group.
func (c *committer) supersede(o *entry) error {
	if o.file != noFile {
		var rec [20]byte
		binary.BigEndian.PutUint32(rec[:4], o.file)
		copy(rec[4:], o.key[:])
		if err := c.drops.Add(rec[:]); err != nil {
			return err
		}
	}
	if o.outcome != outcomeDocument && o.outcome != outcomeDuplicate {
		return nil
	}
	var rec [40]byte
	copy(rec[:16], o.hash[:])
	binary.BigEndian.PutUint64(rec[16:], o.ord)
	copy(rec[24:], o.key[:])
	c.relOrds = append(c.relOrds, o.ord)
	return c.released.Add(rec[:])
}

// isReleased reports whether the row at ord left the dataset this run.
func (c *committer) isReleased(ord uint64) bool {
	_, ok := slices.BinarySearch(c.relOrds, ord)
	return ok
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
