package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.uber.org/zap"
	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// IsRemote says whether an input or output names an object-store bucket
// (s3://, gs://, azblob://, or any scheme registered with gocloud.dev/blob)
// rather than a local path.
func IsRemote(name string) bool {
	u, err := url.Parse(name)
	return err == nil && len(u.Scheme) > 1 && strings.HasPrefix(name, u.Scheme+"://")
}

// OpenBucket opens the bucket an output URL names, scoped to its path:
// s3://bucket/some/dataset?region=… is the keys under some/dataset/ of
// bucket. The URL schemes are those registered with gocloud.dev/blob
// (cmd/rinse registers s3, gs and azblob).
func OpenBucket(ctx context.Context, raw string) (*blob.Bucket, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	prefix := ""
	if u.Scheme != "file" { // a file:// bucket is the directory its path names
		prefix = strings.Trim(u.Path, "/")
		u.Path = ""
	}
	b, err := blob.OpenBucket(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("opening bucket %s: %w", raw, err)
	}
	if prefix != "" {
		b = blob.PrefixedBucket(b, prefix+"/")
	}
	return b, nil
}

// bucketStore keeps the data files in an object-store bucket. Object
// stores have neither links nor renames, and other machines run shards
// into the same bucket, so a run's files are uploaded under _staging/
// first; its manifest, uploaded last, is the commit point; the files are
// then copied to their keys and the files they replace deleted. A reader
// listing documents/ never sees an uncommitted file (while a publication
// goes, it may see a replaced file beside its rewrite for the time of a
// few copies). The local directory keeps the run's staging and a mirror
// of the manifests and of the space's state, downloaded when a run opens.
type bucketStore struct {
	ctx   context.Context
	b     *blob.Bucket
	local string
}

func newBucketStore(ctx context.Context, raw, local string) (*bucketStore, error) {
	b, err := OpenBucket(ctx, raw)
	if err != nil {
		return nil, err
	}
	return &bucketStore{ctx: ctx, b: b, local: local}, nil
}

func (s *bucketStore) done() {
	_ = os.RemoveAll(filepath.Join(s.local, "_cache"))
	_ = s.b.Close()
}

func notFound(err error) bool { return gcerrors.Code(err) == gcerrors.NotFound }

// fetch downloads a committed data file into the local cache.
func (s *bucketStore) fetch(rel string) (string, bool, error) {
	dst := filepath.Join(s.local, "_cache", filepath.FromSlash(rel))
	if _, err := os.Stat(dst); err == nil {
		return dst, true, nil
	}
	err := s.download(rel, dst)
	if notFound(err) {
		return "", false, nil
	}
	return dst, err == nil, err
}

func (s *bucketStore) download(key, dst string) error {
	r, err := s.b.NewReader(s.ctx, key, nil)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	return errors.Join(err, f.Close())
}

func (s *bucketStore) upload(src, key string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := s.b.NewWriter(s.ctx, key, nil)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return errors.Join(err, w.Close())
}

// keys lists the keys under prefix, in key order.
func (s *bucketStore) keys(prefix string) ([]string, error) {
	var out []string
	it := s.b.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(s.ctx)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if !obj.IsDir {
			out = append(out, obj.Key)
		}
	}
}

func (s *bucketStore) live() ([]string, error) {
	var out []string
	for _, t := range allTables {
		keys, err := s.keys(t + "/")
		if err != nil {
			return nil, err
		}
		out = append(out, keys...)
	}
	slices.Sort(out)
	return out, nil
}

func stagingKey(sp space, run string) string {
	return path.Join(stagingDir, sp.label, run) + "/"
}

// publish uploads the run's files and state, then its manifest (the
// commit point), then moves the files into place.
func (s *bucketStore) publish(sp space, run string, _ int) error {
	m, err := readManifest(s.local, run)
	if err != nil {
		return err
	}
	mkey := path.Join(manifestDir, run+".json")
	committed, err := s.b.Exists(s.ctx, mkey)
	if err != nil {
		return err
	}
	if !committed {
		if err := s.commit(sp, run, m, mkey); err != nil {
			return fmt.Errorf("uploading run %s: %w", run, err)
		}
	}
	if err := s.place(sp, run, m); err != nil {
		return fmt.Errorf("publishing run %s: %w", run, err)
	}
	if err := moveState(sp, run); err != nil {
		return err
	}
	s.cleanOld(sp, run)
	cleanOld(sp, run)
	return nil
}

// commit uploads the run's table files under _staging/, its state in
// place (unreferenced until the manifest is), then the manifest.
func (s *bucketStore) commit(sp space, run string, m Manifest, mkey string) error {
	staging := sp.staging(run)
	for _, f := range m.Files {
		if isTableFile(f.Path) {
			if err := s.upload(filepath.Join(staging, filepath.FromSlash(f.Path)), stagingKey(sp, run)+f.Path); err != nil {
				return err
			}
		}
	}
	err := filepath.WalkDir(filepath.Join(staging, stateDir), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(staging, p)
		return s.upload(p, filepath.ToSlash(rel))
	})
	if err != nil {
		return err
	}
	return s.upload(filepath.Join(s.local, manifestDir, run+".json"), mkey)
}

// place copies a committed run's staged files to their keys and deletes
// the files it replaced and its staging; it can be redone.
func (s *bucketStore) place(sp space, run string, m Manifest) error {
	prefix := stagingKey(sp, run)
	for _, f := range m.Files {
		if !isTableFile(f.Path) {
			continue
		}
		err := s.b.Copy(s.ctx, f.Path, prefix+f.Path, nil)
		if err != nil && !notFound(err) { // not found: copied before a crash
			return err
		}
	}
	for _, r := range m.Replaced {
		if err := s.b.Delete(s.ctx, r); err != nil && !notFound(err) {
			return err
		}
	}
	keys, err := s.keys(prefix)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := s.b.Delete(s.ctx, k); err != nil && !notFound(err) {
			return err
		}
	}
	return nil
}

// cleanOld deletes the space's earlier states in the bucket.
func (s *bucketStore) cleanOld(sp space, run string) {
	keys, _ := s.keys(filepath.ToSlash(sp.stateRel()) + "/")
	for _, k := range keys {
		rel := strings.TrimPrefix(k, filepath.ToSlash(sp.stateRel())+"/")
		dir, _, _ := strings.Cut(rel, "/")
		if dir != run && dir != "sig" && !strings.HasPrefix(dir, "shard-") {
			_ = s.b.Delete(s.ctx, k)
		}
	}
}

// recover finishes the space's committed runs left half published,
// removes the uploads of runs that never committed and the local staging,
// then mirrors the manifests and the space's newest state locally.
func (s *bucketStore) recover(sp space, log *zap.Logger) error {
	keys, err := s.keys(path.Join(stagingDir, sp.label) + "/")
	if err != nil {
		return fmt.Errorf("listing the bucket: %w", err)
	}
	runs := map[string]bool{}
	for _, k := range keys {
		rest := strings.TrimPrefix(k, path.Join(stagingDir, sp.label)+"/")
		if run, _, ok := strings.Cut(rest, "/"); ok && !strings.HasPrefix(run, "shard-") {
			runs[run] = true
		}
	}
	if err := s.pullManifests(); err != nil {
		return err
	}
	for run := range runs {
		m, err := readManifest(s.local, run)
		if err != nil { // never committed
			log.Info("removing the uploads of an unfinished run", zap.String("run", run))
			for _, k := range keys {
				if strings.HasPrefix(k, stagingKey(sp, run)) {
					_ = s.b.Delete(s.ctx, k)
				}
			}
			continue
		}
		log.Info("finishing the publication of a committed run", zap.String("run", run))
		if err := s.place(sp, run, m); err != nil {
			return err
		}
	}
	_ = os.RemoveAll(sp.stagingRoot())
	return s.pullState(sp)
}

// pullManifests mirrors the bucket's manifests locally.
func (s *bucketStore) pullManifests() error {
	local := filepath.Join(s.local, manifestDir)
	if err := os.RemoveAll(local); err != nil {
		return err
	}
	keys, err := s.keys(manifestDir + "/")
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := s.download(k, filepath.Join(s.local, filepath.FromSlash(k))); err != nil {
			return err
		}
	}
	return nil
}

// pullState mirrors the state of the space's newest committed run and its
// signature segments.
func (s *bucketStore) pullState(sp space) error {
	last, err := lastCommitted(sp)
	if err != nil || last == "" {
		return err
	}
	rel := filepath.ToSlash(sp.stateRel())
	for _, prefix := range []string{rel + "/" + last + "/", rel + "/sig/"} {
		keys, err := s.keys(prefix)
		if err != nil {
			return err
		}
		for _, k := range keys {
			dst := filepath.Join(s.local, filepath.FromSlash(k))
			if _, err := os.Stat(dst); err == nil && strings.Contains(prefix, "/sig/") {
				continue // segments never change once written
			}
			if err := s.download(k, dst); err != nil {
				return err
			}
		}
	}
	return nil
}
