package load

import (
	"os"
	"path/filepath"

	"go.uber.org/zap"
)

// store is where a dataset's committed data files live and how a
// committed run becomes visible to readers. The dataset's state,
// manifests and staging are always in a local directory (DatasetOptions.
// Dir); the data files are there too (localStore), or in an object-store
// bucket (bucketStore), mirrored by the local directory's state.
type store interface {
	// fetch returns a local path to read the committed data file rel
	// (relative to the dataset root), false when there is none.
	fetch(rel string) (string, bool, error)
	// live lists the committed data files readers see.
	live() ([]string, error)
	// publish makes a run whose local manifest is written committed (where
	// that is not the local manifest) and visible.
	publish(sp space, run string, failAfter int) error
	// recover finishes or removes what the space's crashed runs left.
	recover(sp space, log *zap.Logger) error
	// done releases what the store holds (cached downloads).
	done()
}

// localStore keeps the data files in the local directory, published as
// versions behind links (publish.go).
type localStore struct{ dir string }

func (s localStore) fetch(rel string) (string, bool, error) {
	p := filepath.Join(s.dir, currentLink, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", false, nil
	}
	return p, true, nil
}

func (s localStore) live() ([]string, error) { return LiveFiles(s.dir) }

func (s localStore) publish(sp space, run string, failAfter int) error {
	return publish(sp, run, failAfter)
}

func (s localStore) recover(sp space, log *zap.Logger) error { return recoverSpace(sp, log) }

func (s localStore) done() {}
