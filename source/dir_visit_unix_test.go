//go:build unix

package source

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nlnwa/gowarc/v3"

	"github.com/rinse-etl/rinse"
)

// An engine that lists a tree once (Walk with a Keep that records every
// input and reads none) and reads each input with Visit, anywhere, gets
// what Walk yields: the same sources, kinds, skips and failures, in the
// same order, links in and out of the tree included, with or without
// FollowSymlinks (rinse-beam reads a tree this way).
func TestDirVisitYieldsWhatWalkYields(t *testing.T) {
	root, _ := linkedTree(t)
	writeTree(t, root, "b/notes.md", []byte("not a page"))
	writeTree(t, root, "b/page.html.gz", gzipped("<p>zipped</p>"))
	writeTree(t, root, "b/bad.html.gz", []byte("not gzip"))
	warc := buildWARC(t, []testRecord{
		{typ: gowarc.Resource, id: "urn:uuid:1", uri: "https://example.com/1", ctype: "text/html", block: "<p>one</p>"},
		{typ: gowarc.Resource, id: "urn:uuid:2", uri: "https://example.com/2", ctype: "text/html", block: "<p>two</p>"},
	}, true, false)
	if err := os.WriteFile(filepath.Join(root, "b", "crawl.warc.gz"), warc, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, follow := range []bool{false, true} {
		walked := walkDir(t, &Dir{Root: root, FollowSymlinks: follow, Archives: WARCArchives(0)})
		var listed []string
		lister := &Dir{Root: root, FollowSymlinks: follow, Archives: WARCArchives(0),
			Keep: func(rel string) bool { listed = append(listed, rel); return false }}
		if extra := walkDir(t, lister); len(extra) != 0 {
			t.Fatalf("follow=%v: a refusing Keep still yields %v", follow, outcomes(extra))
		}
		reader := &Dir{Root: root, FollowSymlinks: follow, Archives: WARCArchives(0)}
		var visited []*rinse.Page
		for _, rel := range listed {
			err := reader.Visit(context.Background(), rel, func(p *rinse.Page) error {
				visited = append(visited, p)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("follow=%v: %v", follow, outcomes(walked))
		if w, v := outcomes(walked), outcomes(visited); !slices.Equal(w, v) {
			t.Errorf("follow=%v:\nwalk  %v\nvisit %v", follow, w, v)
		}
	}
}
