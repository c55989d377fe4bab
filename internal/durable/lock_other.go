//go:build !unix

package durable

import (
	"fmt"
	"os"
	"path/filepath"
)

// Lock creates the lock file exclusively where advisory locks are not
// available; a crashed run leaves it behind, and the message says what to
// remove.
func Lock(p string) (*os.File, error) {
	dir := filepath.Dir(p)
	f, err := os.OpenFile(p, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("output %s is in use by another rinse run (or one crashed: remove %s): %w", dir, p, err)
	}
	return f, nil
}

func Unlock(f *os.File) {
	if f != nil {
		name := f.Name()
		f.Close()
		_ = os.Remove(name)
	}
}
