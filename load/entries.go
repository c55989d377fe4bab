package load

import (
	"bytes"
	"path/filepath"

	"github.com/rinse-etl/rinse/internal/sorted"
)

// writeEntries writes the new entries table, merging the entries that
// stand (carried, their files renumbered where rewritten) with those of
// this run's rows (which win), and the validators of the fetched ones.
func (c *committer) writeEntries() error {
	carried, err := sorted.Open(filepath.Join(c.d.scratch, "carried.tbl"))
	if err != nil {
		return err
	}
	defer carried.Close()
	news, err := c.newEntries.Sort()
	if err != nil {
		return err
	}
	defer news.Close()
	newVal, err := c.newValid.Sort()
	if err != nil {
		return err
	}
	defer newVal.Close()
	oldVal := scan(c.d.state.validators)
	defer oldVal.Close()
	ew, err := sorted.Create(filepath.Join(c.sdir, entriesTable), entrySize, 16)
	if err != nil {
		return err
	}
	vw, err := sorted.Create(filepath.Join(c.sdir, validatorsTable), validatorSize, 16)
	if err != nil {
		ew.Abort()
		return err
	}
	v := &validatorMerge{oldIt: oldVal, newIt: newVal, oldOK: oldVal.Next(), newOK: newVal.Next(), w: vw}
	if err := c.mergeEntries(carried.Scan(), news, ew, v); err != nil {
		ew.Abort()
		vw.Abort()
		return err
	}
	return firstErr(ew.Close(), vw.Close())
}

func (c *committer) mergeEntries(old, news sorted.Iter, ew *sorted.Writer, v *validatorMerge) error {
	oOK, nOK := old.Next(), news.Next()
	var rec [entrySize]byte
	var lastKey []byte
	for oOK || nOK {
		var e entry
		fromNew := nOK && (!oOK || bytes.Compare(news.Record()[:16], old.Record()[:16]) <= 0)
		if fromNew {
			e = decodeEntry(news.Record())
			if oOK && bytes.Equal(old.Record()[:16], e.key[:]) {
				oOK = old.Next() // superseded by this run's row
			}
			nOK = news.Next()
		} else {
			e = decodeEntry(old.Record())
			if n, ok := c.remap[e.file]; ok {
				e.file = n
			}
			oOK = old.Next()
		}
		if lastKey != nil && bytes.Equal(lastKey, e.key[:]) {
			continue
		}
		lastKey = append(lastKey[:0], e.key[:]...)
		e.encode(rec[:])
		if err := ew.Add(rec[:]); err != nil {
			return err
		}
		if e.flags&flagValidators != 0 {
			if err := v.emit(e.key); err != nil {
				return err
			}
		}
	}
	return firstErr(old.Err(), news.Err(), v.oldIt.Err(), v.newIt.Err())
}

// validatorMerge writes the validators of the entries that have them, in
// key order: this run's when it fetched the page, else the state's (for
// entries that stand, and rows that rejoined from an earlier run).
type validatorMerge struct {
	oldIt, newIt sorted.Iter
	oldOK, newOK bool
	w            *sorted.Writer
}

func (v *validatorMerge) emit(key [16]byte) error {
	for _, s := range []struct {
		it sorted.Iter
		ok *bool
	}{{v.newIt, &v.newOK}, {v.oldIt, &v.oldOK}} {
		for *s.ok && bytes.Compare(s.it.Record()[:16], key[:]) < 0 {
			*s.ok = s.it.Next()
		}
		if *s.ok && bytes.Equal(s.it.Record()[:16], key[:]) {
			return v.w.Add(s.it.Record())
		}
	}
	return nil
}
