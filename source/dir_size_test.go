package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Size must agree with what Walk yields, for every way the tree can be
// read, or the progress total lies.
func TestDirSizeMatchesWalk(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "b/page.html", []byte("<p>b</p>"))
	writeTree(t, root, "a/z.txt", []byte("text"))
	writeTree(t, root, "a/x.html.gz", gzipped("<p>gz</p>"))
	writeTree(t, root, "notes.md", []byte("# no"))
	writeTree(t, root, "c/d/e.htm", []byte("<p>e</p>"))
	if err := os.Symlink("../a/z.txt", filepath.Join(root, "b", "link.txt")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		src  Dir
		want int64
	}{
		{"all", Dir{Root: root}, 6},
		{"links followed", Dir{Root: root, FollowSymlinks: true}, 6},
		{"a shard", Dir{Root: root, Keep: func(rel string) bool { return strings.HasPrefix(rel, "a/") }}, 2},
		{"one file", Dir{Root: filepath.Join(root, "b", "page.html")}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := tc.src.Size(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			walked := int64(len(walkDir(t, &tc.src)))
			if n != tc.want || n != walked {
				t.Errorf("Size = %d, Walk yielded %d, want %d", n, walked, tc.want)
			}
		})
	}
}

func TestDirSizeGivesUpOnArchives(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "p.html", []byte("<p>p</p>"))
	writeTree(t, root, "crawl.warc.gz", gzipped("WARC/1.0\r\n"))
	if _, err := (&Dir{Root: root, Archives: WARCArchives(1 << 20)}).Size(context.Background()); !errors.Is(err, errUncountable) {
		t.Errorf("with archives: err = %v, want errUncountable", err)
	}
	// Without an archive reader the archive is one skipped input.
	if n, err := (&Dir{Root: root}).Size(context.Background()); err != nil || n != 2 {
		t.Errorf("without archives: %d, %v; want 2", n, err)
	}
}
