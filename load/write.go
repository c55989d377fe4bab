package load

import (
	"github.com/rinse-etl/rinse/load/table"

	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/sorted"
)

// write streams the held-back rows, now in output order, into the files:
// documents (partitioned and sorted), exact duplicates into the
// duplicates table, quarantined pages into the quarantine table; and
// notes the entry of each row in the new state.
func (c *committer) write() error {
	docs := newRoller(c, tableDocuments, table.Schema, table.DocumentSchema(c.d.opts.PartitionBy))
	dups := newRoller(c, tableDuplicates, table.Schema, table.Schema)
	quar := newRoller(c, tableQuarantine, table.QuarantineSchema, table.QuarantineSchema)
	for _, r := range []*roller{docs, dups, quar} {
		r.onFile = func(fi FileInfo) { c.written = append(c.written, fi) }
	}
	err := c.writeDocuments(docs, dups)
	err = errors.Join(err, docs.close(), dups.close())
	if err != nil {
		quar.b.Release()
		return err
	}
	return errors.Join(c.writeQuarantine(quar), quar.close())
}

func (c *committer) writeDocuments(docs, dups *roller) error {
	rows, err := c.d.rows.Sort()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := c.writeDocument(rows, docs, dups); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (c *committer) writeDocument(rows sorted.KVIter, docs, dups *roller) error {
	dec := decoder{b: rows.Value()}
	tag := dec.byte()
	var old *entry
	var ord uint64
	decision := decKeep
	if tag == rowDocument {
		seq := dec.uint()
		decision, ord = c.dec[seq], ordOf(c.d.runIdx, uint32(seq))
	} else {
		e := decodeEntry(dec.take(entrySize))
		old, ord = &e, e.ord
	}
	doc := decodeDocument(&dec)
	if dec.err != nil {
		return dec.err
	}
	r, outcome := docs, outcomeDocument
	if tag != rowRelocated {
		doc.DuplicateOf = "" // decided below
	}
	switch decision & decKind {
	case decRepeat:
		c.sum.Documents--
		c.sum.Duplicates++
		return nil
	case decExact:
		c.sum.Documents--
		c.sum.Duplicates++
		r, outcome = dups, outcomeDuplicate
		fallthrough
	case decNear:
		id, err := c.idOf(decision & decOrd)
		if err != nil {
			return err
		}
		doc.DuplicateOf = id
	}
	part := ""
	if r == docs && len(c.d.opts.PartitionBy) > 0 {
		part = partitionPath(c.d.opts.PartitionBy, doc)
	}
	num, err := r.target(part)
	if err != nil {
		return err
	}
	if err := r.added(table.AppendDocument(r.b, doc)); err != nil {
		return err
	}
	if tag == rowPromoted {
		c.sum.Promoted++
	}
	return c.documentEntry(doc, old, ord, outcome, num)
}

// documentEntry notes the new state of the input a row came from; old is
// the entry of a row that rejoined from an earlier run: as processed then,
// only its place changes.
func (c *committer) documentEntry(doc *rinse.Document, old *entry, ord uint64, outcome byte, file uint32) error {
	key := rinse.SourceKey(doc.Source)
	e := c.baseEntry(key, doc.InputDigest)
	if old != nil {
		e = *old
		e.seen = c.d.runIdx
	}
	e.ord, e.outcome, e.file = ord, outcome, file
	if h, ok := key16(doc.ContentHash); ok {
		e.hash = h
	}
	if doc.InputETag != "" || doc.InputLastModified != "" {
		var rec [validatorSize]byte
		if encodeValidator(rec[:], key, doc.InputETag, doc.InputLastModified) {
			e.flags |= flagValidators
			if err := c.newValid.Add(rec[:]); err != nil {
				return err
			}
		}
	}
	return c.addEntry(&e)
}

func (c *committer) baseEntry(key [16]byte, digest string) entry {
	return entry{key: key, digest: parseDigest(digest), config: configKey(c.d.opts.ConfigHash),
		gen: c.d.gen, seen: c.d.runIdx, file: noFile}
}

func (c *committer) addEntry(e *entry) error {
	var rec [entrySize]byte
	e.encode(rec[:])
	return c.newEntries.Add(rec[:])
}

// idOf returns the id of the row at ord.
func (c *committer) idOf(ord uint64) (string, error) {
	key, _, _, err := c.sigs.read(ord)
	if err != nil {
		return "", fmt.Errorf("finding the row a duplicate points at: %w", err)
	}
	return hex.EncodeToString(key[:]), nil
}

func (c *committer) writeQuarantine(quar *roller) error {
	rows, err := c.d.quar.Sort()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		dec := decoder{b: rows.Value()}
		seq := dec.uint()
		q := decodeQuarantined(&dec)
		if dec.err != nil {
			return dec.err
		}
		if c.dec[seq] == decRepeat {
			c.uncountQuarantined(q.Reason)
			continue
		}
		num, err := quar.target("")
		if err != nil {
			return err
		}
		if err := quar.added(table.AppendQuarantined(quar.b, q, c.d.opts.RunID)); err != nil {
			return err
		}
		e := c.baseEntry(rinse.SourceKey(q.Source), q.InputDigest)
		e.ord, e.outcome, e.file = ordOf(c.d.runIdx, uint32(seq)), outcomeQuarantined, num
		if rinse.TransientReason(q.Reason) {
			e.flags |= flagTransient
		}
		if err := c.addEntry(&e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// uncountQuarantined moves a repeated input's quarantine from the
// quarantined to the duplicate count.
func (c *committer) uncountQuarantined(reason string) {
	c.sum.Quarantined--
	c.sum.Duplicates++
	if rinse.RejectionReason(reason) {
		c.sum.Rejected--
	}
	if c.sum.Reasons[reason]--; c.sum.Reasons[reason] <= 0 {
		delete(c.sum.Reasons, reason)
	}
}

var _ = binary.BigEndian
