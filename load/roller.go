package load

import (
	"github.com/rinse-etl/rinse/internal/durable"

	"github.com/rinse-etl/rinse/load/table"

	"bufio"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// FileInfo describes one file a run wrote, as listed in its manifest.
type FileInfo struct {
	Path      string `json:"path"` // relative to the dataset root, '/'-separated
	Format    string `json:"format"`
	Partition string `json:"partition,omitempty"`
	Rows      int64  `json:"rows"`
	Bytes     int64  `json:"bytes"`
}

// Tables of the dataset: the directories rows are written to.
const (
	tableDocuments  = "documents"
	tableQuarantine = "quarantine"
	// tableDuplicates holds the rows of exact duplicates, out of readers'
	// way: when the row a duplicate matched changes or leaves, the first
	// duplicate takes its place without being processed again.
	tableDuplicates = "_duplicates"
	// tableArrow holds the Arrow IPC copy of documents when a dataset is
	// written in both formats: a directory of mixed formats is one that
	// pandas.read_parquet and pyarrow's dataset reader refuse.
	tableArrow = "documents_arrow"
)

// formatPath is where the file of one format of the data file base
// ("documents/part-…", no extension) lives.
func formatPath(base, format, datasetFormat string) string {
	if format == "arrow" && datasetFormat == "both" {
		if rest, ok := strings.CutPrefix(base, tableDocuments+"/"); ok {
			return tableArrow + "/" + rest + ".arrow"
		}
	}
	return base + "." + format
}

// dataBase is the inverse of formatPath: the data file base of a path.
func dataBase(rel string) string {
	rel = strings.TrimSuffix(rel, path.Ext(rel))
	if rest, ok := strings.CutPrefix(rel, tableArrow+"/"); ok {
		return tableDocuments + "/" + rest
	}
	return rel
}

// roller writes the rows of one table into files under staging, one
// partition at a time (rows arrive sorted by partition), rolling to a new
// file when one reaches FileBytes. It holds at most one file per format
// open, whatever the number of partitions.
type roller struct {
	d      *Dataset
	c      *committer
	table  string
	schema *arrow.Schema // of the files; the builder's is table.Schema or table.QuarantineSchema
	b      *array.RecordBuilder
	rows   int   // in the builder
	bytes  int64 // estimated, in the builder
	part   string
	cur    *openFiles
	// onFile is told of each file when it closes.
	onFile func(FileInfo)
}

// openFiles are the files being written: one per format.
type openFiles struct {
	num   uint32 // file number in the state's file table
	base  string // path without extension
	rows  int64
	pq    *table.ParquetWriter
	ar    *table.ArrowWriter
	files []*stagedFile
}

type stagedFile struct {
	f      *os.File
	w      *bufio.Writer // what the format writers see
	rel    string        // final path relative to the dataset root
	format string
}

// Batches: rows are handed to the file writers in batches of at most
// this many rows or bytes (less for small row groups: a row group ends
// between batches).
const (
	batchRows  = 1024
	batchBytes = 4 << 20
	// fileBuffer is each staged file's write buffer.
	fileBuffer = 256 << 10
)

func (r *roller) batchBytes() int64 {
	return max(min(batchBytes, r.d.opts.File.RowGroupBytes/4), 1)
}

func newRoller(c *committer, table string, built, schema *arrow.Schema) *roller {
	return &roller{d: c.d, c: c, table: table, schema: schema, b: array.NewRecordBuilder(c.d.mem, built)}
}

// target returns the file rows of partition part go to, opening or
// rolling as needed. Its number identifies the row's file in the state.
func (r *roller) target(part string) (uint32, error) {
	if r.cur != nil && part != r.part {
		if err := r.closeFile(); err != nil {
			return 0, err
		}
	}
	r.part = part
	if r.cur == nil {
		if err := r.open(); err != nil {
			return 0, err
		}
	}
	return r.cur.num, nil
}

// added tells the roller a row was appended to its builder.
func (r *roller) added(size int64) error {
	r.rows++
	r.bytes += size
	if r.rows >= batchRows || r.bytes >= r.batchBytes() {
		return r.flush()
	}
	return nil
}

func (r *roller) open() error {
	dir := r.table
	if r.part != "" {
		dir = path.Join(dir, r.part)
	}
	if err := os.MkdirAll(filepath.Join(r.d.staging, filepath.FromSlash(dir)), 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	of := &openFiles{num: r.c.newFileNumber(), base: path.Join(dir, r.c.fileName())}
	formats := []string{"parquet"}
	if r.table == tableDocuments {
		formats = r.d.formats()
	}
	opts := r.d.opts.File
	opts.Metadata = r.d.metadata()
	for _, format := range formats {
		rel := formatPath(of.base, format, r.d.opts.Format)
		if err := os.MkdirAll(filepath.Join(r.d.staging, filepath.FromSlash(path.Dir(rel))), 0o755); err != nil {
			return err
		}
		sf, err := r.d.create(rel, format)
		if err != nil {
			return err
		}
		of.files = append(of.files, sf)
		if format == "parquet" {
			of.pq, err = table.NewParquetWriter(sf.w, r.schema, opts)
		} else {
			of.ar, err = table.NewArrowWriter(sf.w, r.schema, opts)
		}
		if err != nil {
			return err
		}
	}
	r.cur = of
	r.c.files[of.num] = of.base
	return nil
}

// flush moves the builder's rows into the open files.
func (r *roller) flush() error {
	if r.rows == 0 {
		return nil
	}
	built := r.b.NewRecordBatch()
	rec := table.Project(built, r.schema)
	built.Release()
	defer rec.Release()
	r.rows, r.bytes = 0, 0
	if r.cur.pq != nil {
		if err := r.cur.pq.Write(rec); err != nil {
			return err
		}
	}
	if r.cur.ar != nil {
		if err := r.cur.ar.Write(rec); err != nil {
			return err
		}
	}
	r.cur.rows += rec.NumRows()
	if r.size() >= r.d.opts.FileBytes {
		return r.closeFile()
	}
	return nil
}

func (r *roller) size() int64 {
	var n int64
	if r.cur.pq != nil {
		n = max(n, r.cur.pq.Size())
	}
	if r.cur.ar != nil {
		n = max(n, r.cur.ar.Size())
	}
	return n
}

// closeFile finishes the open files, syncs them and records them.
func (r *roller) closeFile() error {
	if r.cur == nil {
		return nil
	}
	if err := r.flush(); err != nil {
		return err
	}
	of := r.cur
	if of == nil { // flush rolled already
		return nil
	}
	r.cur = nil
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
		r.onFile(FileInfo{Path: sf.rel, Format: sf.format, Partition: r.part, Rows: of.rows, Bytes: size})
	}
	return errors.Join(errs...)
}

// close finishes the table.
func (r *roller) close() error {
	err := r.closeFile()
	r.b.Release()
	return err
}

// create opens a file under the staging directory for final path rel.
func (d *Dataset) create(rel, format string) (*stagedFile, error) {
	f, err := os.Create(filepath.Join(d.staging, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("creating %s: %w", rel, err)
	}
	return &stagedFile{f: f, w: bufio.NewWriterSize(f, fileBuffer), rel: rel, format: format}, nil
}

// finish flushes the buffer and closes the file. It does not sync: the
// commit makes the whole staging directory durable at once (syncTree)
// before it writes the manifest.
func (sf *stagedFile) finish() (int64, error) {
	if err := sf.w.Flush(); err != nil {
		sf.f.Close()
		return 0, err
	}
	return durable.Close(sf.f)
}

func (d *Dataset) formats() []string {
	switch d.opts.Format {
	case "arrow":
		return []string{"arrow"}
	case "both":
		return []string{"parquet", "arrow"}
	}
	return []string{"parquet"}
}
