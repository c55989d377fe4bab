package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// errUncountable stops a count that cannot be told from names alone.
var errUncountable = errors.New("an archive's records cannot be counted without reading it")

// Size implements pipeline.Sizer: the inputs Walk will yield, counted from
// the tree's listing alone (no file is opened or even stat'ed), so that
// progress has a total, and a time left, early in a long run. It counts
// what Walk yields for the same shard, except that a followed link to a
// directory counts as one input (progress takes the larger of this count
// and what was read). It gives up with an error when the tree holds WARC
// archives, whose records only a read can count.
func (s *Dir) Size(ctx context.Context) (int64, error) {
	st, err := os.Stat(s.Root)
	if err != nil {
		return 0, fmt.Errorf("opening input: %w", err)
	}
	if !st.IsDir() {
		if s.kind(filepath.Base(s.Root)) == "warc" {
			return 0, errUncountable
		}
		return 1, nil
	}
	var n int64
	err = filepath.WalkDir(s.Root, func(p string, d fs.DirEntry, walkErr error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if walkErr != nil || d.IsDir() {
			return nil // an unreadable directory goes uncounted: a count may fall short
		}
		rel, _ := filepath.Rel(s.Root, p)
		rel = filepath.ToSlash(rel)
		if !s.keeps(rel) {
			return nil
		}
		if d.Type().IsRegular() && s.kind(rel) == "warc" {
			return errUncountable
		}
		n++
		return nil
	})
	return n, err
}
