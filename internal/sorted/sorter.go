package sorted

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// FanIn bounds the spilled runs a merge reads at once, and so the files a
// sort holds open.
const FanIn = 16

// readBuffer is each merged run's read buffer.
const readBuffer = 64 << 10

// Sorter sorts fixed-size records. It is not safe for concurrent use.
type Sorter struct {
	dir   string
	name  string
	size  int
	limit int
	buf   []byte
	runs  []string
	files int
	n     int64
	done  bool
}

// NewSorter returns a sorter of size-byte records that buffers up to
// memBytes before spilling to files named name-* in dir.
func NewSorter(dir, name string, size, memBytes int) *Sorter {
	if size <= 0 {
		panic("sorted: record size must be positive")
	}
	limit := max(memBytes/size, 1) * size
	return &Sorter{dir: dir, name: name, size: size, limit: limit}
}

// Len is the number of records added.
func (s *Sorter) Len() int64 { return s.n }

// Add copies rec (exactly the record size) into the sorter.
func (s *Sorter) Add(rec []byte) error {
	if len(rec) != s.size {
		return fmt.Errorf("sorted: record of %d bytes, want %d", len(rec), s.size)
	}
	if s.done {
		return errors.New("sorted: Add after Sort")
	}
	if len(s.buf)+s.size > s.limit {
		if err := s.spill(); err != nil {
			return err
		}
	}
	if s.buf == nil {
		s.buf = make([]byte, 0, min(s.limit, 1<<20))
	}
	s.buf = append(s.buf, rec...)
	s.n++
	return nil
}

// records sorts a buffer of records in place.
type records struct {
	b    []byte
	size int
	tmp  []byte
}

func (r records) Len() int { return len(r.b) / r.size }
func (r records) Less(i, j int) bool {
	return bytes.Compare(r.b[i*r.size:(i+1)*r.size], r.b[j*r.size:(j+1)*r.size]) < 0
}
func (r records) Swap(i, j int) {
	a, b := r.b[i*r.size:(i+1)*r.size], r.b[j*r.size:(j+1)*r.size]
	copy(r.tmp, a)
	copy(a, b)
	copy(b, r.tmp)
}

func (s *Sorter) sortBuf() {
	sort.Sort(records{b: s.buf, size: s.size, tmp: make([]byte, s.size)})
}

func (s *Sorter) newFile() (*os.File, error) {
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return nil, err
	}
	s.files++
	return os.Create(filepath.Join(s.dir, fmt.Sprintf("%s-%05d.run", s.name, s.files)))
}

// spill writes the sorted buffer to a new run file.
func (s *Sorter) spill() error {
	if len(s.buf) == 0 {
		return nil
	}
	s.sortBuf()
	f, err := s.newFile()
	if err != nil {
		return fmt.Errorf("sorted: spilling: %w", err)
	}
	_, err = f.Write(s.buf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sorted: spilling: %w", err)
	}
	s.runs = append(s.runs, f.Name())
	s.buf = s.buf[:0]
	return nil
}

// Sort ends input and returns the records in order. With nothing spilled
// the buffer is sorted in memory; otherwise the runs are merged, first in
// groups of FanIn until at most FanIn are left. Close the iterator to
// remove the run files.
func (s *Sorter) Sort() (Iter, error) {
	if s.done {
		return nil, errors.New("sorted: Sort called twice")
	}
	s.done = true
	if len(s.runs) == 0 {
		s.sortBuf()
		return &memIter{b: s.buf, size: s.size, pos: -s.size}, nil
	}
	if err := s.spill(); err != nil {
		return nil, err
	}
	s.buf = nil
	var err error
	if s.runs, err = passes(s.runs, s.mergeGroup); err != nil {
		s.remove()
		return nil, err
	}
	it, err := openMerge(s.runs, s.size)
	if err != nil {
		s.remove()
		return nil, err
	}
	it.m.onClose = s.remove
	return it, nil
}

// mergeGroup merges a group of runs into one new run.
func (s *Sorter) mergeGroup(group []string) (string, error) {
	it, err := openMerge(group, s.size)
	if err != nil {
		return "", err
	}
	f, err := s.newFile()
	if err != nil {
		it.Close()
		return "", err
	}
	w := bufio.NewWriterSize(f, readBuffer)
	for it.Next() {
		if _, err := w.Write(it.Record()); err != nil {
			break
		}
	}
	return f.Name(), errors.Join(it.Err(), w.Flush(), f.Close(), it.Close())
}

func (s *Sorter) remove() {
	for _, r := range s.runs {
		_ = os.Remove(r)
	}
	s.runs = nil
}

// Iter walks records in order. Record's slice is valid until the next
// call to Next.
type Iter interface {
	Next() bool
	Record() []byte
	Err() error
	Close() error
}

type memIter struct {
	b    []byte
	size int
	pos  int
}

func (m *memIter) Next() bool {
	m.pos += m.size
	return m.pos+m.size <= len(m.b)
}
func (m *memIter) Record() []byte { return m.b[m.pos : m.pos+m.size] }
func (m *memIter) Err() error     { return nil }
func (m *memIter) Close() error   { m.b = nil; return nil }

// run is one file being merged.
type run struct {
	f   *os.File
	r   *bufio.Reader
	rec []byte
}

func (r *run) key() []byte    { return r.rec }
func (r *run) file() *os.File { return r.f }
func (r *run) advance() (bool, error) {
	_, err := io.ReadFull(r.r, r.rec)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sorted: reading run %s: %w", r.f.Name(), err)
	}
	return true, nil
}

type mergeIter struct {
	m   *merger[*run]
	cur []byte
}

func openMerge(paths []string, size int) (*mergeIter, error) {
	m, err := openMerger(paths, func(f *os.File) *run {
		return &run{f: f, r: bufio.NewReaderSize(f, readBuffer), rec: make([]byte, size)}
	})
	if err != nil {
		return nil, err
	}
	return &mergeIter{m: m, cur: make([]byte, size)}, nil
}

func (it *mergeIter) Next() bool     { return it.m.next(func(r *run) { copy(it.cur, r.rec) }) }
func (it *mergeIter) Record() []byte { return it.cur }
func (it *mergeIter) Err() error     { return it.m.err }
func (it *mergeIter) Close() error   { return it.m.close() }
