package durable

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLockIsExclusive(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "_lock")
	a, err := Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(dir); err == nil {
		t.Error("a second lock on the same directory was granted")
	}
	Unlock(a)
	b, err := Lock(dir)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	Unlock(b)
}

func TestWriteFileReplacesAtomically(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "f.json")
	for _, v := range []string{"one", "two"} {
		if err := WriteJSON(p, v); err != nil {
			t.Fatal(err)
		}
	}
	b, _ := os.ReadFile(p)
	if string(b) != "\"two\"\n" {
		t.Errorf("file holds %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(p), ".*tmp")); len(left) > 0 {
		t.Errorf("temporary files stayed behind: %v", left)
	}
	if err := SyncTree(filepath.Dir(p)); err != nil {
		t.Error(err)
	}
}
