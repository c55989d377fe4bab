//go:build unix

package source

import (
	"os"
	"syscall"
)

// openFlags open inputs without blocking: opening a FIFO for reading
// otherwise waits for a writer.
const openFlags = syscall.O_NONBLOCK

// dirSet remembers directories by device and inode, which a symbolic
// link to a directory shares with the directory itself.
type dirSet map[[2]uint64]bool

// add notes the directory st and reports whether it is new. A directory
// whose identity the system does not give is always new.
func (s *dirSet) add(st os.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return true
	}
	id := [2]uint64{uint64(sys.Dev), uint64(sys.Ino)}
	if (*s)[id] {
		return false
	}
	if *s == nil {
		*s = dirSet{}
	}
	(*s)[id] = true
	return true
}
