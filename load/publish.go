package load

import (
	"github.com/rinse-etl/rinse/internal/durable"

	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.uber.org/zap"
)

// Readers see a dataset through symbolic links that switch atomically:
//
//	documents  -> _current/documents
//	quarantine -> _current/quarantine
//	_current   -> _versions/v<number>
//
// A version directory holds every file readers see after a commit: hard
// links to the files of the version before it that the commit did not
// replace, and its new files. Publishing builds the next version beside
// the newest one, claims its number with one rename (which fails if
// another writer, a shard of the same job, claimed it first: the version
// is then built again on top of that one), and points _current at the
// newest version. A reader globbing documents/**/*.parquet sees one
// version whole, never a mix, even when a writer is killed halfway: the
// next run of that writer finishes the job from its manifest.
const (
	versionsDir = "_versions"
	currentLink = "_current"
	successFile = "_SUCCESS"
	// keepVersions is how many versions stay on disk: a writer building
	// on one that another writer removed starts again on the newest.
	keepVersions = 3
)

// readerTables are the tables with a link at the dataset root (the Arrow
// copy only where there is one); allTables every table of a version.
var (
	readerTables = []string{tableDocuments, tableQuarantine, tableArrow}
	allTables    = []string{tableDocuments, tableQuarantine, tableArrow, tableDuplicates}
)

// publish makes a committed run visible. It is idempotent, so an
// interrupted publish is redone by recover. failAfter > 0 stops it after
// that many links, as a crash would (tests).
func publish(sp space, run string, failAfter int) error {
	m, err := readManifest(sp.dir, run)
	if err != nil {
		return err
	}
	if err := claimVersion(sp, run, m, failAfter); err != nil {
		return err
	}
	if err := pointAtNewest(sp.dir); err != nil {
		return err
	}
	if err := linkTables(sp.dir); err != nil {
		return err
	}
	if err := moveState(sp, run); err != nil {
		return err
	}
	cleanOld(sp, run)
	return durable.WriteFile(filepath.Join(sp.dir, successFile), []byte(run+"\n"))
}

// claimVersion builds the version that adds the run to the newest one and
// claims the next number for it, again on top of any version another
// writer claims meanwhile; nothing to do when the newest version holds
// the run's files already (a resumed publish).
func claimVersion(sp space, run string, m Manifest, failAfter int) error {
	build := filepath.Join(sp.dir, versionsDir, ".build-"+run)
	for attempt := 0; ; attempt++ {
		base, n := newestVersion(sp.dir)
		if published(sp.dir, base, m) {
			_ = os.RemoveAll(build)
			return nil
		}
		_ = os.RemoveAll(build)
		err := buildVersion(sp, build, run, base, m, failAfter)
		if err == nil {
			err = os.Rename(build, filepath.Join(sp.dir, versionsDir, versionName(n+1)))
		}
		if err == nil {
			return nil
		}
		if errors.Is(err, errCrash) || attempt == 50 {
			return fmt.Errorf("publishing run %s: %w", run, err)
		}
		// Another writer claimed the number, or removed the version this
		// one was built on: build again on the newest.
	}
}

func versionName(n int) string { return fmt.Sprintf("v%012d", n) }

// newestVersion returns the newest version (relative to the root) and its
// number; a dataset written before numbered versions has its _current
// target (number 0) or nothing.
func newestVersion(dir string) (string, int) {
	entries, _ := os.ReadDir(filepath.Join(dir, versionsDir))
	best, n := "", 0
	for _, e := range entries {
		if v, err := strconv.Atoi(strings.TrimPrefix(e.Name(), "v")); err == nil && strings.HasPrefix(e.Name(), "v") && v >= n {
			best, n = filepath.Join(versionsDir, e.Name()), v
		}
	}
	if best == "" {
		best, _ = os.Readlink(filepath.Join(dir, currentLink))
	}
	return best, n
}

// published says whether a version holds every table file of a run.
func published(dir, version string, m Manifest) bool {
	if version == "" {
		return false
	}
	for _, f := range m.Files {
		if isTableFile(f.Path) {
			if _, err := os.Lstat(filepath.Join(dir, version, filepath.FromSlash(f.Path))); err != nil {
				return false
			}
		}
	}
	return true
}

// pointAtNewest points _current at the newest version, and again if a
// writer published a newer one while it did, so the last writer to finish
// leaves it at the newest.
func pointAtNewest(dir string) error {
	for {
		newest, _ := newestVersion(dir)
		if newest == "" {
			return nil
		}
		if err := switchLink(dir, currentLink, newest); err != nil {
			return err
		}
		if again, _ := newestVersion(dir); again == newest {
			return nil
		}
	}
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

// buildVersion fills vdir: the base version's files minus those the run
// replaced, plus the run's new files, all as hard links (files are never
// copied).
func buildVersion(sp space, vdir, run, base string, m Manifest, failAfter int) error {
	dir := sp.dir
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
	if err := eachPrevious(dir, base, func(src, rel string) error {
		if replaced[rel] {
			return nil
		}
		return link(src, rel)
	}); err != nil {
		return err
	}
	staging := sp.staging(run)
	for _, f := range m.Files {
		if !isTableFile(f.Path) {
			continue
		}
		if err := link(filepath.Join(staging, filepath.FromSlash(f.Path)), f.Path); err != nil {
			return err
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
	// A name of its own: writers of other shards may switch at once.
	tmp := filepath.Join(dir, "."+name+".new-"+strconv.Itoa(os.Getpid())+"-"+strconv.FormatUint(rand.Uint64(), 36))
	if err := os.Symlink(target, tmp); err != nil {
		return fmt.Errorf("publishing: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		_ = os.Remove(tmp)
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
func moveState(sp space, run string) error {
	staging := sp.staging(run)
	src := filepath.Join(staging, stateDir)
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(staging, p)
		dst := filepath.Join(sp.dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.Rename(p, dst)
	})
}

// cleanOld removes what no reader or writer uses any more: versions but
// the newest few, the space's earlier states and the run's staging.
// Files still in use live on through the newer versions' links.
func cleanOld(sp space, run string) {
	var versions []string
	entries, _ := os.ReadDir(filepath.Join(sp.dir, versionsDir))
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Name(), "v"):
			versions = append(versions, e.Name())
		case !strings.HasPrefix(e.Name(), ".build-"):
			_ = os.RemoveAll(filepath.Join(sp.dir, versionsDir, e.Name())) // from before numbered versions
		}
	}
	slices.Sort(versions)
	for _, v := range versions[:max(len(versions)-keepVersions, 0)] {
		_ = os.RemoveAll(filepath.Join(sp.dir, versionsDir, v))
	}
	states, _ := os.ReadDir(filepath.Join(sp.dir, sp.stateRel()))
	for _, e := range states {
		if e.IsDir() && e.Name() != run && e.Name() != "sig" && !strings.HasPrefix(e.Name(), "shard-") {
			_ = os.RemoveAll(filepath.Join(sp.dir, sp.stateRel(), e.Name()))
		}
	}
	_ = os.RemoveAll(sp.staging(run))
	_ = os.Remove(sp.stagingRoot()) // when empty
	_ = os.Remove(filepath.Join(sp.dir, stagingDir))
}

// recover finishes the space's runs whose manifest was written but which
// were not fully published, and removes the staging files of its runs
// that never reached their manifest (killed or crashed). Other spaces'
// runs in progress are left alone: they may be running.
func recoverSpace(sp space, log *zap.Logger) error {
	runs, err := os.ReadDir(sp.stagingRoot())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("reading staging directory: %w", err)
	}
	for _, r := range runs {
		if strings.HasPrefix(r.Name(), "shard-") {
			continue // another space's staging root
		}
		if _, err := os.Stat(filepath.Join(sp.dir, manifestDir, r.Name()+".json")); err == nil {
			log.Info("finishing the publication of a committed run", zap.String("run", r.Name()))
			if err := publish(sp, r.Name(), 0); err != nil {
				return err
			}
			continue
		}
		log.Info("removing leftovers of an unfinished run", zap.String("run", r.Name()))
		_ = os.RemoveAll(filepath.Join(sp.dir, versionsDir, ".build-"+r.Name()))
		if err := os.RemoveAll(sp.staging(r.Name())); err != nil {
			return fmt.Errorf("removing leftovers: %w", err)
		}
	}
	return nil
}

// Recover finishes or removes what crashed runs of the unsharded dataset
// left behind.
func Recover(dir string, log *zap.Logger) error { return recoverSpace(space{dir: dir}, log) }

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
