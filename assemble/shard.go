package assemble

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"

	"github.com/rinse-etl/rinse"
)

// Shard is one share of a sharded job's inputs: shard Index of Count.
type Shard struct {
	Index, Count int
	Job          string
}

// On says whether the run is a shard of a sharded job.
func (s Shard) On() bool { return s.Count > 0 }

// Keeps says whether a source (a file's path, an archive's path, a URL)
// is in this shard: by a stable hash of the name, so every process of the
// job agrees without talking to the others.
func (s Shard) Keeps(source string) bool {
	if !s.On() {
		return true
	}
	k := rinse.SourceKey(source)
	return binary.BigEndian.Uint64(k[:8])%uint64(s.Count) == uint64(s.Index)
}

// ResolveShard works out the shard a run is: --shard I/N; else the
// Kubernetes Indexed Job's JOB_COMPLETION_INDEX with --shards N; else a
// Slurm job array's SLURM_ARRAY_TASK_ID (from SLURM_ARRAY_TASK_MIN) of
// SLURM_ARRAY_TASK_COUNT. getenv reads the environment. A zero Shard
// means the run is not sharded.
func ResolveShard(cfg *Config, getenv func(string) string) (Shard, error) {
	job := cfg.Job
	if job == "" {
		job = getenv("SLURM_ARRAY_JOB_ID")
	}
	switch {
	case cfg.Shard != "":
		i, n, err := parseShard(cfg.Shard)
		return Shard{i, n, job}, err
	case getenv("JOB_COMPLETION_INDEX") != "":
		i, err := strconv.Atoi(getenv("JOB_COMPLETION_INDEX"))
		if err != nil {
			return Shard{}, fmt.Errorf("JOB_COMPLETION_INDEX %q is not a number", getenv("JOB_COMPLETION_INDEX"))
		}
		if cfg.Shards <= 0 {
			return Shard{}, fmt.Errorf("JOB_COMPLETION_INDEX is set: give the number of shards with --shards or RINSE_SHARDS")
		}
		return check(Shard{i, cfg.Shards, job})
	case getenv("SLURM_ARRAY_TASK_ID") != "":
		id, err1 := strconv.Atoi(getenv("SLURM_ARRAY_TASK_ID"))
		n, err2 := strconv.Atoi(getenv("SLURM_ARRAY_TASK_COUNT"))
		lo := 0
		if m := getenv("SLURM_ARRAY_TASK_MIN"); m != "" {
			lo, _ = strconv.Atoi(m)
		}
		if err1 != nil || err2 != nil {
			return Shard{}, fmt.Errorf("SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT must be numbers (%q, %q)",
				getenv("SLURM_ARRAY_TASK_ID"), getenv("SLURM_ARRAY_TASK_COUNT"))
		}
		return check(Shard{id - lo, n, job})
	case cfg.Shards > 0:
		return Shard{}, fmt.Errorf("--shards %d without a shard index: give --shard I/%d", cfg.Shards, cfg.Shards)
	}
	return Shard{}, nil
}

func parseShard(s string) (int, int, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("--shard %q: want I/N, e.g. 0/4", s)
	}
	sh, err := check(Shard{Index: i, Count: n})
	return sh.Index, sh.Count, err
}

func check(s Shard) (Shard, error) {
	switch {
	case s.Count <= 0:
		return Shard{}, fmt.Errorf("shard count %d: want at least 1", s.Count)
	case s.Index < 0 || s.Index >= s.Count:
		return Shard{}, fmt.Errorf("shard %d of %d: want an index from 0 to %d", s.Index, s.Count, s.Count-1)
	}
	return s, nil
}
