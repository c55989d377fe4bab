// Package rowdiff reads the rows of a rinse output (a `rinse run` dataset
// or a rinse-beam one) and says how two outputs differ. It is what the
// tests and `rinse-beam compare` (beam/scripts/flink-local) mean by "the
// same rows": the same documents by id, the same exact duplicates by id,
// the same quarantine rows by source, every column equal but the ones that
// name the moment or the run (Ignored).
package rowdiff

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/rinse-etl/rinse/load/table"
)

// Ignored are the columns that differ between two runs of the same
// pages by design: when a row was written, and which run wrote it.
var Ignored = map[string]bool{"processed_at": true, "quarantined_at": true, "run_id": true}

// Row is one row, each column as text (null as "<null>").
type Row map[string]string

// Table is a table's rows by key (id, or source for quarantine).
type Table struct {
	Name string
	Rows map[string]Row
	// Repeated lists keys found on more than one row.
	Repeated []string
	// Unsorted lists files whose rows are out of the table's order.
	Unsorted []string
}

// Dataset is an output's three tables.
type Dataset struct {
	Documents, Duplicates, Quarantine *Table
}

// Read reads the output in dir. A `rinse run` dataset keeps its exact
// duplicates under _current/_duplicates, a rinse-beam one under
// _duplicates.
func Read(dir string) (*Dataset, error) {
	dups := filepath.Join(dir, "_current", "_duplicates")
	if _, err := os.Stat(dups); err != nil {
		dups = filepath.Join(dir, "_duplicates")
	}
	d := &Dataset{}
	var err error
	if d.Documents, err = readTable("documents", filepath.Join(dir, "documents"), "id"); err != nil {
		return nil, err
	}
	if d.Duplicates, err = readTable("_duplicates", dups, "id"); err != nil {
		return nil, err
	}
	if d.Quarantine, err = readTable("quarantine", filepath.Join(dir, "quarantine"), "source"); err != nil {
		return nil, err
	}
	return d, nil
}

// Counts says how many rows each table holds.
func (d *Dataset) Counts() string {
	return fmt.Sprintf("%d documents, %d exact duplicates, %d quarantined",
		len(d.Documents.Rows), len(d.Duplicates.Rows), len(d.Quarantine.Rows))
}

// readTable reads every Parquet file under dir (none if dir is missing).
// The trailing separator follows the symbolic link `rinse run` makes.
func readTable(name, dir, key string) (*Table, error) {
	t := &Table{Name: name, Rows: map[string]Row{}}
	err := filepath.WalkDir(dir+string(filepath.Separator), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".parquet") {
			return err
		}
		return t.readFile(p, key)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return t, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	slices.Sort(t.Repeated)
	return t, nil
}

func (t *Table) readFile(p, key string) error {
	var prev Row
	sorted := true
	err := table.EachBatch(p, "parquet", func(rec arrow.RecordBatch) error {
		for i := range int(rec.NumRows()) {
			r := rowAt(rec, i)
			if prev != nil && order(t.Name, prev, r) > 0 {
				sorted = false
			}
			prev = r
			k := r[key]
			if _, ok := t.Rows[k]; ok {
				t.Repeated = append(t.Repeated, k)
			}
			t.Rows[k] = r
		}
		return nil
	})
	if !sorted {
		t.Unsorted = append(t.Unsorted, p)
	}
	return err
}

func rowAt(rec arrow.RecordBatch, i int) Row {
	r := Row{}
	for c, f := range rec.Schema().Fields() {
		col := rec.Column(c)
		if col.IsNull(i) {
			r[f.Name] = "<null>"
		} else {
			r[f.Name] = col.ValueStr(i)
		}
	}
	return r
}

// order is the order of a table's rows in a file: documents by site,
// URL and source, quarantine rows by source.
func order(tbl string, a, b Row) int {
	if tbl == "quarantine" {
		return cmp.Compare(a["source"], b["source"])
	}
	return cmp.Or(cmp.Compare(a["site"], b["site"]), cmp.Compare(a["url"], b["url"]), cmp.Compare(a["source"], b["source"]))
}
