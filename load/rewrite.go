package load

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// rewrite copies the data files of base (one per format present) into
// staging under a new name, without the rows whose source is in drop. It is
// how a changed input's old row leaves the dataset: files are never
// modified in place, so readers see either the old or the new file.
// It returns the new base ("" when no row is left) and the files written.
func (d *Dataset) rewrite(base string, drop map[string]bool, n int) (string, []FileInfo, error) {
	dir := path.Dir(base)
	newBase := path.Join(dir, "part-"+d.opts.RunID+fmt.Sprintf("-r%05d", n))
	var out []FileInfo
	for _, ext := range []string{".parquet", ".arrow"} {
		src := filepath.Join(d.opts.Dir, filepath.FromSlash(base+ext))
		if _, err := os.Stat(src); errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.MkdirAll(filepath.Join(d.staging, filepath.FromSlash(dir)), 0o755); err != nil {
			return "", nil, err
		}
		fi, err := d.copyWithout(src, newBase+ext, drop)
		if err != nil {
			return "", nil, fmt.Errorf("rewriting %s: %w", base+ext, err)
		}
		fi.Partition = strings.TrimPrefix(dir, "documents/")
		if dir == "documents" {
			fi.Partition = ""
		}
		out = append(out, fi)
	}
	if len(out) == 0 || out[0].Rows == 0 {
		for _, f := range out {
			_ = os.Remove(filepath.Join(d.staging, filepath.FromSlash(f.Path)))
		}
		return "", nil, nil
	}
	return newBase, out, nil
}

// copyWithout streams src into a new staged file, batch by batch.
func (d *Dataset) copyWithout(src, rel string, drop map[string]bool) (FileInfo, error) {
	format := strings.TrimPrefix(path.Ext(rel), ".")
	sf, err := d.create(rel, format)
	if err != nil {
		return FileInfo{}, err
	}
	var rows int64
	write := func(arrow.RecordBatch) error { return nil }
	var closeW func() error
	if format == "parquet" {
		w, err := NewParquetWriter(sf.w, Schema, FileOptions{Compression: d.opts.File.Compression, RowGroupBytes: d.opts.File.RowGroupBytes, Metadata: d.metadata()})
		if err != nil {
			return FileInfo{}, err
		}
		write, closeW = w.Write, w.Close
	} else {
		w, err := NewArrowWriter(sf.w, Schema, FileOptions{Compression: d.opts.File.Compression, Metadata: d.metadata()})
		if err != nil {
			return FileInfo{}, err
		}
		write, closeW = w.Write, w.Close
	}
	err = eachBatch(src, format, func(rec arrow.RecordBatch) error {
		return keptRanges(rec, drop, func(s arrow.RecordBatch) error {
			rows += s.NumRows()
			// Readers attach field metadata; the writers want Schema itself.
			r := array.NewRecordBatch(Schema, s.Columns(), s.NumRows())
			defer r.Release()
			return write(r)
		})
	})
	err = errors.Join(err, closeW())
	size, cerr := sf.finish()
	return FileInfo{Path: rel, Format: format, Rows: rows, Bytes: size}, errors.Join(err, cerr)
}

// keptRanges calls fn with each contiguous run of rows whose source is
// not in drop, as zero-copy slices.
func keptRanges(rec arrow.RecordBatch, drop map[string]bool, fn func(arrow.RecordBatch) error) error {
	ids := rec.Column(colSource).(*array.String)
	start := -1
	for i := 0; i <= ids.Len(); i++ {
		keep := i < ids.Len() && !drop[ids.Value(i)]
		switch {
		case keep && start < 0:
			start = i
		case !keep && start >= 0:
			s := rec.NewSlice(int64(start), int64(i))
			err := fn(s)
			s.Release()
			if err != nil {
				return err
			}
			start = -1
		}
	}
	return nil
}

// eachBatch reads a Parquet or Arrow IPC file in record batches, so a
// rewrite never holds a whole file in memory.
func eachBatch(src, format string, fn func(arrow.RecordBatch) error) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	if format == "arrow" {
		r, err := ipc.NewFileReader(f)
		if err != nil {
			return err
		}
		defer r.Close()
		for i := 0; i < r.NumRecords(); i++ {
			rec, err := r.RecordBatch(i)
			if err != nil {
				return err
			}
			if err := fn(rec); err != nil {
				return err
			}
		}
		return nil
	}
	pf, err := file.NewParquetReader(f)
	if err != nil {
		return err
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 1024}, memory.DefaultAllocator)
	if err != nil {
		return err
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		return err
	}
	defer rr.Release()
	for rr.Next() {
		if err := fn(rr.RecordBatch()); err != nil {
			return err
		}
	}
	return rr.Err()
}
