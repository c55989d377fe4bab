//go:build !unix

package source

import "os"

// openFlags add nothing where opening cannot block.
const openFlags = 0

// dirSet remembers directories as the system identifies files: without
// device and inode numbers to index, each new directory is compared with
// every one seen (os.SameFile), which is slower but just as safe against
// link loops.
type dirSet []os.FileInfo

// add notes the directory st and reports whether it is new.
func (s *dirSet) add(st os.FileInfo) bool {
	for _, seen := range *s {
		if os.SameFile(seen, st) {
			return false
		}
	}
	*s = append(*s, st)
	return true
}
