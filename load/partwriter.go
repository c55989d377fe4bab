package load

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/rinse-etl/rinse"
)

// FileInfo describes one file a run wrote, as listed in its manifest.
type FileInfo struct {
	Path      string `json:"path"` // relative to the dataset root, '/'-separated
	Format    string `json:"format"`
	Partition string `json:"partition,omitempty"`
	Rows      int64  `json:"rows"`
	Bytes     int64  `json:"bytes"`
}

// partition owns the builder and open files of one partition directory.
type partition struct {
	path    string
	b       *docBuilder
	pending []Entry // state entries of the rows in the builder, awaiting their file
	// rgBytes estimates the uncompressed size of the rows in the open
	// Parquet row group: the writer buffers a whole row group, and its
	// memory follows the uncompressed size, not the compressed one.
	rgBytes int64
	ds      *Dataset
	n       int
	cur     *openFiles
}

// openFiles are the files currently being written in a partition: one
// per format.
type openFiles struct {
	rows  int64
	pq    *ParquetWriter
	ar    *ArrowWriter
	files []*stagedFile
}

type stagedFile struct {
	f      *os.File
	w      *bufio.Writer // what the format writers see: they close an io.Closer
	rel    string        // final path relative to the dataset root
	format string
}

func (p *partition) open() error {
	dir := path.Join("documents", p.path)
	if err := os.MkdirAll(filepath.Join(p.ds.staging, filepath.FromSlash(dir)), 0o755); err != nil {
		return fmt.Errorf("creating partition directory: %w", err)
	}
	of := &openFiles{}
	format := p.ds.opts.Format
	if format == "parquet" || format == "both" {
		sf, err := p.ds.create(path.Join(dir, p.ds.fileName(p.n, ".parquet")), "parquet")
		if err != nil {
			return err
		}
		of.files = append(of.files, sf)
		if of.pq, err = NewParquetWriter(sf.w, Schema, p.fileOptions()); err != nil {
			return err
		}
	}
	if format == "arrow" || format == "both" {
		sf, err := p.ds.create(path.Join(dir, p.ds.fileName(p.n, ".arrow")), "arrow")
		if err != nil {
			return err
		}
		of.files = append(of.files, sf)
		if of.ar, err = NewArrowWriter(sf.w, Schema, p.fileOptions()); err != nil {
			return err
		}
	}
	p.cur = of
	p.n++
	return nil
}

func (p *partition) fileOptions() FileOptions {
	o := p.ds.opts.File
	o.Metadata = p.ds.metadata()
	return o
}

// fileBuffer is each staged file's write buffer. The writers hand it
// whole column chunks and footers, so a small one costs few extra system
// calls, and a run keeps one file open per partition: with a 1 MiB buffer
// a run over 400 sites held 400 MiB of buffers and spent its time in GC.
const fileBuffer = 64 << 10

// create opens a file under the staging directory for final path rel.
func (d *Dataset) create(rel, format string) (*stagedFile, error) {
	f, err := os.Create(filepath.Join(d.staging, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("creating %s: %w", rel, err)
	}
	return &stagedFile{f: f, w: bufio.NewWriterSize(f, fileBuffer), rel: rel, format: format}, nil
}

// flushBatch moves the builder's rows into the open files.
func (p *partition) flushBatch() error {
	if p.b.rows == 0 {
		return nil
	}
	if p.cur == nil {
		if err := p.open(); err != nil {
			return err
		}
	}
	base := strings.TrimSuffix(p.cur.files[0].rel, path.Ext(p.cur.files[0].rel))
	for _, e := range p.pending {
		e.File = base
		if err := p.ds.record(e); err != nil {
			return err
		}
	}
	p.pending = p.pending[:0]
	p.rgBytes += p.b.bytes
	rec := p.b.flush()
	defer rec.Release()
	if p.cur.pq != nil {
		if err := p.cur.pq.Write(rec); err != nil {
			return err
		}
	}
	if p.cur.ar != nil {
		if err := p.cur.ar.Write(rec); err != nil {
			return err
		}
	}
	p.cur.rows += rec.NumRows()
	if p.size() >= p.ds.opts.FileBytes {
		return p.closeFiles()
	}
	return nil
}

func (p *partition) size() int64 {
	var n int64
	if p.cur != nil && p.cur.pq != nil {
		n = max(n, p.cur.pq.Size())
	}
	if p.cur != nil && p.cur.ar != nil {
		n = max(n, p.cur.ar.Size())
	}
	return n
}

// buffered estimates the memory this partition holds.
func (p *partition) buffered() int64 {
	n := p.b.bytes
	if p.cur != nil && p.cur.pq != nil {
		n += p.rgBytes
	}
	return n
}

// flushAll writes everything buffered out to the files.
func (p *partition) flushAll() error {
	if err := p.flushBatch(); err != nil {
		return err
	}
	p.rgBytes = 0
	if p.cur != nil && p.cur.pq != nil {
		return p.cur.pq.FlushRowGroup()
	}
	return nil
}

func (p *partition) close() error {
	err := p.flushBatch()
	p.b.release()
	return errors.Join(err, p.closeFiles())
}

// closeFiles finishes the open files, syncs them and records them.
func (p *partition) closeFiles() error {
	of := p.cur
	if of == nil {
		return nil
	}
	p.cur = nil
	p.rgBytes = 0
	var errs []error
	if of.pq != nil {
		errs = append(errs, of.pq.Close())
	}
	if of.ar != nil {
		errs = append(errs, of.ar.Close())
	}
	for _, sf := range of.files {
		size, err := sf.finish()
		errs = append(errs, err)
		p.ds.files = append(p.ds.files, FileInfo{
			Path: sf.rel, Format: sf.format, Partition: p.path, Rows: of.rows, Bytes: size,
		})
	}
	return errors.Join(errs...)
}

// finish flushes the buffer, syncs and closes the file.
func (sf *stagedFile) finish() (int64, error) {
	if err := sf.w.Flush(); err != nil {
		sf.f.Close()
		return 0, err
	}
	return syncClose(sf.f)
}

func syncClose(f *os.File) (int64, error) {
	err := f.Sync()
	st, serr := f.Stat()
	var size int64
	if serr == nil {
		size = st.Size()
	}
	return size, errors.Join(err, serr, f.Close())
}

// quarantine writes quarantined pages to quarantine/ in batches.
type quarantine struct {
	ds    *Dataset
	rows  []*rinse.Quarantined
	pq    *ParquetWriter
	file  *stagedFile
	total int64
}

const quarantineBatch = 1024

func (q *quarantine) add(r *rinse.Quarantined) error {
	q.rows = append(q.rows, r)
	if len(q.rows) >= quarantineBatch {
		return q.flush()
	}
	return nil
}

func (q *quarantine) flush() error {
	if len(q.rows) == 0 {
		return nil
	}
	if q.pq == nil {
		if err := os.MkdirAll(filepath.Join(q.ds.staging, "quarantine"), 0o755); err != nil {
			return err
		}
		sf, err := q.ds.create(path.Join("quarantine", q.ds.fileName(0, ".parquet")), "parquet")
		if err != nil {
			return err
		}
		q.file = sf
		opts := q.ds.opts.File
		opts.Metadata = q.ds.metadata()
		if q.pq, err = NewParquetWriter(sf.w, QuarantineSchema, opts); err != nil {
			return err
		}
	}
	rec := quarantineRecord(q.ds.mem, q.rows, q.ds.opts.RunID)
	defer rec.Release()
	q.total += int64(len(q.rows))
	q.rows = q.rows[:0]
	return q.pq.Write(rec)
}

func (q *quarantine) close() error {
	if err := q.flush(); err != nil {
		return err
	}
	if q.pq == nil {
		return nil
	}
	err := q.pq.Close()
	size, cerr := q.file.finish()
	q.ds.files = append(q.ds.files, FileInfo{Path: q.file.rel, Format: "parquet", Rows: q.total, Bytes: size})
	return errors.Join(err, cerr)
}
