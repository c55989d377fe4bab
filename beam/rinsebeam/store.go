package rinsebeam

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	_ "github.com/rinse-etl/rinse/buckets" // s3://, gs://, azblob://, as the rinse command
	"github.com/rinse-etl/rinse/internal/durable"
	"github.com/rinse-etl/rinse/load"
)

// store is where a run's files go: a local directory or a bucket, by the
// output's name. Names are '/'-separated, relative to the output.
type store interface {
	// create starts a file; it is whole once Close returns nil.
	create(ctx context.Context, rel string) (io.WriteCloser, error)
	// move publishes a staged file under its final name; moving a file
	// already moved (a retried publish) is not an error.
	move(ctx context.Context, from, to string) error
	// put writes a small file whole, at once.
	put(ctx context.Context, rel string, data []byte) error
	// get reads a small file whole.
	get(ctx context.Context, rel string) ([]byte, error)
	// has says whether anything exists under prefix.
	has(ctx context.Context, prefix string) (bool, error)
	removeAll(ctx context.Context, prefix string) error
	close() error
}

func openStore(ctx context.Context, output string) (store, error) {
	if !load.IsRemote(output) {
		return localStore(output), nil
	}
	b, err := load.OpenBucket(ctx, output)
	if err != nil {
		return nil, err
	}
	return bucketStore{b}, nil
}

type localStore string

func (l localStore) path(rel string) string { return filepath.Join(string(l), filepath.FromSlash(rel)) }

func (l localStore) create(_ context.Context, rel string) (io.WriteCloser, error) {
	p := l.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	return syncedFile{f}, nil
}

// syncedFile is durable when closed: the publish that follows must not
// name a file a crash could still lose.
type syncedFile struct{ *os.File }

func (f syncedFile) Close() error {
	_, err := durable.SyncClose(f.File)
	return err
}

func (l localStore) move(_ context.Context, from, to string) error {
	dst := l.path(to)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	err := os.Rename(l.path(from), dst)
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(dst); serr == nil {
			return nil
		}
	}
	if err == nil {
		durable.SyncDir(filepath.Dir(dst))
	}
	return err
}

func (l localStore) put(_ context.Context, rel string, data []byte) error {
	p := l.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return durable.WriteFile(p, data)
}

func (l localStore) get(_ context.Context, rel string) ([]byte, error) {
	return os.ReadFile(l.path(rel))
}

func (l localStore) has(_ context.Context, prefix string) (bool, error) {
	_, err := os.Stat(l.path(prefix))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// removeAll removes prefix, and its parent when nothing else is in it:
// the staging root of a run leaves with the last run that used it (a
// bucket has no directories to leave behind).
func (l localStore) removeAll(_ context.Context, prefix string) error {
	if err := os.RemoveAll(l.path(prefix)); err != nil {
		return err
	}
	_ = os.Remove(filepath.Dir(l.path(prefix))) // fails while another run stages there
	return nil
}

func (localStore) close() error { return nil }

type bucketStore struct{ b *blob.Bucket }

func (s bucketStore) create(ctx context.Context, rel string) (io.WriteCloser, error) {
	// An object appears only when its writer closes without error.
	return s.b.NewWriter(ctx, rel, nil)
}

func (s bucketStore) move(ctx context.Context, from, to string) error {
	if err := s.b.Copy(ctx, to, from, nil); err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			if ok, _ := s.b.Exists(ctx, to); ok {
				return nil
			}
		}
		return fmt.Errorf("copying %s to %s: %w", from, to, err)
	}
	return s.b.Delete(ctx, from)
}

func (s bucketStore) put(ctx context.Context, rel string, data []byte) error {
	return s.b.WriteAll(ctx, rel, data, nil)
}

func (s bucketStore) get(ctx context.Context, rel string) ([]byte, error) {
	return s.b.ReadAll(ctx, rel)
}

func (s bucketStore) has(ctx context.Context, prefix string) (bool, error) {
	_, err := s.b.List(&blob.ListOptions{Prefix: prefix + "/"}).Next(ctx)
	if err == io.EOF {
		return false, nil
	}
	return err == nil, err
}

func (s bucketStore) removeAll(ctx context.Context, prefix string) error {
	it := s.b.List(&blob.ListOptions{Prefix: prefix + "/"})
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := s.b.Delete(ctx, obj.Key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
			return err
		}
	}
}

func (s bucketStore) close() error { return s.b.Close() }
