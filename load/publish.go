package load

import (
	"github.com/rinse-etl/rinse/internal/durable"

	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.uber.org/zap"
)

// Readers see a dataset through symbolic links that switch atomically:
//
//	documents  -> _current/documents
//	quarantine -> _current/quarantine
//	_current   -> _versions/<run>
//
// A version directory holds every file readers see after that run: hard
// links to the files of the version before it that the run did not
// replace, and the run's new files. Publishing builds the new version
// beside the old one and then replaces the _current link in one rename, so
// a reader globbing documents/**/*.parquet sees either the whole old
// version or the whole new one, never a mix, even when the process is
// killed halfway: the next run finishes the job from the manifest.
const (
	versionsDir = "_versions"
	currentLink = "_current"
	successFile = "_SUCCESS"
)

// readerTables are the tables with a link at the dataset root (the Arrow
// copy only where there is one); allTables every table of a version.
var (
	readerTables = []string{tableDocuments, tableQuarantine, tableArrow}
	allTables    = []string{tableDocuments, tableQuarantine, tableArrow, tableDuplicates}
)

// publish makes a committed run visible. It is idempotent, so an
// interrupted publish is redone by Recover. failAfter > 0 stops it after
// that many links, as a crash would (tests).
func publish(dir, run string, failAfter int) error {
	m, err := readManifest(dir, run)
	if err != nil {
		return err
	}
	cur, _ := os.Readlink(filepath.Join(dir, currentLink))
	target := filepath.Join(versionsDir, run)
	if filepath.Clean(cur) != target {
		if err := buildVersion(dir, run, cur, m, failAfter); err != nil {
			return err
		}
		if err := switchLink(dir, currentLink, target); err != nil {
			return err
		}
	}
	if err := linkTables(dir); err != nil {
		return err
	}
	if err := moveState(dir, run); err != nil {
		return err
	}
	cleanOld(dir, run)
	return durable.WriteFile(filepath.Join(dir, successFile), []byte(run+"\n"))
}

func readManifest(dir, run string) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(dir, manifestDir, run+".json"))
	if err != nil {
		return m, fmt.Errorf("reading manifest of run %s: %w", run, err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("parsing manifest of run %s: %w", run, err)
	}
	return m, nil
}

// errCrash is what publishing returns when a test asked it to stop.
var errCrash = errors.New("publishing stopped (simulated crash)")

// buildVersion fills _versions/<run>: the previous version's files minus
// those the run replaced, plus the run's new files, all as hard links
// (files are never copied). Links that exist already are kept, so it can
// resume after a crash.
func buildVersion(dir, run, prev string, m Manifest, failAfter int) error {
	vdir := filepath.Join(dir, versionsDir, run)
	links := 0
	link := func(src, rel string) error {
		dst := filepath.Join(vdir, filepath.FromSlash(rel))
		if _, err := os.Lstat(dst); err == nil {
			return nil
		}
		if failAfter > 0 && links >= failAfter {
			return errCrash
		}
		links++
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.Link(src, dst)
	}
	replaced := map[string]bool{}
	for _, r := range m.Replaced {
		replaced[r] = true
	}
	if err := eachPrevious(dir, prev, func(src, rel string) error {
		if replaced[rel] {
			return nil
		}
		return link(src, rel)
	}); err != nil {
		return fmt.Errorf("publishing run %s: %w", run, err)
	}
	staging := filepath.Join(dir, stagingDir, run)
	for _, f := range m.Files {
		if !isTableFile(f.Path) {
			continue
		}
		if err := link(filepath.Join(staging, filepath.FromSlash(f.Path)), f.Path); err != nil {
			return fmt.Errorf("publishing run %s: %w", run, err)
		}
	}
	for _, t := range []string{tableDocuments, tableQuarantine, tableDuplicates} {
		if err := os.MkdirAll(filepath.Join(vdir, t), 0o755); err != nil {
			return err
		}
	}
	// Every link must be durable before _current points at them.
	return durable.SyncTree(vdir)
}

// isTableFile says whether a run's file belongs in the version (rather
// than in the state).
func isTableFile(rel string) bool {
	for _, t := range allTables {
		if strings.HasPrefix(rel, t+"/") {
			return true
		}
	}
	return false
}

// eachPrevious calls fn for every data file of the previous version: the
// version directory, or for a dataset written before versions existed,
// the table directories themselves.
func eachPrevious(dir, prev string, fn func(src, rel string) error) error {
	root := filepath.Join(dir, prev)
	if prev == "" {
		root = dir
		if st, err := os.Lstat(filepath.Join(dir, tableDocuments)); err != nil || !st.IsDir() {
			return nil // a new dataset
		}
	}
	for _, t := range allTables {
		base := filepath.Join(root, t)
		err := filepath.WalkDir(base, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			return fn(p, filepath.ToSlash(rel))
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// switchLink points name at target in one rename.
func switchLink(dir, name, target string) error {
	tmp := filepath.Join(dir, name+".new")
	_ = os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return fmt.Errorf("publishing: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("publishing: %w", err)
	}
	durable.SyncDir(dir)
	return nil
}

// linkTables makes sure each reader table is a link into _current. A
// dataset written before versions existed has real directories there:
// they move aside (their files are linked into the version already).
func linkTables(dir string) error {
	for _, t := range readerTables {
		p := filepath.Join(dir, t)
		want := filepath.Join(currentLink, t)
		st, err := os.Lstat(p)
		if _, cerr := os.Stat(filepath.Join(dir, want)); cerr != nil {
			if err == nil && st.Mode()&os.ModeSymlink != 0 {
				_ = os.Remove(p) // the table went away with this version
			}
			continue
		}
		switch {
		case err == nil && st.Mode()&os.ModeSymlink != 0:
			if got, _ := os.Readlink(p); got == want {
				continue
			}
		case err == nil && st.IsDir():
			if err := os.Rename(p, filepath.Join(dir, versionsDir, "old-"+t)); err != nil {
				return fmt.Errorf("moving the old %s aside: %w", t, err)
			}
		}
		if err := switchLink(dir, t, want); err != nil {
			return err
		}
	}
	return nil
}

// moveState moves the run's state and signatures from staging into
// place, unless a resumed publish did so already.
func moveState(dir, run string) error {
	staging := filepath.Join(dir, stagingDir, run)
	src := filepath.Join(staging, stateDir)
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(staging, p)
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.Rename(p, dst)
	})
}

// cleanOld removes what only earlier versions used: their version
// directories, their states and this run's staging. Files still in use
// live on through the current version's links.
func cleanOld(dir, run string) {
	keep := map[string]bool{run: true}
	for _, sub := range []string{versionsDir, stateDir} {
		entries, _ := os.ReadDir(filepath.Join(dir, sub))
		for _, e := range entries {
			if !keep[e.Name()] && e.IsDir() && e.Name() != "sig" {
				_ = os.RemoveAll(filepath.Join(dir, sub, e.Name()))
			}
		}
	}
	_ = os.RemoveAll(filepath.Join(dir, stagingDir, run))
	_ = os.Remove(filepath.Join(dir, stagingDir)) // when empty
}

// Recover finishes runs whose manifest was written but which were not
// fully published, and removes the staging files of runs that never
// reached their manifest (killed or crashed).
func Recover(dir string, log *zap.Logger) error {
	runs, err := os.ReadDir(filepath.Join(dir, stagingDir))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("reading staging directory: %w", err)
	}
	for _, r := range runs {
		if _, err := os.Stat(filepath.Join(dir, manifestDir, r.Name()+".json")); err == nil {
			log.Info("finishing the publication of a committed run", zap.String("run", r.Name()))
			if err := publish(dir, r.Name(), 0); err != nil {
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

// LiveFiles returns the data files readers see, relative to the dataset
// root, in path order.
func LiveFiles(dir string) ([]string, error) {
	cur, err := os.Readlink(filepath.Join(dir, currentLink))
	if err != nil {
		cur = ""
	}
	var out []string
	err = eachPrevious(dir, cur, func(_, rel string) error {
		out = append(out, rel)
		return nil
	})
	slices.Sort(out)
	return out, err
}
