package load_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	_ "gocloud.dev/blob/fileblob" // a local directory as a bucket: the in-process fake
)

// bucketKeys lists a fileblob bucket's keys.
func bucketKeys(t *testing.T, root string) []string {
	t.Helper()
	var keys []string
	_ = filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && !strings.HasSuffix(p, ".attrs") {
			rel, _ := filepath.Rel(root, p)
			keys = append(keys, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(keys)
	return keys
}

// A dataset in a bucket keeps its promises: runs commit and publish with
// copies, incremental reruns find their state again (from the bucket,
// with a fresh work directory), rewrites fetch the files they replace,
// and nothing uncommitted is ever under documents/.
func TestDatasetInABucket(t *testing.T) {
	root := t.TempDir()
	w := newWorld(t)
	w.opts.Remote = "file://" + filepath.ToSlash(root) + "/data?create_dir=1"
	w.pages["a.com/1"], w.pages["b.com/2"], w.pages["c.com/3"] = textA, textB, "NOCONTENT:x"
	w.run()
	keys := bucketKeys(t, filepath.Join(root, "data"))
	var docs, staged int
	for _, k := range keys {
		switch {
		case strings.HasPrefix(k, "documents/"):
			docs++
		case strings.HasPrefix(k, "_staging/"):
			staged++
		}
	}
	if docs != 1 || staged != 0 || !contains(keys, "_manifest/") || !contains(keys, "quarantine/") {
		t.Fatalf("bucket after a run: %v", keys)
	}
	// A new work directory: everything comes back from the bucket.
	w.dir = filepath.Join(t.TempDir(), "work")
	if s := w.run(); s.Unchanged != 3 {
		t.Errorf("rerun from the bucket: %+v", s)
	}
	w.pages["a.com/1"] = textC
	if s := w.run(); s.Documents != 1 || s.Unchanged != 2 {
		t.Errorf("changed rerun: %+v", s)
	}
	after := bucketKeys(t, filepath.Join(root, "data"))
	var visible []string
	for _, k := range after {
		if strings.HasPrefix(k, "documents/") || strings.HasPrefix(k, "_staging") {
			visible = append(visible, k)
		}
	}
	if len(visible) != 2 { // the rewrite of the old file and the new row's file
		t.Errorf("documents in the bucket: %v", visible)
	}
	var sources []string
	for _, k := range visible {
		for _, r := range readRows(t, filepath.Join(root, "data", k), "source") {
			sources = append(sources, r[0])
		}
	}
	sort.Strings(sources)
	if strings.Join(sources, " ") != "a.com/1 b.com/2" {
		t.Errorf("rows in the bucket: %v", sources)
	}
}

func contains(keys []string, prefix string) bool {
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}
