package assemble

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/configs"
)

// Fingerprint is the configuration hash of everything that decides what
// a page becomes and where its row goes: the settings that change output,
// the contents (not the names) of site profiles, the generic rules and
// gazetteers, shipped and the user's, and the build (version and VCS
// revision). An
// incremental run processes an input again when it changes.
func Fingerprint(cfg *Config) (string, error) {
	h := sha256.New()
	settings := struct {
		PageTimeout  string
		MaxPageBytes int64
		MinWords     int
		Languages    []string
		KeepComments bool
		Dedup        string
		Format       string
		PartitionBy  []string
	}{cfg.Pipeline.PageTimeout.String(), cfg.Pipeline.MaxPageBytes, cfg.Extract.MinWords, cfg.Extract.Languages,
		cfg.Extract.KeepComments, cfg.Dataset.Dedup, cfg.Format, cfg.PartitionKeys()}
	b, _ := json.Marshal(settings)
	fmt.Fprintf(h, "settings %s\nbuild %s\n", b, buildID())
	for _, fsys := range []fs.FS{configs.Sites, configs.Rules, configs.Entities} {
		if err := hashFS(h, fsys); err != nil {
			return "", err
		}
	}
	for _, p := range append(append([]string{}, cfg.Extract.Profiles...), cfg.Entities.Gazetteers...) {
		if err := hashPath(h, p); err != nil {
			return "", fmt.Errorf("fingerprinting %s: %w", p, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:8]), nil
}

// buildID is the version and, when the binary knows it, the VCS revision
// it was built from (with "+dirty" for uncommitted changes).
func buildID() string {
	id := rinse.Version
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return id
	}
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			id += " " + s.Value
		case s.Key == "vcs.modified" && s.Value == "true":
			id += "+dirty"
		}
	}
	return id
}

// hashFS hashes every file of fsys, names and contents, in name order.
func hashFS(h hash.Hash, fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "file %s %d\n", p, len(b))
		h.Write(b)
		return nil
	})
}

// hashPath hashes a user's file, or every file under a directory, by
// contents; their location does not count.
func hashPath(h hash.Hash, p string) error {
	var files []string
	err := filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			files = append(files, q)
		}
		return err
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		rel, _ := filepath.Rel(p, f)
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "user %s\n", filepath.ToSlash(rel))
		_, err = io.Copy(h, fh)
		fh.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
