package load

import (
	"errors"

	"github.com/rinse-etl/rinse/internal/durable"

	"github.com/rinse-etl/rinse/load/table"

	"encoding/binary"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/minhash"
	"github.com/rinse-etl/rinse/internal/sorted"
)

// rebuildState writes, in staging, the state of the files readers see,
// as if run last had written them all, and opens it. Digests are unknown,
// so every input is processed again and replaces its row; no row is ever
// duplicated. Validators are lost (fetches are unconditional once).
func (d *Dataset) rebuildState(last string) error {
	files, err := d.ownFiles()
	if err != nil {
		return fmt.Errorf("listing the committed files: %w", err)
	}
	run, err := rebuildIndex(d.sp)
	if err != nil {
		return err
	}
	b, err := newRebuilder(d, run)
	if err != nil {
		return err
	}
	if err := b.readAll(files); err != nil {
		return fmt.Errorf("rebuilding state: %w", err)
	}
	sdir := filepath.Join(d.staging, d.sp.stateRel(), last)
	if err := b.finish(sdir, last); err != nil {
		return fmt.Errorf("rebuilding state: %w", err)
	}
	st, err := openState(sdir, last)
	if err != nil {
		return fmt.Errorf("rebuilding state: %w", err)
	}
	d.state = st
	return nil
}

// ownFiles lists the live files this space wrote: all of them for an
// unsharded dataset; for a shard, those whose names carry the id of one of
// its runs (every file a run writes or rewrites does).
func (d *Dataset) ownFiles() ([]string, error) {
	files, err := d.store.live()
	if err != nil || d.sp.label == "" {
		return files, err
	}
	ms, err := ReadManifests(d.opts.Dir)
	if err != nil {
		return nil, err
	}
	runs := map[string]bool{}
	for _, m := range ms {
		if d.sp.owns(m) {
			runs[m.RunID] = true
		}
	}
	var own []string
	for _, f := range files {
		name := path.Base(f)
		if run, ok := runOfFile(name); ok && runs[run] {
			own = append(own, f)
		}
	}
	return own, nil
}

// runOfFile reads the run id out of a data file's name
// (part-<run>-<n>.ext or part-<run>-r<n>.ext).
func runOfFile(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, "part-")
	if !ok {
		return "", false
	}
	i := strings.LastIndex(rest, "-")
	if i < 0 {
		return "", false
	}
	return rest[:i], true
}

// rebuildIndex picks the run index of the rebuilt state: past every
// signature segment on disk and every committed run.
func rebuildIndex(sp space) (uint32, error) {
	names, err := manifestNames(sp.dir)
	if err != nil {
		return 0, err
	}
	n := uint32(len(names))
	segs, _ := os.ReadDir(filepath.Join(sp.dir, sp.stateRel(), "sig"))
	for _, s := range segs {
		if v, err := strconv.ParseUint(strings.TrimSuffix(s.Name(), ".sig"), 10, 32); err == nil {
			n = max(n, uint32(v))
		}
	}
	return n + 1, nil
}

type rebuilder struct {
	d       *Dataset
	run     uint32
	seq     uint32
	meta    stateMeta
	sigs    *sigWriter
	entries *sorted.Sorter
	hashes  *sorted.Sorter
	bands   *sorted.Sorter
}

func newRebuilder(d *Dataset, run uint32) (*rebuilder, error) {
	sw, err := newSigWriter(d.staging, d.sp.stateRel(), run)
	if err != nil {
		return nil, err
	}
	return &rebuilder{
		d: d, run: run, sigs: sw,
		meta:    stateMeta{Format: stateFormat, RunIndex: run, Generation: 1, Files: map[uint32]string{}},
		entries: sorted.NewSorter(d.scratch, "rb-entries", entrySize, 8<<20),
		hashes:  sorted.NewSorter(d.scratch, "rb-hashes", hashRecSize, 4<<20),
		bands:   sorted.NewSorter(d.scratch, "rb-bands", bandRecSize, 8<<20),
	}, nil
}

// readAll reads every data file once: the Parquet form when a file exists
// in both formats.
func (b *rebuilder) readAll(files []string) error {
	bases := map[string]string{}
	var order []string
	for _, f := range files {
		ext := path.Ext(f)
		base := dataBase(f)
		if _, ok := bases[base]; !ok {
			order = append(order, base)
			bases[base] = ext
		} else if ext == ".parquet" {
			bases[base] = ext
		}
	}
	for _, base := range order {
		num := b.meta.NextFile
		b.meta.NextFile++
		b.meta.Files[num] = base
		ext := bases[base]
		rel := formatPath(base, strings.TrimPrefix(ext, "."), b.d.opts.Format)
		src, ok, err := b.d.store.fetch(rel)
		if err == nil && !ok {
			rel = base + ext // written in another format setting
			src, ok, err = b.d.store.fetch(rel)
		}
		if err != nil || !ok {
			return fmt.Errorf("reading %s: %w", rel, errors.Join(err, os.ErrNotExist))
		}
		err = table.EachBatch(src, strings.TrimPrefix(ext, "."), func(rec arrow.RecordBatch) error {
			return b.batch(rec, base, num)
		})
		if err != nil {
			return fmt.Errorf("reading %s: %w", rel, err)
		}
	}
	return nil
}

func (b *rebuilder) batch(rec arrow.RecordBatch, base string, num uint32) error {
	quarantine := strings.HasPrefix(base, tableQuarantine+"/")
	outcome := outcomeDocument
	if strings.HasPrefix(base, tableDuplicates+"/") {
		outcome = outcomeDuplicate
	}
	for i := range int(rec.NumRows()) {
		var e entry
		var err error
		if quarantine {
			e, err = b.quarantined(rec, i, num)
		} else {
			e, err = b.document(rec, i, num, outcome)
		}
		if err != nil {
			return err
		}
		var r [entrySize]byte
		e.encode(r[:])
		if err := b.entries.Add(r[:]); err != nil {
			return err
		}
	}
	return nil
}

func (b *rebuilder) next(key [16]byte, sig *minhash.Signature) (uint64, error) {
	ord := ordOf(b.run, b.seq)
	b.seq++
	return ord, b.sigs.write(key, sig)
}

func (b *rebuilder) quarantined(rec arrow.RecordBatch, i int, num uint32) (entry, error) {
	key := rinse.SourceKey(rec.Column(0).(*array.String).Value(i))
	ord, err := b.next(key, nil)
	e := entry{key: key, ord: ord, gen: 1, outcome: outcomeQuarantined, file: num}
	if rinse.TransientReason(rec.Column(3).(*array.String).Value(i)) {
		e.flags |= flagTransient
	}
	return e, err
}

func (b *rebuilder) document(rec arrow.RecordBatch, i int, num uint32, outcome byte) (entry, error) {
	str := func(name string) string { return table.StringAt(rec.Column(rec.Schema().FieldIndices(name)[0]), i) }
	key := rinse.SourceKey(str("source"))
	hash, _ := key16(str("content_hash"))
	var sig *minhash.Signature
	kept := outcome == outcomeDocument && str("duplicate_of") == ""
	if kept && b.d.opts.Dedup == "near" {
		if s, ok := minhash.Compute(str("text")); ok {
			sig = &s
		}
	}
	ord, err := b.next(key, sig)
	if err != nil {
		return entry{}, err
	}
	if b.d.opts.Dedup != "none" {
		var r [hashRecSize]byte
		copy(r[:16], hash[:])
		binary.BigEndian.PutUint64(r[16:], ord)
		copy(r[24:40], key[:])
		if outcome == outcomeDuplicate {
			r[40] = 1
		}
		if err := b.hashes.Add(r[:]); err != nil {
			return entry{}, err
		}
	}
	if sig != nil {
		var r [bandRecSize]byte
		binary.BigEndian.PutUint64(r[4:], ord)
		for _, k := range sig.BandKeys() {
			binary.BigEndian.PutUint32(r[:4], k)
			if err := b.bands.Add(r[:]); err != nil {
				return entry{}, err
			}
		}
	}
	return entry{key: key, ord: ord, gen: 1, outcome: outcome, file: num, hash: hash}, nil
}

// finish writes the tables: entries and hashes as sorted; of each band
// key and of each hash, the first row only.
func (b *rebuilder) finish(sdir, last string) error {
	if _, err := b.sigs.close(); err != nil {
		return err
	}
	if err := os.MkdirAll(sdir, 0o755); err != nil {
		return err
	}
	if err := drain(b.entries, filepath.Join(sdir, entriesTable), entrySize, 16, nil); err != nil {
		return err
	}
	firstHolder := keepFirst(16, func(r []byte) bool { return r[40] == 0 })
	if err := drain(b.hashes, filepath.Join(sdir, hashesTable), hashRecSize, 16, firstHolder); err != nil {
		return err
	}
	if err := drain(b.bands, filepath.Join(sdir, bandsTable), bandRecSize, 4, keepFirst(4, nil)); err != nil {
		return err
	}
	vw, err := sorted.Create(filepath.Join(sdir, validatorsTable), validatorSize, 16)
	if err != nil {
		return err
	}
	if err := vw.Close(); err != nil {
		return err
	}
	b.meta.Run = last
	return durable.WriteJSON(filepath.Join(sdir, metaFile), b.meta)
}

// keepFirst returns a filter that keeps, of the records sharing a key of
// n bytes, the first that matches (all non-matching ones are kept).
func keepFirst(n int, match func([]byte) bool) func([]byte) bool {
	var last []byte
	return func(r []byte) bool {
		if match != nil && !match(r) {
			return true
		}
		if last != nil && string(last) == string(r[:n]) {
			return false
		}
		last = append(last[:0], r[:n]...)
		return true
	}
}

// drain writes a sorter's records to a table, through keep when set.
func drain(s *sorted.Sorter, path string, size, keyLen int, keep func([]byte) bool) error {
	it, err := s.Sort()
	if err != nil {
		return err
	}
	defer it.Close()
	w, err := sorted.Create(path, size, keyLen)
	if err != nil {
		return err
	}
	for it.Next() {
		if keep != nil && !keep(it.Record()) {
			continue
		}
		if err := w.Add(it.Record()); err != nil {
			w.Abort()
			return err
		}
	}
	if err := it.Err(); err != nil {
		w.Abort()
		return err
	}
	return w.Close()
}
