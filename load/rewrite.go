package load

import (
	"github.com/rinse-etl/rinse/load/table"

	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/rinse-etl/rinse"
)

// rewriteAll rewrites every earlier file that holds rows which must leave
// it, file by file (the drops come sorted by file). Files are never
// changed in place: a rewrite is a new file, published with the run, and
// the old one is replaced, so readers see one or the other.
func (c *committer) rewriteAll() error {
	drops, err := c.drops.Sort()
	if err != nil {
		return err
	}
	defer drops.Close()
	ok := drops.Next()
	for ok {
		num := binary.BigEndian.Uint32(drops.Record()[:4])
		keys := map[[16]byte]bool{}
		for ; ok && binary.BigEndian.Uint32(drops.Record()[:4]) == num; ok = drops.Next() {
			var k [16]byte
			copy(k[:], drops.Record()[4:])
			keys[k] = true
		}
		if err := c.rewrite(num, keys); err != nil {
			return err
		}
	}
	return drops.Err()
}

// rewrite copies file num without the rows of keys, in every format it
// exists in, and notes the move in the file table and the remap.
func (c *committer) rewrite(num uint32, keys map[[16]byte]bool) error {
	base, ok := c.files[num]
	if !ok {
		return nil // already gone
	}
	delete(c.files, num)
	c.remap[num] = noFile
	dir := path.Dir(base)
	newBase := path.Join(dir, "part-"+c.d.opts.RunID+fmt.Sprintf("-r%05d", c.rewrites))
	c.rewrites++
	var out []FileInfo
	for _, format := range []string{"parquet", "arrow"} {
		rel := formatPath(base, format, c.d.opts.Format)
		src, ok, err := c.d.store.fetch(rel)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		c.replaced = append(c.replaced, rel)
		dst := formatPath(newBase, format, c.d.opts.Format)
		if err := os.MkdirAll(filepath.Join(c.d.staging, filepath.FromSlash(path.Dir(dst))), 0o755); err != nil {
			return err
		}
		fi, err := c.copyWithout(src, dst, keys)
		if err != nil {
			return fmt.Errorf("rewriting %s: %w", rel, err)
		}
		fi.Partition = partitionOf(dir)
		out = append(out, fi)
	}
	if len(out) == 0 || out[0].Rows == 0 {
		for _, f := range out {
			_ = os.Remove(filepath.Join(c.d.staging, filepath.FromSlash(f.Path)))
		}
		return nil
	}
	n := c.newFileNumber()
	c.files[n], c.remap[num] = newBase, n
	c.written = append(c.written, out...)
	return nil
}

// partitionOf is the partition part of a file's directory.
func partitionOf(dir string) string {
	if _, rest, ok := strings.Cut(dir, "/"); ok {
		return rest
	}
	return ""
}

// copyWithout streams src into a new staged file, batch by batch.
func (c *committer) copyWithout(src, rel string, drop map[[16]byte]bool) (FileInfo, error) {
	format := strings.TrimPrefix(path.Ext(rel), ".")
	schema, keyOf := table.DocumentSchema(c.d.opts.PartitionBy), idKey
	switch {
	case strings.HasPrefix(rel, tableQuarantine+"/"):
		schema, keyOf = table.QuarantineSchema, sourceKey
	case strings.HasPrefix(rel, tableDuplicates+"/"):
		schema = table.Schema
	}
	sf, err := c.d.create(rel, format)
	if err != nil {
		return FileInfo{}, err
	}
	opts := table.FileOptions{Compression: c.d.opts.File.Compression, RowGroupBytes: c.d.opts.File.RowGroupBytes, Metadata: c.d.metadata()}
	var write func(arrow.RecordBatch) error
	var closeW func() error
	if format == "parquet" {
		w, err := table.NewParquetWriter(sf.w, schema, opts)
		if err != nil {
			return FileInfo{}, err
		}
		write, closeW = w.Write, w.Close
	} else {
		w, err := table.NewArrowWriter(sf.w, schema, opts)
		if err != nil {
			return FileInfo{}, err
		}
		write, closeW = w.Write, w.Close
	}
	var rows int64
	err = table.EachBatch(src, format, func(rec arrow.RecordBatch) error {
		return keptRanges(rec, keyOf, drop, func(s arrow.RecordBatch) error {
			rows += s.NumRows()
			// Readers attach field metadata; the writers want the schema itself.
			r := array.NewRecordBatch(schema, s.Columns(), s.NumRows())
			defer r.Release()
			return write(r)
		})
	})
	err = errors.Join(err, closeW())
	size, cerr := sf.finish()
	return FileInfo{Path: rel, Format: format, Rows: rows, Bytes: size}, errors.Join(err, cerr)
}

// Row keys: documents and duplicates carry their id; quarantined pages
// their source.
func idKey(rec arrow.RecordBatch, i int) [16]byte {
	k, _ := key16(table.StringAt(rec.Column(rec.Schema().FieldIndices("id")[0]), i))
	return k
}

func sourceKey(rec arrow.RecordBatch, i int) [16]byte {
	return rinse.SourceKey(rec.Column(0).(*array.String).Value(i))
}

// keptRanges calls fn with each contiguous run of rows whose key is not
// in drop, as zero-copy slices.
func keptRanges(rec arrow.RecordBatch, keyOf func(arrow.RecordBatch, int) [16]byte, drop map[[16]byte]bool, fn func(arrow.RecordBatch) error) error {
	n := int(rec.NumRows())
	start := -1
	for i := 0; i <= n; i++ {
		keep := i < n && !drop[keyOf(rec, i)]
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

var (
	_ = bytes.Equal
	_ = hex.EncodeToString
)
