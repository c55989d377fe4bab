//go:build !linux

package durable

// SyncTree makes everything written under dir durable, file by file and
// directory by directory.
func SyncTree(dir string) error {
	paths, err := treePaths(dir)
	if err != nil {
		return err
	}
	return syncEach(paths)
}
