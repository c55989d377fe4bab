package load

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
)

// space is the part of a dataset one writer owns: the whole dataset, or
// one shard of a sharded job. Writers of different spaces commit at the
// same time without a lock between them: each has its own staging, state
// and lock, their inputs (and so their rows and files) are disjoint, and
// they meet only when they publish, where claiming the next version is
// one rename that fails if another writer took the number first.
type space struct {
	dir   string // the dataset root
	label string // "" for the whole dataset, else "shard-I-of-N"
}

// ShardLabel names shard i (from 0) of n.
func ShardLabel(i, n int) string { return fmt.Sprintf("shard-%d-of-%d", i, n) }

var shardLabel = regexp.MustCompile(`^shard-(\d+)-of-(\d+)$`)

// ParseShardLabel reads a ShardLabel back.
func ParseShardLabel(s string) (i, n int, ok bool) {
	m := shardLabel.FindStringSubmatch(s)
	if m == nil {
		return 0, 0, false
	}
	i, _ = strconv.Atoi(m[1])
	n, _ = strconv.Atoi(m[2])
	return i, n, n > 0 && i < n
}

// stagingRoot holds the space's runs in progress.
func (s space) stagingRoot() string {
	return filepath.Join(s.dir, stagingDir, s.label)
}

// staging is run's staging directory.
func (s space) staging(run string) string { return filepath.Join(s.stagingRoot(), run) }

// stateRel is the space's state directory, relative to the dataset root
// (and to a run's staging directory, which holds the run's new state
// under the same name until it is published).
func (s space) stateRel() string { return filepath.Join(stateDir, s.label) }

// lockPath is the space's lock file.
func (s space) lockPath() string {
	if s.label == "" {
		return filepath.Join(s.dir, "_lock")
	}
	return filepath.Join(s.dir, "_lock-"+s.label)
}

// owns says whether a run (its manifest) belongs to the space.
func (s space) owns(m Manifest) bool { return m.Shard == s.label }
