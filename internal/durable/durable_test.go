package durable

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLockIsExclusive(t *testing.T) {
	dir := t.TempDir()
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
	if _, err := os.Stat(p + ".tmp"); !os.IsNotExist(err) {
		t.Error("the temporary file stayed behind")
	}
	if err := SyncTree(filepath.Dir(p)); err != nil {
		t.Error(err)
	}
}
