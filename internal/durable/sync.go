package durable

import (
	"io/fs"
	"os"
	"path/filepath"
)

// treePaths lists dir and everything under it.
func treePaths(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return err
	})
	return paths, err
}

// syncEach fsyncs each path, directories included (their entries).
func syncEach(paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
