package source

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rinse-etl/rinse"
)

// errUncountable stops a count that cannot be told from names alone.
var errUncountable = errors.New("an archive's records cannot be counted without reading it")

// Size implements pipeline.Sizer: the inputs Walk will yield, counted from
// the tree's names and types without opening a file, so that progress has
// a total (and an estimated time left) early in a long run. It walks the
// tree as Walk does (same links, same shard), and gives up with an error
// when the tree holds WARC archives, whose record counts only a read can
// tell.
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
	root, err := os.OpenRoot(s.Root)
	if err != nil {
		return 0, fmt.Errorf("opening input: %w", err)
	}
	defer root.Close()
	var n int64
	w := walker{src: s, root: root, ctx: ctx, counting: true,
		yield: func(*rinse.Page) error { n++; return nil }}
	if err := w.dir(".", ""); err != nil {
		return 0, err
	}
	return n, nil
}
