package rinsebeam

import (
	"context"
	"errors"
	"io"
	"strconv"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/load/table"
)

// Batches: rows go to the Parquet writer in batches of at most this many
// rows or bytes, as the command hands them over (a row group ends
// between batches).
const (
	batchRows  = 1024
	batchBytes = 4 << 20
)

// shardWriter writes one shard's sorted rows into files rolled by size,
// with load/table's schema, row appenders and Parquet writer.
type shardWriter struct {
	fn                    *writeFn
	ctx                   context.Context
	table, shard, attempt string
	emit                  func(File)

	n     int // files started
	cur   *stagedFile
	b     *array.RecordBuilder
	rows  int
	bytes int64
}

type stagedFile struct {
	File
	w  io.WriteCloser
	pq *table.ParquetWriter
}

func (w *shardWriter) add(r *Row) error {
	if w.cur == nil {
		if err := w.open(); err != nil {
			return err
		}
	}
	size, err := w.append(r)
	if err != nil {
		return err
	}
	w.rows++
	w.bytes += size
	if w.rows >= batchRows || w.bytes >= min(batchBytes, max(w.fn.s.Config.Dataset.RowGroupBytes/4, 1)) {
		return w.flush()
	}
	return nil
}

func (w *shardWriter) append(r *Row) (int64, error) {
	if r.Quarantined {
		q, err := r.quarantined()
		if err != nil {
			return 0, err
		}
		return table.AppendQuarantined(w.b, q, w.fn.s.RunID), nil
	}
	d, err := r.document()
	if err != nil {
		return 0, err
	}
	return table.AppendDocument(w.b, d), nil
}

func (w *shardWriter) open() error {
	s := w.fn.s
	final := finalName(w.table, s.RunID, w.shard, w.n)
	w.n++
	sf := &stagedFile{File: File{Staged: stagedName(s.RunID, w.attempt, final), Final: final, Table: w.table}}
	var err error
	if sf.w, err = w.fn.st.create(w.ctx, sf.Staged); err != nil {
		return err
	}
	schema := table.Schema
	if w.table == tableQuarantine {
		schema = table.QuarantineSchema
	}
	opts := table.FileOptions{Compression: s.Config.Dataset.Compression, RowGroupBytes: s.Config.Dataset.RowGroupBytes,
		Metadata: map[string]string{
			"rinse.schema_version": strconv.Itoa(table.SchemaVersion),
			"rinse.version":        rinse.Version,
			"rinse.run_id":         s.RunID,
		}}
	counted := &countingWriter{w: sf.w}
	if sf.pq, err = table.NewParquetWriter(counted, schema, opts); err != nil {
		_ = sf.w.Close()
		return err
	}
	sf.w = &countedCloser{countingWriter: counted, c: sf.w}
	w.cur = sf
	if w.b == nil {
		w.b = array.NewRecordBuilder(memory.NewGoAllocator(), schema)
	}
	return nil
}

// flush hands the batch to the file and rolls it at dataset.file_bytes.
func (w *shardWriter) flush() error {
	if w.rows == 0 {
		return nil
	}
	rec := w.b.NewRecordBatch()
	defer rec.Release()
	w.cur.Rows += int64(w.rows)
	w.rows, w.bytes = 0, 0
	if err := w.cur.pq.Write(rec); err != nil {
		return err
	}
	if w.cur.pq.Size() >= w.fn.s.Config.Dataset.FileBytes {
		return w.closeFile()
	}
	return nil
}

func (w *shardWriter) closeFile() error {
	sf := w.cur
	w.cur = nil
	err := errors.Join(sf.pq.Close(), sf.w.Close())
	if err != nil {
		return err
	}
	sf.Bytes = sf.w.(*countedCloser).n
	w.emit(sf.File)
	return nil
}

func (w *shardWriter) close() error {
	defer w.release()
	if w.cur == nil {
		return nil
	}
	if err := w.flush(); err != nil {
		return err
	}
	if w.cur == nil {
		return nil
	}
	return w.closeFile()
}

// abort leaves a failed file in the staging, where the publish step
// removes it with the rest.
func (w *shardWriter) abort() {
	if w.cur != nil {
		_ = w.cur.w.Close()
		w.cur = nil
	}
	w.release()
}

func (w *shardWriter) release() {
	if w.b != nil {
		w.b.Release()
		w.b = nil
	}
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type countedCloser struct {
	*countingWriter
	c io.Closer
}

func (c *countedCloser) Close() error { return c.c.Close() }
