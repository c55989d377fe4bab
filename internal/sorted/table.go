package sorted

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// Table file layout: a 16-byte header (magic, version, record size, key
// length), the records in order, and a 24-byte footer (record count,
// xxhash of the records, end magic). The footer lets a reader tell a
// complete table from a truncated or damaged one.
const (
	tableMagic   = "RNSTBL01"
	footerMagic  = "RNSTEND1"
	headerSize   = 16
	footerSize   = 24
	blockRecords = 64 // records per index entry: one read of a few KiB per probe
)

// ErrCorrupt reports a table whose header, size or checksum is wrong.
var ErrCorrupt = errors.New("sorted: corrupt table")

// Writer writes a table. Records must come in non-decreasing byte order.
type Writer struct {
	f    *os.File
	w    *bufio.Writer
	h    *xxhash.Digest
	size int
	n    uint64
	last []byte
}

// Create starts a table of size-byte records whose first keyLen bytes are
// the lookup key.
func Create(path string, size, keyLen int) (*Writer, error) {
	if keyLen <= 0 || keyLen > size || size > 1<<15 {
		return nil, fmt.Errorf("sorted: bad table shape (record %d, key %d)", size, keyLen)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	w := &Writer{f: f, w: bufio.NewWriterSize(f, readBuffer), h: xxhash.New(), size: size}
	var hdr [headerSize]byte
	copy(hdr[:], tableMagic)
	binary.BigEndian.PutUint16(hdr[8:], uint16(size))
	binary.BigEndian.PutUint16(hdr[10:], uint16(keyLen))
	if _, err := w.w.Write(hdr[:]); err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

// Add appends one record.
func (w *Writer) Add(rec []byte) error {
	if len(rec) != w.size {
		return fmt.Errorf("sorted: record of %d bytes, want %d", len(rec), w.size)
	}
	if w.last != nil && bytes.Compare(rec, w.last) < 0 {
		return errors.New("sorted: table records out of order")
	}
	if w.last == nil {
		w.last = make([]byte, w.size)
	}
	copy(w.last, rec)
	w.n++
	_, _ = w.h.Write(rec)
	_, err := w.w.Write(rec)
	return err
}

// Len is the number of records written.
func (w *Writer) Len() uint64 { return w.n }

// Close writes the footer, syncs and closes the file.
func (w *Writer) Close() error {
	var ftr [footerSize]byte
	binary.BigEndian.PutUint64(ftr[0:], w.n)
	binary.BigEndian.PutUint64(ftr[8:], w.h.Sum64())
	copy(ftr[16:], footerMagic)
	_, err := w.w.Write(ftr[:])
	err = errors.Join(err, w.w.Flush())
	if err == nil {
		err = w.f.Sync()
	}
	return errors.Join(err, w.f.Close())
}

// Abort closes and removes a table being written.
func (w *Writer) Abort() {
	w.f.Close()
	_ = os.Remove(w.f.Name())
}

// Table is an open table. Get and Seek are safe for concurrent use.
type Table struct {
	f      *os.File
	size   int
	keyLen int
	n      int64
	index  []byte // the key of every blockRecords-th record
	pool   sync.Pool
}

// Open opens a table and checks it whole (size, checksum) while it builds
// the index, so a damaged state is found before it is trusted.
func Open(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	t, err := load(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

func load(f *os.File) (*Table, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	var hdr [headerSize]byte
	if _, err := f.ReadAt(hdr[:], 0); err != nil || string(hdr[:8]) != tableMagic {
		return nil, ErrCorrupt
	}
	t := &Table{f: f, size: int(binary.BigEndian.Uint16(hdr[8:])), keyLen: int(binary.BigEndian.Uint16(hdr[10:]))}
	if t.size == 0 || t.keyLen == 0 || t.keyLen > t.size {
		return nil, ErrCorrupt
	}
	body := st.Size() - headerSize - footerSize
	if body < 0 || body%int64(t.size) != 0 {
		return nil, ErrCorrupt
	}
	t.n = body / int64(t.size)
	var ftr [footerSize]byte
	if _, err := f.ReadAt(ftr[:], headerSize+body); err != nil || string(ftr[16:]) != footerMagic ||
		binary.BigEndian.Uint64(ftr[0:]) != uint64(t.n) {
		return nil, ErrCorrupt
	}
	sum, err := t.scanIndex()
	if err != nil {
		return nil, err
	}
	if sum != binary.BigEndian.Uint64(ftr[8:]) {
		return nil, ErrCorrupt
	}
	t.pool.New = func() any { b := make([]byte, blockRecords*t.size); return &b }
	return t, nil
}

// scanIndex reads every record once: it checksums them and keeps the key
// of each block's first record.
func (t *Table) scanIndex() (uint64, error) {
	r := bufio.NewReaderSize(io.NewSectionReader(t.f, headerSize, t.n*int64(t.size)), readBuffer)
	h := xxhash.New()
	rec := make([]byte, t.size)
	t.index = make([]byte, 0, (t.n/blockRecords+1)*int64(t.keyLen))
	for i := int64(0); i < t.n; i++ {
		if _, err := io.ReadFull(r, rec); err != nil {
			return 0, ErrCorrupt
		}
		_, _ = h.Write(rec)
		if i%blockRecords == 0 {
			t.index = append(t.index, rec[:t.keyLen]...)
		}
	}
	return h.Sum64(), nil
}

// Len is the number of records.
func (t *Table) Len() int64 { return t.n }

// RecordSize is the size of one record.
func (t *Table) RecordSize() int { return t.size }

// Close closes the file.
func (t *Table) Close() error { return t.f.Close() }

// Get returns a copy of the first record whose key starts with key, if any.
func (t *Table) Get(key []byte) ([]byte, bool, error) {
	blocks := len(t.index) / t.keyLen
	// The last block whose first key is < key may still hold key's first
	// record; blocks before it cannot.
	b := sort.Search(blocks, func(i int) bool {
		return bytes.Compare(t.index[i*t.keyLen:(i+1)*t.keyLen], prefix(key, t.keyLen)) >= 0
	})
	if b > 0 {
		b--
	}
	for ; b < blocks; b++ {
		rec, found, past, err := t.probe(b, key)
		if err != nil || found || past {
			return rec, found, err
		}
	}
	return nil, false, nil
}

// probe looks for key in block b; past says the block ends after key.
func (t *Table) probe(b int, key []byte) (rec []byte, found, past bool, err error) {
	bp := t.pool.Get().(*[]byte)
	defer t.pool.Put(bp)
	first := int64(b) * blockRecords
	n := min(blockRecords, t.n-first)
	buf := (*bp)[:n*int64(t.size)]
	if _, err := t.f.ReadAt(buf, headerSize+first*int64(t.size)); err != nil {
		return nil, false, false, fmt.Errorf("sorted: reading table: %w", err)
	}
	k := prefix(key, t.keyLen)
	i := sort.Search(int(n), func(i int) bool { return bytes.Compare(buf[i*t.size:i*t.size+len(k)], k) >= 0 })
	if i == int(n) {
		return nil, false, false, nil
	}
	r := buf[i*t.size : (i+1)*t.size]
	if bytes.HasPrefix(r, k) {
		return bytes.Clone(r), true, false, nil
	}
	return nil, false, true, nil
}

func prefix(key []byte, n int) []byte {
	if len(key) > n {
		return key[:n]
	}
	return key
}

// Scan returns an iterator over every record in order.
func (t *Table) Scan() Iter {
	r := bufio.NewReaderSize(io.NewSectionReader(t.f, headerSize, t.n*int64(t.size)), readBuffer)
	return &scanIter{r: r, rec: make([]byte, t.size), left: t.n}
}

type scanIter struct {
	r    *bufio.Reader
	rec  []byte
	left int64
	err  error
}

func (s *scanIter) Next() bool {
	if s.left == 0 || s.err != nil {
		return false
	}
	if _, err := io.ReadFull(s.r, s.rec); err != nil {
		s.err = fmt.Errorf("sorted: scanning table: %w", err)
		return false
	}
	s.left--
	return true
}
func (s *scanIter) Record() []byte { return s.rec }
func (s *scanIter) Err() error     { return s.err }
func (s *scanIter) Close() error   { return nil }

// Empty is an iterator over no records.
func Empty() Iter { return &memIter{size: 1, pos: -1} }
