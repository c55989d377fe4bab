//go:build linux

package durable

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncfsAbove is the number of files past which SyncTree syncs the whole
// file system instead of each file: a crawl partitioned by site writes a
// file per site, and thousands of fsyncs took most of such a run's time;
// below it, fsyncs do not wait for other processes' writes, as syncfs does.
const syncfsAbove = 64

// SyncTree makes everything written under dir durable.
func SyncTree(dir string) error {
	paths, err := treePaths(dir)
	if err != nil {
		return err
	}
	if len(paths) <= syncfsAbove {
		return syncEach(paths)
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
