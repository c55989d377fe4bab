package source

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
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
// sorted path order. Only what lies inside the tree is read: by default
// a symbolic link is skipped ("symlink"); with FollowSymlinks a link is
// followed when it stays inside the tree (a relative link), and skipped
// otherwise ("bad-symlink"), and a directory is never entered twice, so
// link loops cannot hang a walk. Only regular files are opened; FIFOs,
// sockets and devices are skipped ("not-regular") without blocking.
// Files it does not take are yielded as skipped.
type Dir struct {
	Root string
	// MaxBytes caps a page's (gunzipped) size; larger ones are quarantined
	// as too large without being read whole. Zero means 8 MiB.
	MaxBytes int64
	// FollowSymlinks follows symbolic links that stay inside Root.
	FollowSymlinks bool
	// Archives, when set, reads WARC files found in the tree from f, a
	// regular file; without it they are skipped.
	Archives func(ctx context.Context, f *os.File, source string, yield func(*rinse.Page) error) error
	// Keep, when set, chooses the files to read by their path relative to
	// Root (an archive as a whole): the others are passed over, neither
	// read nor yielded (a shard's share of a tree). Skipped links and
	// special files are chosen the same way, so that each is counted by
	// one shard.
	Keep func(rel string) bool
}

// Walk implements pipeline.Source.
func (s *Dir) Walk(ctx context.Context, yield func(*rinse.Page) error) error {
	st, err := os.Stat(s.Root)
	if err != nil {
		return fmt.Errorf("opening input: %w", err)
	}
	if !st.IsDir() {
		// The input itself is the user's to choose, link or not.
		rel := filepath.Base(s.Root)
		if !s.keeps(rel) {
			return nil
		}
		if s.kind(rel) == "" {
			return yield(unsupported(rel))
		}
		f, err := os.OpenFile(s.Root, os.O_RDONLY|openFlags, 0)
		if err != nil {
			return yield(&rinse.Page{Source: rel, Err: fmt.Errorf("opening file: %w: %w", rinse.ErrRead, err)})
		}
		defer f.Close()
		return s.file(ctx, f, rel, yield)
	}
	root, err := os.OpenRoot(s.Root)
	if err != nil {
		return fmt.Errorf("opening input: %w", err)
	}
	defer root.Close()
	w := walker{src: s, root: root, ctx: ctx, yield: yield}
	return w.dir(".", "")
}

// Visit yields the input at rel, a '/'-separated path under Root as Walk
// names it, exactly as Walk would: a page, a skipped input, a read
// failure, or an archive's records. An engine that lists a tree once
// (Walk with a Keep that records and refuses) reads each input where it
// likes with it.
func (s *Dir) Visit(ctx context.Context, rel string, yield func(*rinse.Page) error) error {
	root, err := os.OpenRoot(s.Root)
	if err != nil {
		return fmt.Errorf("opening input: %w", err)
	}
	defer root.Close()
	w := walker{src: s, root: root, ctx: ctx, yield: yield}
	st, err := root.Lstat(rel)
	if err != nil {
		return yield(&rinse.Page{Source: rel, Err: fmt.Errorf("opening file: %w: %w", rinse.ErrRead, err)})
	}
	typ := st.Mode().Type()
	if typ&fs.ModeSymlink != 0 && s.FollowSymlinks {
		if t, err := root.Stat(rel); err == nil && t.IsDir() {
			// Walk lists a directory as an input only when it skips it:
			// a link to a directory it read already.
			return w.skip(rel, skipped("seen-directory", "following symbolic link to a directory read already"))
		}
	}
	return w.entry(rel, rel, typ)
}

type walker struct {
	src   *Dir
	root  *os.Root // every file is opened through it: nothing outside is read
	ctx   context.Context
	yield func(*rinse.Page) error
	seen  dirSet // the directories entered so far
}

// dir walks the directory at name (relative to the root); rel is its
// Source prefix.
func (w *walker) dir(name, rel string) error {
	f, err := w.root.Open(name)
	if err != nil {
		return w.yield(&rinse.Page{Source: rel, Err: fmt.Errorf("reading directory: %w: %w", rinse.ErrRead, err)})
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return w.yield(&rinse.Page{Source: rel, Err: fmt.Errorf("reading directory: %w: %w", rinse.ErrRead, err)})
	}
	if !w.seen.add(st) { // a link to a directory walked already
		return w.skip(rel, skipped("seen-directory", "following symbolic link to a directory read already"))
	}
	entries, err := f.ReadDir(-1)
	if err != nil {
		return w.yield(&rinse.Page{Source: rel, Err: fmt.Errorf("reading directory: %w: %w", rinse.ErrRead, err)})
	}
	slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if err := w.entry(path.Join(name, e.Name()), path.Join(rel, e.Name()), e.Type()); err != nil {
			return err
		}
	}
	return nil
}

// entry walks one directory entry of type typ (as the directory lists
// it, links not followed).
func (w *walker) entry(name, rel string, typ fs.FileMode) error {
	if typ&fs.ModeSymlink != 0 {
		if !w.src.FollowSymlinks {
			return w.skip(rel, skipped("symlink", "not following symbolic link"))
		}
		st, err := w.root.Stat(name) // fails for a link out of the root
		if err != nil {
			return w.skip(rel, skipped("bad-symlink", "following symbolic link: "+err.Error()))
		}
		typ = st.Mode().Type()
	}
	switch {
	case typ.IsDir():
		return w.dir(name, rel)
	case !w.src.keeps(rel):
		return nil
	case !typ.IsRegular():
		return w.yield(notRegular(rel, typ))
	case w.src.kind(rel) == "":
		return w.yield(unsupported(rel))
	}
	// O_NONBLOCK: a regular file swapped for a FIFO since it was listed
	// must not block the walk (file checks what was opened).
	f, err := w.root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return w.yield(&rinse.Page{Source: rel, Err: fmt.Errorf("opening file: %w: %w", rinse.ErrRead, err)})
	}
	defer f.Close()
	return w.src.file(w.ctx, f, rel, w.yield)
}

// skip yields the input rel as skipped, when it is the run's to count.
func (w *walker) skip(rel string, err error) error {
	if !w.src.keeps(rel) {
		return nil
	}
	return w.yield(&rinse.Page{Source: rel, Err: err})
}

// keeps reports whether rel is the run's to read (its shard's).
func (s *Dir) keeps(rel string) bool {
	return s.Keep == nil || s.Keep(rel)
}

// kind returns what the file name rel reads as: a page kind, "warc", or
// "" for a file the source does not take.
func (s *Dir) kind(rel string) string {
	name := strings.ToLower(rel)
	if IsWARC(name) {
		if s.Archives == nil {
			return ""
		}
		return "warc"
	}
	return pageExts[path.Ext(strings.TrimSuffix(name, ".gz"))]
}

func unsupported(rel string) *rinse.Page {
	return &rinse.Page{Source: rel, Err: fmt.Errorf("%s: unsupported file type: %w", rel, rinse.ErrSkipped)}
}

func notRegular(rel string, typ fs.FileMode) *rinse.Page {
	return &rinse.Page{Source: rel, Err: skipped("not-regular", "reading "+typ.String()+" file")}
}

// file yields the opened file f as a page, an archive's records, a skipped
// input or a read failure.
func (s *Dir) file(ctx context.Context, f *os.File, rel string, yield func(*rinse.Page) error) error {
	st, err := f.Stat()
	if err != nil {
		return yield(&rinse.Page{Source: rel, Err: fmt.Errorf("reading file: %w: %w", rinse.ErrRead, err)})
	}
	if !st.Mode().IsRegular() {
		return yield(notRegular(rel, st.Mode().Type()))
	}
	kind := s.kind(rel)
	if kind == "warc" {
		return s.Archives(ctx, f, rel, yield)
	}
	p := &rinse.Page{Source: rel, Kind: kind, ModTime: st.ModTime()}
	p.Body, p.Err = s.read(f, st, strings.HasSuffix(strings.ToLower(rel), ".gz"))
	if errors.Is(p.Err, rinse.ErrTooLarge) {
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

func (s *Dir) read(f *os.File, st os.FileInfo, gz bool) ([]byte, error) {
	limit := s.MaxBytes
	if limit <= 0 {
		limit = 8 << 20
	}
	var r io.Reader = f
	hint := sizeHint(f, st, gz)
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
func sizeHint(f *os.File, st os.FileInfo, gz bool) int64 {
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
