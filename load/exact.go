package load

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/rinse-etl/rinse/internal/sorted"
)

// A record of the hashes table: one row holding a content hash, or one of
// its exact duplicates.
//
//	hash [16] | ord u64 | key [16] | kind u8 (0 holder, 1 duplicate)
const hashRecSize = 41

type hashMember struct {
	ord  uint64
	key  [16]byte
	kind byte
}

// hashGroup is everything known of one content hash at commit.
type hashGroup struct {
	hash     [16]byte
	holder   *hashMember  // the row readers see, from an earlier run
	dups     []hashMember // earlier duplicates
	released [][16]byte   // keys that left the group this run
	news     []hashMember // this run's documents with the hash, in input order
}

// exact resolves exact duplicates group by group, merging this run's
// hashes with the state's and with the rows released this run (all in
// hash order), and writes the new hashes table. A row kept by an earlier
// run keeps its place; otherwise this run's first document takes it; a
// group whose row left with no document of this run to take over promotes
// its first duplicate of an earlier run, whose row is kept for that.
func (c *committer) exact() error {
	w, err := sorted.Create(filepath.Join(c.sdir, hashesTable), hashRecSize, 16)
	if err != nil {
		return err
	}
	if c.d.opts.Dedup == "none" {
		return w.Close()
	}
	news, err := c.d.hashes.Sort()
	if err != nil {
		w.Abort()
		return err
	}
	defer news.Close()
	rel, err := c.released.Sort()
	if err != nil {
		w.Abort()
		return err
	}
	defer rel.Close()
	old := sorted.Empty()
	if !c.fresh {
		old = scan(c.d.state.hashes)
	}
	defer old.Close()
	m := newMerge3(news, old, rel)
	for m.more() {
		g := m.group(c.d.runIdx)
		if err := c.resolveHash(w, g); err != nil {
			w.Abort()
			return err
		}
	}
	if err := m.err(); err != nil {
		w.Abort()
		return err
	}
	return w.Close()
}

// resolveHash decides one group and writes its new records.
func (c *committer) resolveHash(w *sorted.Writer, g *hashGroup) error {
	gone := func(k [16]byte) bool { return slices.Contains(g.released, k) }
	dups := slices.DeleteFunc(g.dups, func(m hashMember) bool { return gone(m.key) })
	news := slices.DeleteFunc(g.news, func(m hashMember) bool { return c.dec[ordSeq(m.ord)] == decRepeat })
	var holder *hashMember
	switch {
	case g.holder != nil && !gone(g.holder.key):
		holder = g.holder
	case len(news) > 0:
		// The row that held the hash keeps it when it was processed again
		// and still has this text; else the first of this run.
		i := 0
		if g.holder != nil {
			if j := slices.IndexFunc(news, func(m hashMember) bool { return m.key == g.holder.key }); j >= 0 {
				i = j
			}
		}
		h := news[i]
		holder = &h
		news = slices.Delete(news, i, i+1)
	case len(dups) > 0:
		h := dups[0]
		holder = &h
		dups = dups[1:]
		if err := c.promote(h); err != nil {
			return err
		}
	default:
		return nil
	}
	for _, n := range news {
		c.dec[ordSeq(n.ord)] = decExact | holder.ord
		dups = append(dups, n)
	}
	recs := append([]hashMember{{ord: holder.ord, key: holder.key, kind: 0}}, dups...)
	for i := range recs[1:] {
		recs[i+1].kind = 1
	}
	slices.SortFunc(recs, func(a, b hashMember) int { return cmpOrd(a.ord, b.ord) })
	var rec [hashRecSize]byte
	for _, r := range recs {
		copy(rec[:16], g.hash[:])
		binary.BigEndian.PutUint64(rec[16:], r.ord)
		copy(rec[24:40], r.key[:])
		rec[40] = r.kind
		if err := w.Add(rec[:]); err != nil {
			return err
		}
	}
	return nil
}

func cmpOrd(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// promote makes an earlier duplicate the group's row: its row leaves the
// duplicates table and joins this run's documents.
func (c *committer) promote(m hashMember) error {
	e, ok := c.d.state.lookup(m.key)
	if !ok || e.outcome != outcomeDuplicate || e.file == noFile {
		return fmt.Errorf("duplicate %x has no row to promote", m.key)
	}
	c.promoted[m.key] = e
	var rec [20]byte
	binary.BigEndian.PutUint32(rec[:4], e.file)
	copy(rec[4:], m.key[:])
	return c.drops.Add(rec[:])
}

// merge3 walks this run's hashes, the state's and the released ones in
// hash order, one group at a time.
type merge3 struct {
	news, old, rel      sorted.Iter
	newOK, oldOK, relOK bool
}

func newMerge3(news, old, rel sorted.Iter) *merge3 {
	return &merge3{news: news, old: old, rel: rel, newOK: news.Next(), oldOK: old.Next(), relOK: rel.Next()}
}

func (m *merge3) more() bool { return m.newOK || m.oldOK || m.relOK }

func (m *merge3) err() error { return firstErr(m.news.Err(), m.old.Err(), m.rel.Err()) }

// next returns the smallest hash among the three streams.
func (m *merge3) next() []byte {
	var min []byte
	for _, s := range []struct {
		ok  bool
		rec func() []byte
	}{{m.newOK, m.news.Record}, {m.oldOK, m.old.Record}, {m.relOK, m.rel.Record}} {
		if s.ok && (min == nil || bytes.Compare(s.rec()[:16], min) < 0) {
			min = s.rec()[:16]
		}
	}
	return bytes.Clone(min)
}

func (m *merge3) group(run uint32) *hashGroup {
	h := m.next()
	g := &hashGroup{}
	copy(g.hash[:], h)
	for m.newOK && bytes.Equal(m.news.Record()[:16], h) {
		r := m.news.Record()
		n := hashMember{ord: ordOf(run, binary.BigEndian.Uint32(r[16:]))}
		copy(n.key[:], r[20:36])
		g.news = append(g.news, n)
		m.newOK = m.news.Next()
	}
	for m.oldOK && bytes.Equal(m.old.Record()[:16], h) {
		r := m.old.Record()
		o := hashMember{ord: binary.BigEndian.Uint64(r[16:]), kind: r[40]}
		copy(o.key[:], r[24:40])
		if o.kind == 0 {
			g.holder = &o
		} else {
			g.dups = append(g.dups, o)
		}
		m.oldOK = m.old.Next()
	}
	for m.relOK && bytes.Equal(m.rel.Record()[:16], h) {
		var k [16]byte
		copy(k[:], m.rel.Record()[24:40])
		g.released = append(g.released, k)
		m.relOK = m.rel.Next()
	}
	return g
}
