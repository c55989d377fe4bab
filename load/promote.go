package load

import (
	"github.com/rinse-etl/rinse/load/table"

	"encoding/hex"
	"slices"

	"github.com/apache/arrow-go/v18/arrow"
)

// readPromoted takes the rows of promoted duplicates out of the
// duplicates table and into this run's documents, file by file.
func (c *committer) readPromoted() error {
	byFile := map[uint32]map[string]entry{}
	for key, e := range c.promoted {
		if byFile[e.file] == nil {
			byFile[e.file] = map[string]entry{}
		}
		byFile[e.file][hex.EncodeToString(key[:])] = e
	}
	files := make([]uint32, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, f := range files {
		want := byFile[f]
		src, ok, err := c.d.store.fetch(c.d.state.meta.Files[f] + ".parquet")
		if err != nil {
			return err
		}
		if !ok {
			continue // the file is gone: nothing to promote from it
		}
		err = table.EachBatch(src, "parquet", func(rec arrow.RecordBatch) error {
			for i := range int(rec.NumRows()) {
				id := table.StringAt(rec.Column(rec.Schema().FieldIndices("id")[0]), i)
				e, ok := want[id]
				if !ok {
					continue
				}
				if err := c.d.addRejoined(rowPromoted, &e, table.DocumentAt(rec, i)); err != nil {
					return err
				}
				delete(want, id)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for id := range want {
			k, _ := key16(id)
			delete(c.promoted, k) // its row is gone: nothing to promote
		}
	}
	return nil
}
