package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/klauspost/compress/gzip"
	"gocloud.dev/blob"

	"github.com/rinse-etl/rinse"
)

// Bucket yields the pages stored in an object-store bucket (or under a
// prefix of one, with blob.PrefixedBucket), as Dir does for a directory
// tree: the same file names are pages, archives or skipped, listed in key
// order. It streams: objects are listed a page of keys at a time and read
// one by one, never downloaded ahead; a WARC object streams through the
// WARC reader.
type Bucket struct {
	B *blob.Bucket
	// MaxBytes caps a page's (gunzipped) size, as Dir's.
	MaxBytes int64
	// Keep, when set, chooses the objects to read by key (a shard's share).
	Keep func(key string) bool
}

// Walk implements pipeline.Source.
func (s *Bucket) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	it := s.B.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("listing the bucket: %w", err)
		}
		if obj.IsDir || s.Keep != nil && !s.Keep(obj.Key) {
			continue
		}
		if err := s.object(ctx, obj, yield); err != nil {
			return err
		}
	}
}

// Object yields the object key as Walk would: a page, a skipped input, a
// read failure, or an archive's records. An engine that lists a bucket
// once reads each object where it likes with it.
func (s *Bucket) Object(ctx context.Context, key string, yield func(*rinse.Page) error) error {
	a, err := s.B.Attributes(ctx, key)
	if err != nil {
		return yield(&rinse.Page{Source: key, Err: fmt.Errorf("reading object: %w: %w", rinse.ErrRead, err)})
	}
	return s.object(ctx, &blob.ListObject{Key: key, Size: a.Size, ModTime: a.ModTime}, yield)
}

func (s *Bucket) object(ctx context.Context, obj *blob.ListObject, yield func(*rinse.Page) error) error {
	name := strings.ToLower(obj.Key)
	if IsWARC(name) {
		return s.archive(ctx, obj.Key, yield)
	}
	gz := strings.HasSuffix(name, ".gz")
	kind, ok := pageExts[path.Ext(strings.TrimSuffix(name, ".gz"))]
	if !ok {
		return yield(&rinse.Page{Source: obj.Key, Err: fmt.Errorf("%s: unsupported file type: %w", obj.Key, rinse.ErrSkipped)})
	}
	p := &rinse.Page{Source: obj.Key, Kind: kind, ModTime: obj.ModTime}
	p.Body, p.Err = s.read(ctx, obj.Key, obj.Size, gz)
	if errors.Is(p.Err, rinse.ErrTooLarge) {
		p.Digest = rinse.StatDigest(obj.Size, obj.ModTime)
	}
	return yield(p)
}

func (s *Bucket) read(ctx context.Context, key string, size int64, gz bool) ([]byte, error) {
	limit := s.MaxBytes
	if limit <= 0 {
		limit = 8 << 20
	}
	if !gz && size > limit {
		return nil, fmt.Errorf("reading object: %d bytes, over %d: %w", size, limit, rinse.ErrTooLarge)
	}
	r, err := s.B.NewReader(ctx, key, nil)
	if err != nil {
		return nil, fmt.Errorf("reading object: %w: %w", rinse.ErrRead, err)
	}
	defer r.Close()
	var in io.Reader = r
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("reading gzip: %w: %w", rinse.ErrRead, err)
		}
		defer zr.Close()
		in = zr
	}
	// One byte past the limit tells "at" from "over" (a gzip bomb stops here).
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(in, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading object: %w: %w", rinse.ErrRead, err)
	}
	if n > limit {
		return nil, fmt.Errorf("reading object: over %d bytes: %w", limit, rinse.ErrTooLarge)
	}
	return buf.Bytes(), nil
}

// archive streams a WARC object's records; a break in the stream is
// quarantined as one input after the records read before it.
func (s *Bucket) archive(ctx context.Context, key string, yield func(*rinse.Page) error) error {
	r, err := s.B.NewReader(ctx, key, nil)
	if err != nil {
		return yield(&rinse.Page{Source: key, Err: fmt.Errorf("opening archive: %w: %w", rinse.ErrRead, err)})
	}
	defer r.Close()
	var yieldErr error
	err = WARCReader{MaxBytes: s.MaxBytes}.Walk(ctx, r, key, func(p *rinse.Page) error {
		yieldErr = yield(p)
		return yieldErr
	})
	if err == nil || yieldErr != nil || ctx.Err() != nil {
		return err
	}
	return yield(&rinse.Page{Source: key, Err: fmt.Errorf("reading archive: %w: %w", rinse.ErrRead, err)})
}
