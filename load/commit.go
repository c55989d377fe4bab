package load

import (
	"github.com/rinse-etl/rinse/internal/durable"

	"github.com/rinse-etl/rinse/load/table"

	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/sorted"
)

// manifestDir holds one manifest per committed run; writing it is the
// commit point.
const manifestDir = "_manifest"

// Manifest describes one committed run.
type Manifest struct {
	RunID         string        `json:"run_id"`
	RunIndex      uint32        `json:"run_index"`
	StartedAt     time.Time     `json:"started_at"`
	FinishedAt    time.Time     `json:"finished_at"`
	ConfigHash    string        `json:"config_hash"`
	RinseVersion  string        `json:"rinse_version"`
	SchemaVersion int           `json:"schema_version"`
	Format        string        `json:"format"`
	PartitionBy   []string      `json:"partition_by"`
	Counts        rinse.Summary `json:"counts"`
	Files         []FileInfo    `json:"files"`
	BytesWritten  int64         `json:"bytes_written"`
	// Replaced lists files of earlier runs this run superseded.
	Replaced []string `json:"replaced,omitempty"`
	// Shard and Job name the shard of a sharded job that wrote it.
	Shard string `json:"shard,omitempty"`
	Job   string `json:"job,omitempty"`
	// Generation is the rebuild generation; RebuildPending says a --full
	// rebuild was interrupted and the next run goes on with it.
	Generation     uint32 `json:"generation"`
	RebuildPending bool   `json:"rebuild_pending,omitempty"`
}

// Decisions about this run's rows, by row sequence number: the top four
// bits say what, the rest is the ord of the row it points at.
const (
	decKeep   uint64 = 0
	decRepeat uint64 = 1 << 60 // the same input again in this run: dropped
	decExact  uint64 = 2 << 60 // exact duplicate of the row at ord
	decNear   uint64 = 3 << 60 // near-duplicate of the row at ord
	decKind   uint64 = 15 << 60
	decOrd    uint64 = 1<<60 - 1
)

// committer carries one commit through its steps.
type committer struct {
	d        *Dataset
	sum      rinse.Summary
	complete bool // the run read its whole input: pruning is allowed
	fresh    bool // a new rebuild: earlier dedup decisions do not count
	sdir     string
	meta     stateMeta
	files    map[uint32]string // the new file table
	dec      []uint64          // by row sequence number
	sigs     *sigReader

	carried    *sorted.Writer // old entries that stand, by key
	drops      *sorted.Sorter // file, key: rows that must leave their file
	released   *sorted.Sorter // hash, ord, key: rows that left their hash group
	newEntries *sorted.Sorter // entries of the rows this commit writes
	newValid   *sorted.Sorter // validators of those rows
	relOrds    []uint64       // ords of released rows, sorted
	promoted   map[[16]byte]entry
	remap      map[uint32]uint32

	written  []FileInfo
	replaced []string
	fileSeq  int
	rewrites int
}

// Commit resolves duplicates, writes the run's files and state, and
// publishes them. The manifest is the commit point: it is written only
// after every file is complete and synced; the files then become visible
// to readers at once (see publish). A crash before the manifest leaves
// nothing visible; a crash after it is rolled forward by the next run.
// It returns the summary with duplicates counted.
func (d *Dataset) Commit(sum rinse.Summary) (rinse.Summary, error) {
	defer durable.Unlock(d.lock)
	defer d.store.done()
	defer d.state.Close()
	c, err := d.newCommitter(sum)
	if err == nil {
		err = c.run()
	}
	if c != nil {
		c.sigs.close()
	}
	if err != nil {
		d.removeStaging()
		return sum, err
	}
	if err := d.store.publish(d.sp, d.opts.RunID, d.opts.failAfterLinks); err != nil {
		return c.sum, err
	}
	return c.sum, nil
}

func (d *Dataset) newCommitter(sum rinse.Summary) (*committer, error) {
	old := d.state.meta
	c := &committer{
		d: d, sum: sum, complete: !sum.Interrupted,
		fresh: d.opts.Full && !old.FullPending,
		sdir:  filepath.Join(d.staging, d.sp.stateRel(), d.opts.RunID),
		files: map[uint32]string{}, promoted: map[[16]byte]entry{}, remap: map[uint32]uint32{},
	}
	for k, v := range old.Files {
		c.files[k] = v
	}
	c.meta = stateMeta{Format: stateFormat, Run: d.opts.RunID, RunIndex: d.runIdx, Generation: d.gen,
		FullPending: (d.opts.Full || old.FullPending) && !c.complete, NextFile: old.NextFile}
	if c.sum.Reasons == nil {
		c.sum.Reasons = map[string]int64{}
	}
	fi, err := d.sigs.close()
	d.sigs = nil
	if err != nil {
		return nil, fmt.Errorf("writing signatures: %w", err)
	}
	c.written = append(c.written, fi)
	c.sigs = newSigReader(d.sp.stateRel(), d.staging, d.opts.Dir)
	c.dec = make([]uint64, d.seq)
	if err := os.MkdirAll(c.sdir, 0o755); err != nil {
		return nil, err
	}
	scratch := d.scratch
	c.drops = sorted.NewSorter(scratch, "drops", 20, 4<<20)
	c.released = sorted.NewSorter(scratch, "released", 40, 4<<20)
	c.newEntries = sorted.NewSorter(scratch, "entries", entrySize, 8<<20)
	c.newValid = sorted.NewSorter(scratch, "validators", validatorSize, 2<<20)
	return c, nil
}

func (c *committer) run() error {
	steps := []struct {
		name string
		fn   func() error
	}{
		{"matching inputs with the state", c.join},
		{"finding exact duplicates", c.exact},
		{"taking back promoted duplicates", c.readPromoted},
		{"moving rows to the new layout", c.relocate},
		{"finding near-duplicates", c.near},
		{"writing rows", c.write},
		{"rewriting files", c.rewriteAll},
		{"writing the state", c.writeEntries},
		{"writing the manifest", c.writeManifest},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

func (c *committer) newFileNumber() uint32 {
	n := c.meta.NextFile
	c.meta.NextFile++
	return n
}

// fileName is the name (without extension) of this run's next file.
func (c *committer) fileName() string {
	n := c.fileSeq
	c.fileSeq++
	return "part-" + c.d.opts.RunID + "-" + fmt.Sprintf("%05d", n)
}

func (d *Dataset) metadata() map[string]string {
	return map[string]string{
		"rinse.schema_version": strconv.Itoa(table.SchemaVersion),
		"rinse.version":        d.opts.Version,
		"rinse.run_id":         d.opts.RunID,
	}
}

func (c *committer) writeManifest() error {
	c.meta.Files = c.files
	if err := durable.WriteJSON(filepath.Join(c.sdir, metaFile), c.meta); err != nil {
		return err
	}
	d := c.d
	m := Manifest{
		RunID: d.opts.RunID, RunIndex: d.runIdx, StartedAt: c.sum.Started.UTC(), FinishedAt: d.opts.Now().UTC(),
		ConfigHash: d.opts.ConfigHash, RinseVersion: d.opts.Version, SchemaVersion: table.SchemaVersion,
		Format: d.opts.Format, PartitionBy: d.opts.PartitionBy, Counts: c.sum, Files: c.written,
		Replaced: c.replaced, Generation: c.meta.Generation, RebuildPending: c.meta.FullPending,
		Shard: d.opts.Shard, Job: d.opts.Job,
	}
	if m.PartitionBy == nil {
		m.PartitionBy = []string{}
	}
	for _, f := range c.written {
		m.BytesWritten += f.Bytes
	}
	_ = os.RemoveAll(d.scratch)
	// Everything the manifest names must be durable before it is.
	if err := durable.SyncTree(d.staging); err != nil {
		return fmt.Errorf("syncing staged files: %w", err)
	}
	return durable.WriteJSON(filepath.Join(d.opts.Dir, manifestDir, d.opts.RunID+".json"), m)
}

// ReadManifests returns the manifests of committed runs, oldest first:
// by run index (ids of runs started in the same second do not sort by
// time), then by id for manifests written before run indexes existed.
func ReadManifests(dir string) ([]Manifest, error) {
	names, err := manifestNames(dir)
	if err != nil {
		return nil, err
	}
	var out []Manifest
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, manifestDir, n+".json"))
		if err != nil {
			return nil, err
		}
		var m Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("parsing manifest %s: %w", n, err)
		}
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b Manifest) int { return cmp.Compare(a.RunIndex, b.RunIndex) })
	return out, nil
}

// manifestNames lists committed runs by id.
func manifestNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, manifestDir))
	if err != nil {
		return nil, fmt.Errorf("reading manifests: %w", err)
	}
	var out []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".json"); ok && n != "" {
			out = append(out, n)
		}
	}
	return out, nil
}

// lastCommitted returns the space's newest committed run, "" for none.
func lastCommitted(sp space) (string, error) {
	ms, err := ReadManifests(sp.dir)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	last := ""
	for _, m := range ms {
		if sp.owns(m) {
			last = m.RunID
		}
	}
	return last, nil
}
