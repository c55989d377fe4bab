package load

import (
	"github.com/rinse-etl/rinse/internal/durable"

	"bufio"
	"container/list"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/rinse-etl/rinse/internal/minhash"
)

// A signature segment holds, for each row sequence number of one run, the
// row's source key and its near-duplicate signature (all zero when it has
// none: a quarantined page or a text too short to compare). Segments are
// written once, in row order, and read by position: a later run finds the
// signature and id of any row it compares with or points at by its ord.
const sigRecordSize = 16 + minhash.Bytes

// segmentName is the segment of run index run in a space's state.
func segmentName(stateRel string, run uint32) string {
	return filepath.Join(stateRel, "sig", strconv.FormatUint(uint64(run), 10)+".sig")
}

// sigWriter appends this run's records.
type sigWriter struct {
	f   *os.File
	w   *bufio.Writer
	rel string
	n   uint32
	buf [sigRecordSize]byte
}

func newSigWriter(staging, stateRel string, run uint32) (*sigWriter, error) {
	rel := segmentName(stateRel, run)
	p := filepath.Join(staging, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	return &sigWriter{f: f, w: bufio.NewWriterSize(f, 64<<10), rel: rel}, nil
}

// write appends the record of row n (rows come in order).
func (w *sigWriter) write(key [16]byte, sig *minhash.Signature) error {
	copy(w.buf[:16], key[:])
	if sig != nil {
		copy(w.buf[16:], sig[:])
	} else {
		clear(w.buf[16:])
	}
	w.n++
	_, err := w.w.Write(w.buf[:])
	return err
}

func (w *sigWriter) close() (FileInfo, error) {
	err := w.w.Flush()
	size, cerr := durable.Close(w.f)
	return FileInfo{Path: filepath.ToSlash(w.rel), Format: "signatures", Rows: int64(w.n), Bytes: size}, errors.Join(err, cerr)
}

// sigReader reads records by ord from the segments of every run. It keeps
// a few segments open, least recently used first out, so the open files
// stay bounded however many runs the dataset has seen.
type sigReader struct {
	roots    []string // where segments may be: the staging directory, then the dataset
	stateRel string
	open     map[uint32]*list.Element
	lru      *list.List
}

type openSegment struct {
	run uint32
	f   *os.File
}

const maxOpenSegments = 4

func newSigReader(stateRel string, roots ...string) *sigReader {
	return &sigReader{roots: roots, stateRel: stateRel, open: map[uint32]*list.Element{}, lru: list.New()}
}

// read returns the key and signature of the row ord.
func (r *sigReader) read(ord uint64) (key [16]byte, sig minhash.Signature, ok bool, err error) {
	f, err := r.segment(ordRun(ord))
	if err != nil {
		return key, sig, false, err
	}
	var buf [sigRecordSize]byte
	if _, err := f.ReadAt(buf[:], int64(ordSeq(ord))*sigRecordSize); err != nil {
		return key, sig, false, fmt.Errorf("reading signature %d/%d: %w", ordRun(ord), ordSeq(ord), err)
	}
	copy(key[:], buf[:16])
	copy(sig[:], buf[16:])
	return key, sig, sig != (minhash.Signature{}), nil
}

func (r *sigReader) segment(run uint32) (*os.File, error) {
	if el, ok := r.open[run]; ok {
		r.lru.MoveToFront(el)
		return el.Value.(*openSegment).f, nil
	}
	var f *os.File
	var err error
	for _, root := range r.roots {
		if f, err = os.Open(filepath.Join(root, segmentName(r.stateRel, run))); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("opening signatures of run %d: %w", run, err)
	}
	if r.lru.Len() >= maxOpenSegments {
		old := r.lru.Back()
		r.lru.Remove(old)
		seg := old.Value.(*openSegment)
		seg.f.Close()
		delete(r.open, seg.run)
	}
	r.open[run] = r.lru.PushFront(&openSegment{run: run, f: f})
	return f, nil
}

func (r *sigReader) close() {
	for el := r.lru.Front(); el != nil; el = el.Next() {
		el.Value.(*openSegment).f.Close()
	}
	r.open, r.lru = map[uint32]*list.Element{}, list.New()
}
