package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

func writeTree(t *testing.T, root, rel string, data []byte) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gzipped(data string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(data))
	w.Close()
	return b.Bytes()
}

func walkDir(t *testing.T, s *Dir) []*rinse.Page {
	t.Helper()
	var pages []*rinse.Page
	if err := s.Walk(context.Background(), func(p *rinse.Page) error { pages = append(pages, p); return nil }); err != nil {
		t.Fatal(err)
	}
	return pages
}

func TestDirWalk(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "b/page.html", []byte("<p>b</p>"))
	writeTree(t, root, "a/z.txt", []byte("text"))
	writeTree(t, root, "a/y.HTM", []byte("<p>y</p>"))
	writeTree(t, root, "a/x.html.gz", gzipped("<p>gz</p>"))
	writeTree(t, root, "a/broken.html.gz", gzipped("<p>gz</p>")[:12])
	writeTree(t, root, "notes.md", []byte("# no"))
	writeTree(t, root, "big.html", bytes.Repeat([]byte("x"), 101))
	if err := os.Symlink(root, filepath.Join(root, "b", "loop")); err != nil {
		t.Fatal(err)
	}
	pages := walkDir(t, &Dir{Root: root, MaxBytes: 100})
	var got []string
	for _, p := range pages {
		s := p.Source + ":" + p.Kind
		switch {
		case errors.Is(p.Err, rinse.ErrSkipped):
			s = p.Source + ":skipped"
		case p.Err != nil:
			s = p.Source + ":" + rinse.Reason(p.Err)
		}
		got = append(got, s)
	}
	want := "a/broken.html.gz:read-error a/x.html.gz:html a/y.HTM:html a/z.txt:text b/loop:skipped b/page.html:html big.html:too-large notes.md:skipped"
	if strings.Join(got, " ") != want {
		t.Errorf("walk =\n %s\nwant\n %s", strings.Join(got, " "), want)
	}
	if string(pages[1].Body) != "<p>gz</p>" {
		t.Errorf("gz body = %q", pages[1].Body)
	}
}

func TestDirSingleFileAndMissingRoot(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "one.txt", []byte("hello"))
	pages := walkDir(t, &Dir{Root: filepath.Join(root, "one.txt")})
	if len(pages) != 1 || pages[0].Source != "one.txt" || string(pages[0].Body) != "hello" {
		t.Errorf("single file: %+v", pages)
	}
	err := (&Dir{Root: filepath.Join(root, "nope")}).Walk(context.Background(), func(*rinse.Page) error { return nil })
	if err == nil {
		t.Error("a missing input root must fail the run")
	}
}

// TestDirSizeHintIsOnlyAHint: the size a gzip trailer records sets
// the first buffer, never what is read: several members, a trailer that
// lies, a file over the limit all read as without the hint.
func TestDirSizeHintIsOnlyAHint(t *testing.T) {
	root := t.TempDir()
	page := "<p>" + strings.Repeat("harbour ferry fares ", 200) + "</p>"
	twoMembers := append(gzipped(page[:1000]), gzipped(page[1000:])...)
	lying := gzipped(page)
	copy(lying[len(lying)-4:], []byte{1, 0, 0, 0}) // ISIZE says 1 byte: gzip's own check rejects it
	writeTree(t, root, "a-two-members.html.gz", twoMembers)
	writeTree(t, root, "b-lying.html.gz", lying)
	writeTree(t, root, "c-plain.html", []byte(page))
	writeTree(t, root, "d-big.html.gz", gzipped(page+page))
	pages := walkDir(t, &Dir{Root: root, MaxBytes: int64(len(page)) + 10})
	if len(pages) != 4 {
		t.Fatalf("got %d pages", len(pages))
	}
	if string(pages[0].Body) != page || pages[0].Err != nil {
		t.Errorf("two gzip members: %d bytes, err %v", len(pages[0].Body), pages[0].Err)
	}
	if !errors.Is(pages[1].Err, rinse.ErrRead) {
		t.Errorf("lying trailer: err %v, want a read error", pages[1].Err)
	}
	if string(pages[2].Body) != page {
		t.Errorf("plain file: %d bytes", len(pages[2].Body))
	}
	if !errors.Is(pages[3].Err, rinse.ErrTooLarge) {
		t.Errorf("over the limit: err %v", pages[3].Err)
	}
}
