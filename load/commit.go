package load

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"go.uber.org/zap"

	"github.com/rinse-etl/rinse"
)

// Names under the dataset root that readers globbing documents/**/*.parquet
// never see: staging holds runs in progress, manifests describe committed
// runs, the lock keeps two runs from writing one dataset at once.
const (
	stagingDir  = "_staging"
	manifestDir = "_manifest"
	lockFile    = "_lock"
	successFile = "_SUCCESS"
)

// Manifest describes one committed run.
type Manifest struct {
	RunID         string        `json:"run_id"`
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
}

// NewRunID returns a run id that sorts by start time and is unique even
// for runs started in the same second.
func NewRunID(t time.Time) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return t.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// Commit publishes the run. The manifest is the commit point: it is
// written (atomically) only after every file is complete and synced; the
// files then move from staging into place. A crash before the manifest
// leaves nothing visible; a crash after it is rolled forward by Recover.
func (d *Dataset) Commit(sum rinse.Summary) error {
	defer unlockDir(d.lock)
	if err := d.closeAll(); err != nil {
		d.removeStaging()
		return fmt.Errorf("closing files: %w", err)
	}
	replaced, err := d.reconcile()
	if err != nil {
		d.removeStaging()
		return err
	}
	m := Manifest{
		RunID: d.opts.RunID, StartedAt: sum.Started.UTC(), FinishedAt: time.Now().UTC(),
		ConfigHash: d.opts.ConfigHash, RinseVersion: d.opts.Version,
		SchemaVersion: SchemaVersion, Format: d.opts.Format, PartitionBy: d.opts.PartitionBy,
		Counts: sum, Files: d.files, Replaced: replaced,
	}
	if m.PartitionBy == nil {
		m.PartitionBy = []string{}
	}
	for _, f := range d.files {
		m.BytesWritten += f.Bytes
	}
	if err := writeJSONAtomic(filepath.Join(d.opts.Dir, manifestDir, d.opts.RunID+".json"), m); err != nil {
		d.removeStaging()
		return fmt.Errorf("writing manifest: %w", err)
	}
	if err := publish(d.opts.Dir, d.opts.RunID); err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(d.opts.Dir, successFile), []byte(d.opts.RunID+"\n"))
}

// Abort drops everything this run wrote.
func (d *Dataset) Abort() error {
	defer unlockDir(d.lock)
	err := d.closeAll()
	d.removeStaging()
	return err
}

func (d *Dataset) removeStaging() { _ = os.RemoveAll(d.staging) }

// Recover finishes runs whose manifest was written but whose files were
// not all moved into place, and removes the staging files of runs that
// never reached their manifest (killed or crashed).
func Recover(dir string, log *zap.Logger) error {
	runs, err := os.ReadDir(filepath.Join(dir, stagingDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("reading staging directory: %w", err)
	}
	for _, r := range runs {
		_, err := os.Stat(filepath.Join(dir, manifestDir, r.Name()+".json"))
		if err == nil {
			log.Info("rolling forward committed run", zap.String("run", r.Name()))
			if err := publish(dir, r.Name()); err != nil {
				return err
			}
			continue
		}
		log.Info("removing leftovers of an unfinished run", zap.String("run", r.Name()))
		if err := os.RemoveAll(filepath.Join(dir, stagingDir, r.Name())); err != nil {
			return fmt.Errorf("removing leftovers: %w", err)
		}
	}
	return nil
}

// publish moves a run's staged files into place, deletes the files its
// manifest says it replaced and the state files it superseded, and removes
// its staging directory. It is idempotent, so an interrupted publish can
// be redone.
func publish(dir, run string) error {
	if err := moveStaged(dir, run); err != nil {
		return err
	}
	var m Manifest
	if b, err := os.ReadFile(filepath.Join(dir, manifestDir, run+".json")); err == nil {
		_ = json.Unmarshal(b, &m)
	}
	for _, r := range m.Replaced {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(r))); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("removing replaced file: %w", err)
		}
	}
	states, _ := filepath.Glob(filepath.Join(dir, stateDir, "*.jsonl.gz"))
	sort.Strings(states)
	for i := 0; i+1 < len(states); i++ {
		_ = os.Remove(states[i])
	}
	return os.RemoveAll(filepath.Join(dir, stagingDir, run))
}

func moveStaged(dir, run string) error {
	root := filepath.Join(dir, stagingDir, run)
	err := filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.Rename(p, dst)
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("publishing run %s: %w", run, err)
	}
	return nil
}

func writeJSONAtomic(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(b, '\n'))
}

// writeFileAtomic writes via a temporary file and rename, syncing both the
// file and its directory so the rename survives a power cut.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if _, err := syncClose(f); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// lockDir takes an exclusive advisory lock on the dataset, so two runs
// never write (or recover) the same output at once.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("output %s is in use by another rinse run: %w", dir, err)
	}
	return f, nil
}

func unlockDir(f *os.File) {
	if f != nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}
}

// ReadManifests returns the manifests of committed runs, oldest first.
func ReadManifests(dir string) ([]Manifest, error) {
	entries, err := os.ReadDir(filepath.Join(dir, manifestDir))
	if err != nil {
		return nil, fmt.Errorf("reading manifests: %w", err)
	}
	var out []Manifest
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, manifestDir, e.Name()))
		if err != nil {
			return nil, err
		}
		var m Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("parsing manifest %s: %w", e.Name(), err)
		}
		out = append(out, m)
	}
	return out, nil
}

// LiveFiles returns the files of committed runs that later runs have not
// replaced, in run order.
func LiveFiles(ms []Manifest) []FileInfo {
	replaced := map[string]bool{}
	for _, m := range ms {
		for _, r := range m.Replaced {
			replaced[r] = true
		}
	}
	var out []FileInfo
	for _, m := range ms {
		for _, f := range m.Files {
			if !replaced[f.Path] {
				out = append(out, f)
			}
		}
	}
	return out
}

// reconcile works out what this run supersedes and finishes the state
// file. Incremental: files holding old rows of inputs this run processed
// again are rewritten without those rows and replaced; the old entries not
// processed again are carried into the new state (pointing at the
// rewritten files). Full: every earlier data file is replaced. A run that
// recorded nothing leaves the state as it was.
func (d *Dataset) reconcile() ([]string, error) {
	var replaced []string
	if d.opts.Full {
		ms, _ := ReadManifests(d.opts.Dir)
		for _, f := range LiveFiles(ms) {
			if strings.HasPrefix(f.Path, "documents/") || strings.HasPrefix(f.Path, "quarantine/") {
				replaced = append(replaced, f.Path)
			}
		}
	}
	if d.states == nil {
		return replaced, nil
	}
	moved := map[string]string{} // old file base → rewritten base
	bases := make([]string, 0, len(d.drop))
	for b := range d.drop {
		bases = append(bases, b)
	}
	sort.Strings(bases)
	for i, base := range bases {
		newBase, files, err := d.rewrite(base, d.drop[base], i)
		if err != nil {
			return nil, err
		}
		d.files = append(d.files, files...)
		moved[base] = newBase
		for _, ext := range []string{".parquet", ".arrow"} {
			if _, err := os.Stat(filepath.Join(d.opts.Dir, filepath.FromSlash(base+ext))); err == nil {
				replaced = append(replaced, base+ext)
			}
		}
	}
	for src, e := range d.state.entries {
		if d.superseded[src] {
			continue
		}
		old := e.unpack(src)
		if nb, ok := moved[old.File]; ok {
			old.File = nb
		}
		if err := d.states.write(old); err != nil {
			return nil, fmt.Errorf("writing state: %w", err)
		}
	}
	fi, err := d.states.close()
	if err != nil {
		return nil, fmt.Errorf("writing state: %w", err)
	}
	d.files = append(d.files, fi)
	return replaced, nil
}
