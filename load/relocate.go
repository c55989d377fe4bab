package load

import (
	"github.com/rinse-etl/rinse/load/table"

	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/sorted"
)

// relocate moves every document row that stands into the dataset's
// layout when the layout (format or partition keys) changed since the
// last run: every earlier documents file is replaced and its standing
// rows rejoin this run's, so readers never see files of two layouts.
func (c *committer) relocate() error {
	if !c.d.layoutChanged {
		return nil
	}
	carried, err := sorted.Open(filepath.Join(c.d.scratch, "carried.tbl"))
	if err != nil {
		return err
	}
	defer carried.Close()
	nums := make([]uint32, 0, len(c.files))
	for n, base := range c.d.state.meta.Files {
		if strings.HasPrefix(base, tableDocuments+"/") {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	for _, num := range nums {
		if err := c.relocateFile(carried, num, c.d.state.meta.Files[num]); err != nil {
			return err
		}
	}
	return nil
}

func (c *committer) relocateFile(carried *sorted.Table, num uint32, base string) error {
	delete(c.files, num)
	c.remap[num] = noFile
	var src, format string
	for _, f := range []string{"arrow", "parquet"} { // Parquet when there is one
		rel := formatPath(base, f, c.d.prevFormat)
		p, ok, err := c.d.store.fetch(rel)
		if err != nil {
			return err
		}
		if ok {
			c.replaced = append(c.replaced, rel)
			src, format = p, f
		}
	}
	if src == "" {
		return nil
	}
	values := partitionValues(path.Dir(base))
	return table.EachBatch(src, format, func(rec arrow.RecordBatch) error {
		for i := range int(rec.NumRows()) {
			key := idKey(rec, i)
			r, ok, err := carried.Get(key[:])
			if err != nil {
				return err
			}
			if !ok {
				continue // processed again by this run, or pruned
			}
			e := decodeEntry(r)
			doc := table.DocumentAt(rec, i)
			if v, ok := values["site"]; ok {
				doc.Site = v
			}
			if v, ok := values["language"]; ok {
				doc.Language = v
			}
			if err := c.d.addRejoined(rowRelocated, &e, doc); err != nil {
				return err
			}
		}
		return nil
	})
}

// partitionValues reads the Hive keys of a documents directory
// ("documents/site=a.com" gives site a.com): the values a partitioned
// file does not store.
func partitionValues(dir string) map[string]string {
	out := map[string]string{}
	for _, seg := range strings.Split(dir, "/") {
		k, v, ok := strings.Cut(seg, "=")
		if !ok {
			continue
		}
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		if v == unknownPartition {
			v = ""
		}
		out[k] = v
	}
	return out
}

var _ = rinse.SourceKey
