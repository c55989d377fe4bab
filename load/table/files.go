package table

import (
	"fmt"
	"io"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// FileOptions tune one output file.
type FileOptions struct {
	// Compression is "zstd" (default), "snappy", "gzip", "lz4" or "none".
	Compression string
	// RowGroupBytes closes a Parquet row group once its compressed size
	// reaches it, or once it holds twice that of data (the writer holds a
	// row group in memory until it closes). Readers skip and parallelize
	// by row group.
	RowGroupBytes int64
	// Metadata is written into the file's key-value metadata.
	Metadata map[string]string
}

// Compressions returns the accepted Compression values.
func Compressions() []string { return []string{"zstd", "snappy", "gzip", "lz4", "none"} }

func parquetCodec(name string) (compress.Compression, error) {
	switch strings.ToLower(name) {
	case "", "zstd":
		return compress.Codecs.Zstd, nil
	case "snappy":
		return compress.Codecs.Snappy, nil
	case "gzip":
		return compress.Codecs.Gzip, nil
	case "lz4":
		return compress.Codecs.Lz4Raw, nil
	case "none":
		return compress.Codecs.Uncompressed, nil
	}
	return 0, fmt.Errorf("compression %q: want one of %s", name, strings.Join(Compressions(), ", "))
}

// noDictionary lists columns whose values are unique per row: a dictionary
// there costs time and never pays.
var noDictionary = []string{"id", "source", "url", "text", "description", "content_hash", "title"}

// ParquetWriter writes record batches to one Parquet file, closing row
// groups by compressed size.
type ParquetWriter struct {
	fw       *pqarrow.FileWriter
	rowGroup int64
	held     int64 // Arrow bytes written into the current row group
	full     bool  // the current row group is complete: the next Write starts another
}

// heldPerRowGroup bounds the data a row group holds, as a multiple of
// RowGroupBytes. The writer keeps a whole row group in memory until it
// closes, in page buffers sized for the uncompressed data, so a row group
// costs about its uncompressed size: with text compressing fourfold, a
// row group closing only at 32 MiB compressed held over 100 MiB.
const heldPerRowGroup = 2

// NewParquetWriter starts a Parquet file with schema on w.
func NewParquetWriter(w io.Writer, schema *arrow.Schema, opts FileOptions) (*ParquetWriter, error) {
	codec, err := parquetCodec(opts.Compression)
	if err != nil {
		return nil, err
	}
	rg := opts.RowGroupBytes
	if rg <= 0 {
		rg = 64 << 20
	}
	props := []parquet.WriterProperty{
		// A row group's size is known from its flushed pages: pages of at
		// most an eighth of it let small row groups close on time too.
		parquet.WithDataPageSize(min(1<<20, max(rg/8, 1<<10))),
		parquet.WithCompression(codec),
		parquet.WithDictionaryDefault(true),
		parquet.WithStats(true),
		parquet.WithCreatedBy("rinse"),
	}
	for _, c := range noDictionary {
		props = append(props, parquet.WithDictionaryFor(c, false))
	}
	fw, err := pqarrow.NewFileWriter(schema, w, parquet.NewWriterProperties(props...),
		pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return nil, fmt.Errorf("starting parquet file: %w", err)
	}
	for k, v := range opts.Metadata {
		if err := fw.AppendKeyValueMetadata(k, v); err != nil {
			return nil, err
		}
	}
	return &ParquetWriter{fw: fw, rowGroup: rg}, nil
}

// Write appends rec to the current row group; once that is large enough,
// the next Write starts another (starting it now would leave an empty
// row group at the end of the file).
func (p *ParquetWriter) Write(rec arrow.RecordBatch) error {
	if p.full {
		if err := p.fw.NewBufferedRowGroupChecked(); err != nil {
			return fmt.Errorf("writing parquet row group: %w", err)
		}
		p.full, p.held = false, 0
	}
	if err := p.fw.WriteBuffered(rec); err != nil {
		return fmt.Errorf("writing parquet rows: %w", err)
	}
	p.held += recordBytes(rec)
	p.full = p.fw.RowGroupTotalCompressedBytes() >= p.rowGroup || p.held >= heldPerRowGroup*p.rowGroup
	return nil
}

// Size is the compressed size written so far, buffered row group included.
func (p *ParquetWriter) Size() int64 {
	return p.fw.TotalCompressedBytes() + p.fw.RowGroupTotalCompressedBytes()
}

// Close finishes the file (footer). It does not close the io.Writer.
func (p *ParquetWriter) Close() error { return p.fw.Close() }

// ArrowWriter writes record batches to one Arrow IPC file (zstd buffers).
type ArrowWriter struct {
	w    *ipc.FileWriter
	size *countingWriter
}

// NewArrowWriter starts an Arrow IPC file with schema on w.
func NewArrowWriter(w io.Writer, schema *arrow.Schema, opts FileOptions) (*ArrowWriter, error) {
	cw := &countingWriter{w: w}
	ipcOpts := []ipc.Option{ipc.WithSchema(withMetadata(schema, opts.Metadata)), ipc.WithAllocator(memory.DefaultAllocator)}
	switch strings.ToLower(opts.Compression) {
	case "", "zstd":
		ipcOpts = append(ipcOpts, ipc.WithZstd())
	case "lz4":
		ipcOpts = append(ipcOpts, ipc.WithLZ4())
	}
	fw, err := ipc.NewFileWriter(cw, ipcOpts...)
	if err != nil {
		return nil, fmt.Errorf("starting arrow file: %w", err)
	}
	return &ArrowWriter{w: fw, size: cw}, nil
}

// Write appends one record batch.
func (a *ArrowWriter) Write(rec arrow.RecordBatch) error {
	if err := a.w.Write(rec); err != nil {
		return fmt.Errorf("writing arrow batch: %w", err)
	}
	return nil
}

// Size is the bytes written so far.
func (a *ArrowWriter) Size() int64 { return a.size.n }

// Close finishes the file (footer). It does not close the io.Writer.
func (a *ArrowWriter) Close() error { return a.w.Close() }

func withMetadata(s *arrow.Schema, kv map[string]string) *arrow.Schema {
	if len(kv) == 0 {
		return s
	}
	md := arrow.MetadataFrom(kv)
	return arrow.NewSchema(s.Fields(), &md)
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

// CheckCompression reports whether name is an accepted compression.
func CheckCompression(name string) error {
	_, err := parquetCodec(name)
	return err
}

// recordBytes is the size of a record's buffers (a slice counts its whole
// buffers: an overestimate, which only closes a row group sooner).
func recordBytes(rec arrow.RecordBatch) int64 {
	var n int64
	for _, c := range rec.Columns() {
		n += dataBytes(c.Data())
	}
	return n
}

func dataBytes(d arrow.ArrayData) int64 {
	var n int64
	for _, b := range d.Buffers() {
		if b != nil {
			n += int64(b.Len())
		}
	}
	for _, c := range d.Children() {
		n += dataBytes(c)
	}
	return n
}
