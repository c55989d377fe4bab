//go:build unix

package adversarial

import (
	"path/filepath"
	"syscall"
)

// specialFiles: a FIFO named like a page, which blocks whoever opens it
// for reading until a writer comes.
func specialFiles(s *Set) error {
	if err := syscall.Mkfifo(filepath.Join(s.Input, "page.html"), 0o644); err != nil {
		return err
	}
	s.Want["page.html"] = skip("not-regular")
	return nil
}
