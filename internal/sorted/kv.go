package sorted

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/klauspost/compress/s2"
)

// KVSorter sorts variable-size records by key, with the memory and open
// files bounded as in Sorter. Records with equal keys keep the order they
// were added in. Spilled runs are S2-compressed: the rows a dataset sorts
// are mostly text, and writing them twice costs less than holding them.
type KVSorter struct {
	dir   string
	name  string
	limit int
	arena []byte
	items []kvItem
	runs  []string
	files int
	n     int64
	done  bool
}

type kvItem struct {
	off, klen, vlen int
}

// s2Block is the compression block of spilled runs: small enough that
// FanIn readers hold little memory, large enough to compress well.
const s2Block = 128 << 10

// NewKVSorter returns a sorter that buffers up to memBytes of records
// before spilling to files named name-* in dir.
func NewKVSorter(dir, name string, memBytes int) *KVSorter {
	return &KVSorter{dir: dir, name: name, limit: max(memBytes, 1)}
}

// Len is the number of records added.
func (s *KVSorter) Len() int64 { return s.n }

// Add copies one record.
func (s *KVSorter) Add(key, value []byte) error {
	if s.done {
		return errors.New("sorted: Add after Sort")
	}
	if len(s.arena) > 0 && len(s.arena)+len(key)+len(value) > s.limit {
		if err := s.spill(); err != nil {
			return err
		}
	}
	if s.arena == nil {
		// The whole budget at once: growing by doubling would leave the
		// smaller arrays behind as garbage, half again the budget.
		s.arena = make([]byte, 0, s.limit)
	}
	s.items = append(s.items, kvItem{off: len(s.arena), klen: len(key), vlen: len(value)})
	s.arena = append(append(s.arena, key...), value...)
	s.n++
	return nil
}

func (s *KVSorter) key(it kvItem) []byte { return s.arena[it.off : it.off+it.klen] }
func (s *KVSorter) value(it kvItem) []byte {
	return s.arena[it.off+it.klen : it.off+it.klen+it.vlen]
}

func (s *KVSorter) sortItems() {
	slices.SortStableFunc(s.items, func(a, b kvItem) int { return bytes.Compare(s.key(a), s.key(b)) })
}

func (s *KVSorter) spill() error {
	if len(s.items) == 0 {
		return nil
	}
	s.sortItems()
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return err
	}
	s.files++
	f, err := os.Create(filepath.Join(s.dir, fmt.Sprintf("%s-%05d.kv", s.name, s.files)))
	if err != nil {
		return fmt.Errorf("sorted: spilling: %w", err)
	}
	w := newKVWriter(f)
	for _, it := range s.items {
		if err = w.write(s.key(it), s.value(it)); err != nil {
			break
		}
	}
	err = errors.Join(err, w.close(), f.Close())
	if err != nil {
		return fmt.Errorf("sorted: spilling: %w", err)
	}
	s.runs = append(s.runs, f.Name())
	s.items, s.arena = s.items[:0], s.arena[:0]
	return nil
}

// Sort ends input and returns the records in key order; Close the
// iterator to remove the run files.
func (s *KVSorter) Sort() (KVIter, error) {
	if s.done {
		return nil, errors.New("sorted: Sort called twice")
	}
	s.done = true
	if len(s.runs) == 0 {
		s.sortItems()
		return &kvMemIter{s: s, pos: -1}, nil
	}
	if err := s.spill(); err != nil {
		return nil, err
	}
	s.items, s.arena = nil, nil
	var err error
	if s.runs, err = passes(s.runs, s.mergeGroup); err != nil {
		s.remove()
		return nil, err
	}
	it, err := openKVMerge(s.runs)
	if err != nil {
		s.remove()
		return nil, err
	}
	it.m.onClose = s.remove
	return it, nil
}

// mergeGroup merges a group of runs into one new run.
func (s *KVSorter) mergeGroup(group []string) (string, error) {
	it, err := openKVMerge(group)
	if err != nil {
		return "", err
	}
	s.files++
	f, err := os.Create(filepath.Join(s.dir, fmt.Sprintf("%s-%05d.kv", s.name, s.files)))
	if err != nil {
		it.Close()
		return "", err
	}
	w := newKVWriter(f)
	for it.Next() {
		if err = w.write(it.Key(), it.Value()); err != nil {
			break
		}
	}
	return f.Name(), errors.Join(err, it.Err(), w.close(), f.Close(), it.Close())
}

func (s *KVSorter) remove() {
	for _, r := range s.runs {
		_ = os.Remove(r)
	}
	s.runs = nil
}

// KVIter walks records in key order; Key and Value are valid until the
// next call to Next.
type KVIter interface {
	Next() bool
	Key() []byte
	Value() []byte
	Err() error
	Close() error
}

type kvMemIter struct {
	s   *KVSorter
	pos int
}

func (m *kvMemIter) Next() bool    { m.pos++; return m.pos < len(m.s.items) }
func (m *kvMemIter) Key() []byte   { return m.s.key(m.s.items[m.pos]) }
func (m *kvMemIter) Value() []byte { return m.s.value(m.s.items[m.pos]) }
func (m *kvMemIter) Err() error    { return nil }
func (m *kvMemIter) Close() error  { m.s.items, m.s.arena = nil, nil; return nil }

type kvWriter struct {
	zw  *s2.Writer
	w   *bufio.Writer
	hdr []byte
}

func newKVWriter(f *os.File) *kvWriter {
	zw := s2.NewWriter(f, s2.WriterBlockSize(s2Block), s2.WriterConcurrency(1))
	return &kvWriter{zw: zw, w: bufio.NewWriterSize(zw, readBuffer)}
}

func (w *kvWriter) write(k, v []byte) error {
	w.hdr = binary.AppendUvarint(binary.AppendUvarint(w.hdr[:0], uint64(len(k))), uint64(len(v)))
	if _, err := w.w.Write(w.hdr); err != nil {
		return err
	}
	if _, err := w.w.Write(k); err != nil {
		return err
	}
	_, err := w.w.Write(v)
	return err
}

func (w *kvWriter) close() error { return errors.Join(w.w.Flush(), w.zw.Close()) }

type kvRun struct {
	f    *os.File
	r    *bufio.Reader
	k, v []byte
}

func (r *kvRun) key() []byte    { return r.k }
func (r *kvRun) file() *os.File { return r.f }
func (r *kvRun) advance() (bool, error) {
	kl, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		return false, nil
	}
	vl, err2 := binary.ReadUvarint(r.r)
	if err != nil || err2 != nil || kl > 1<<30 || vl > 1<<30 {
		return false, fmt.Errorf("sorted: reading run %s: damaged record", r.f.Name())
	}
	r.k = grow(r.k, int(kl))
	r.v = grow(r.v, int(vl))
	if _, err := io.ReadFull(r.r, r.k); err != nil {
		return false, fmt.Errorf("sorted: reading run %s: %w", r.f.Name(), err)
	}
	if _, err := io.ReadFull(r.r, r.v); err != nil {
		return false, fmt.Errorf("sorted: reading run %s: %w", r.f.Name(), err)
	}
	return true, nil
}

func grow(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}

type kvMergeIter struct {
	m    *merger[*kvRun]
	k, v []byte
}

func openKVMerge(paths []string) (*kvMergeIter, error) {
	m, err := openMerger(paths, func(f *os.File) *kvRun {
		return &kvRun{f: f, r: bufio.NewReaderSize(s2.NewReader(f), readBuffer)}
	})
	if err != nil {
		return nil, err
	}
	return &kvMergeIter{m: m}, nil
}

func (it *kvMergeIter) Next() bool {
	return it.m.next(func(r *kvRun) {
		it.k = append(it.k[:0], r.k...)
		it.v = append(it.v[:0], r.v...)
	})
}
func (it *kvMergeIter) Key() []byte   { return it.k }
func (it *kvMergeIter) Value() []byte { return it.v }
func (it *kvMergeIter) Err() error    { return it.m.err }
func (it *kvMergeIter) Close() error  { return it.m.close() }
