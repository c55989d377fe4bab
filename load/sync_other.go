//go:build !linux

package load

// syncTree makes everything written under dir durable, file by file and
// directory by directory.
func syncTree(dir string) error {
	paths, err := treePaths(dir)
	if err != nil {
		return err
	}
	return syncEach(paths)
}
