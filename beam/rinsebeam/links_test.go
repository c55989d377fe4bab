package rinsebeam_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rinse-etl/rinse/assemble"
)

// A tree with links in it, out of it and around it, read with and
// without input_follow_symlinks, and a single archive as the input: the
// listing and each worker's read name and skip the inputs as rinse run.
func TestLinksAndSingleFileSameRowsAsRinseRun(t *testing.T) {
	root := t.TempDir()
	tree, outside := filepath.Join(root, "in"), filepath.Join(root, "out")
	pages := bundledHTML(t)
	for i, rel := range []string{"a/one.html", "a/b/two.html", "c/three.html"} {
		writeFile(t, filepath.Join(tree, rel), pages[i])
	}
	writeFile(t, filepath.Join(outside, "secret.html"), pages[3])
	for link, target := range map[string]string{
		"in-file.html": "a/one.html", "in-dir": "a", "a/loop": "..", "dangling.html": "nothing.html",
		"up-file.html": "../out/secret.html", "abs-dir": outside,
	} {
		if err := os.Symlink(target, filepath.Join(tree, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, follow := range []bool{false, true} {
		same(t, config(t, tree, func(c *assemble.Config) { c.InputFollowSymlinks = follow }), 2)
	}
	archive := filepath.Join(root, "one.warc.gz")
	writeWARC(t, archive, pages)
	same(t, config(t, archive, nil), 2)
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
