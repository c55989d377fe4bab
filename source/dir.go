package source

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"

	"github.com/rinse-etl/rinse"
)

// pageExts are the file names a directory source reads as pages, and the
// kind each one is; the same names ending in ".gz" are read gunzipped.
var pageExts = map[string]string{
	".html":  rinse.KindHTML,
	".htm":   rinse.KindHTML,
	".xhtml": rinse.KindHTML,
	".txt":   rinse.KindText,
}

// Dir yields the pages under a directory tree (or a single file) in
// sorted path order. Files it does not take are yielded as skipped;
// symbolic links are followed, but a directory is never entered twice, so
// link loops cannot hang a walk.
type Dir struct {
	Root string
	// MaxBytes caps a page's (gunzipped) size; larger ones are quarantined
	// as too large without being read whole. Zero means 8 MiB.
	MaxBytes int64
	// Archives, when set, reads WARC files found in the tree; without it
	// they are skipped.
	Archives func(ctx context.Context, path, source string, yield func(*rinse.Page) error) error
	// Keep, when set, chooses the files to read by their path relative to
	// Root (an archive as a whole): the others are passed over, neither
	// read nor yielded (a shard's share of a tree).
	Keep func(rel string) bool
}

// Walk implements pipeline.Source.
func (s *Dir) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	st, err := os.Stat(s.Root)
	if err != nil {
		return fmt.Errorf("opening input: %w", err)
	}
	if !st.IsDir() {
		return s.file(ctx, s.Root, filepath.Base(s.Root), yield)
	}
	w := walker{src: s, ctx: ctx, yield: yield}
	return w.dir(s.Root, "")
}

// Visit yields the input at rel, a '/'-separated path under Root as Walk
// names it, exactly as Walk would: a page, a skipped input, a read
// failure, or an archive's records. An engine that lists a tree once
// (Walk with a Keep that records and refuses) reads each input where it
// likes with it.
func (s *Dir) Visit(ctx context.Context, rel string, yield func(*rinse.Page) error) error {
	return s.file(ctx, filepath.Join(s.Root, filepath.FromSlash(rel)), rel, yield)
}

type walker struct {
	src   *Dir
	ctx   context.Context
	yield func(*rinse.Page) error
	seen  dirSet // the directories entered so far
}

func (w *walker) dir(abs, rel string) error {
	st, err := os.Stat(abs)
	if err != nil {
		return w.yield(&rinse.Page{Source: rel, Err: fmt.Errorf("reading directory: %w: %w", rinse.ErrRead, err)})
	}
	if !w.seen.add(st) {
		return nil // a link back into a directory already walked
	}
	entries, err := os.ReadDir(abs) // sorted by name
	if err != nil {
		return w.yield(&rinse.Page{Source: rel, Err: fmt.Errorf("reading directory: %w: %w", rinse.ErrRead, err)})
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		childAbs, childRel := filepath.Join(abs, e.Name()), path.Join(rel, e.Name())
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			if t, err := os.Stat(childAbs); err == nil {
				isDir = t.IsDir()
			}
		}
		if isDir {
			err = w.dir(childAbs, childRel)
		} else {
			err = w.src.file(w.ctx, childAbs, childRel, w.yield)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// file yields one file as a page, a skipped input or a read failure.
func (s *Dir) file(ctx context.Context, abs, rel string, yield func(*rinse.Page) error) error {
	if s.Keep != nil && !s.Keep(rel) {
		return nil
	}
	name := strings.ToLower(rel)
	if IsWARC(name) && s.Archives != nil {
		return s.Archives(ctx, abs, rel, yield)
	}
	gz := strings.HasSuffix(name, ".gz")
	kind, ok := pageExts[path.Ext(strings.TrimSuffix(name, ".gz"))]
	if !ok {
		return yield(&rinse.Page{Source: rel, Err: fmt.Errorf("%s: unsupported file type: %w", rel, rinse.ErrSkipped)})
	}
	p := &rinse.Page{Source: rel, Kind: kind}
	st, err := os.Stat(abs)
	if err == nil {
		p.ModTime = st.ModTime()
	}
	p.Body, p.Err = s.read(abs, gz)
	if errors.Is(p.Err, rinse.ErrTooLarge) && st != nil {
		// Not read whole, so not hashed: the file's size and time tell an
		// incremental run whether it changed.
		p.Digest = rinse.StatDigest(st.Size(), st.ModTime())
	}
	return yield(p)
}

// IsWARC reports whether a file name is a WARC archive.
func IsWARC(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".warc") || strings.HasSuffix(name, ".warc.gz")
}

func (s *Dir) read(abs string, gz bool) ([]byte, error) {
	limit := s.MaxBytes
	if limit <= 0 {
		limit = 8 << 20
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, fmt.Errorf("reading file: %w: %w", rinse.ErrRead, err)
	}
	defer f.Close()
	var r io.Reader = f
	hint := sizeHint(f, gz)
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("reading gzip: %w: %w", rinse.ErrRead, err)
		}
		defer zr.Close()
		r = zr
	}
	// Read one byte past the limit to tell "exactly at" from "over" without
	// ever holding more than the limit (a gzip bomb stops here too).
	buf := bytes.NewBuffer(make([]byte, 0, min(hint, limit)+bytes.MinRead))
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("reading gzip: %w: %w", rinse.ErrRead, err)
		}
		return nil, fmt.Errorf("reading file: %w: %w", rinse.ErrRead, err)
	}
	if n > limit {
		return nil, fmt.Errorf("reading file: over %d bytes: %w", limit, rinse.ErrTooLarge)
	}
	return buf.Bytes(), nil
}

// sizeHint guesses a file's content size so that it is read into one
// buffer instead of a dozen doubling ones: the file size, or for gzip the
// size its trailer records (modulo 4 GiB, and only a hint: a file may be
// several gzip members, or lie). It leaves f at its start.
func sizeHint(f *os.File, gz bool) int64 {
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return 0
	}
	if !gz {
		return st.Size()
	}
	var trailer [4]byte
	if st.Size() < 18 {
		return 0
	}
	if _, err := f.ReadAt(trailer[:], st.Size()-4); err != nil {
		return 0
	}
	return int64(binary.LittleEndian.Uint32(trailer[:]))
}
