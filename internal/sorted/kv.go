package sorted

import (
	"bufio"
	"bytes"
	"container/heap"
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
	for len(s.runs) > FanIn {
		if err := s.mergePass(); err != nil {
			s.remove()
			return nil, err
		}
	}
	it, err := openKVMerge(s.runs)
	if err != nil {
		s.remove()
		return nil, err
	}
	it.onClose = s.remove
	return it, nil
}

func (s *KVSorter) mergePass() error {
	var next []string
	for i := 0; i < len(s.runs); i += FanIn {
		group := s.runs[i:min(i+FanIn, len(s.runs))]
		if len(group) == 1 {
			next = append(next, group[0])
			continue
		}
		it, err := openKVMerge(group)
		if err != nil {
			return err
		}
		s.files++
		f, err := os.Create(filepath.Join(s.dir, fmt.Sprintf("%s-%05d.kv", s.name, s.files)))
		if err != nil {
			it.Close()
			return err
		}
		w := newKVWriter(f)
		for it.Next() {
			if err = w.write(it.Key(), it.Value()); err != nil {
				break
			}
		}
		err = errors.Join(err, it.Err(), w.close(), f.Close(), it.Close())
		for _, g := range group {
			_ = os.Remove(g)
		}
		if err != nil {
			return err
		}
		next = append(next, f.Name())
	}
	s.runs = next
	return nil
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
	idx  int
}

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

type kvHeap []*kvRun

func (h kvHeap) Len() int { return len(h) }
func (h kvHeap) Less(i, j int) bool {
	if c := bytes.Compare(h[i].k, h[j].k); c != 0 {
		return c < 0
	}
	return h[i].idx < h[j].idx
}
func (h kvHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *kvHeap) Push(x any)   { *h = append(*h, x.(*kvRun)) }
func (h *kvHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type kvMergeIter struct {
	h       kvHeap
	all     []*kvRun
	k, v    []byte
	err     error
	onClose func()
}

func openKVMerge(paths []string) (*kvMergeIter, error) {
	m := &kvMergeIter{}
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			m.Close()
			return nil, fmt.Errorf("sorted: opening run: %w", err)
		}
		r := &kvRun{f: f, r: bufio.NewReaderSize(s2.NewReader(f), readBuffer), idx: i}
		m.all = append(m.all, r)
		ok, err := r.advance()
		if err != nil {
			m.Close()
			return nil, err
		}
		if ok {
			m.h = append(m.h, r)
		}
	}
	heap.Init(&m.h)
	return m, nil
}

func (m *kvMergeIter) Next() bool {
	if m.err != nil || len(m.h) == 0 {
		return false
	}
	top := m.h[0]
	m.k = append(m.k[:0], top.k...)
	m.v = append(m.v[:0], top.v...)
	ok, err := top.advance()
	if err != nil {
		m.err = err
		return false
	}
	if ok {
		heap.Fix(&m.h, 0)
	} else {
		heap.Pop(&m.h)
	}
	return true
}

func (m *kvMergeIter) Key() []byte   { return m.k }
func (m *kvMergeIter) Value() []byte { return m.v }
func (m *kvMergeIter) Err() error    { return m.err }

func (m *kvMergeIter) Close() error {
	var errs []error
	for _, r := range m.all {
		errs = append(errs, r.f.Close())
	}
	m.all, m.h = nil, nil
	if m.onClose != nil {
		m.onClose()
		m.onClose = nil
	}
	return errors.Join(errs...)
}
