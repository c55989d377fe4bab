//go:build unix

package source

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

// outcomes renders a walk as "source:result" strings, results being a
// page's kind, a skip or failure reason.
func outcomes(pages []*rinse.Page) []string {
	var got []string
	for _, p := range pages {
		s := p.Source + ":" + p.Kind
		if p.Err != nil {
			s = p.Source + ":" + rinse.Reason(p.Err)
		}
		got = append(got, s)
	}
	return got
}

// linkedTree is an input root with links into it, out of it and around
// it, beside a directory outside that must never be read.
func linkedTree(t *testing.T) (root, outside string) {
	t.Helper()
	base := t.TempDir()
	root, outside = filepath.Join(base, "in"), filepath.Join(base, "out")
	writeTree(t, outside, "secret.html", []byte("<p>outside the input</p>"))
	writeTree(t, outside, "sub/deep.html", []byte("<p>outside, deeper</p>"))
	writeTree(t, root, "a/page.html", []byte("<p>inside</p>"))
	for link, target := range map[string]string{
		"abs-file.html":  filepath.Join(outside, "secret.html"),
		"abs-dir":        outside,
		"up-file.html":   "../out/secret.html",
		"up-dir":         "../out/sub",
		"in-file.html":   "a/page.html",
		"in-dir":         "a",
		"dangling.html":  "nothing-here.html",
		"a/loop":         "..",
		"passwd.html":    "/etc/passwd",
		"a/self-up.html": "../../out/secret.html",
	} {
		if err := os.Symlink(target, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	return root, outside
}

// TestDirSymlinks: by default no link is followed; with FollowSymlinks
// only links that stay inside the input root are, and nothing outside it
// is read either way.
func TestDirSymlinks(t *testing.T) {
	root, _ := linkedTree(t)
	for _, follow := range []bool{false, true} {
		pages := walkDir(t, &Dir{Root: root, FollowSymlinks: follow})
		for _, p := range pages {
			if strings.Contains(string(p.Body), "outside") || strings.Contains(string(p.Body), "root:") {
				t.Errorf("follow %v: %s read from outside the input: %q", follow, p.Source, p.Body)
			}
		}
		got := strings.Join(outcomes(pages), " ")
		want := "a/loop:symlink a/page.html:html a/self-up.html:symlink abs-dir:symlink abs-file.html:symlink " +
			"dangling.html:symlink in-dir:symlink in-file.html:symlink passwd.html:symlink up-dir:symlink up-file.html:symlink"
		if follow {
			// a/loop leads back to the root, already being walked; in-dir
			// to a/, walked already: neither is entered twice.
			want = "a/loop:seen-directory a/page.html:html a/self-up.html:bad-symlink abs-dir:bad-symlink abs-file.html:bad-symlink " +
				"dangling.html:bad-symlink in-dir:seen-directory in-file.html:html passwd.html:bad-symlink up-dir:bad-symlink up-file.html:bad-symlink"
		}
		if got != want {
			t.Errorf("follow %v: walk =\n %s\nwant\n %s", follow, got, want)
		}
	}
}

// TestDirSpecialFiles: a FIFO, a socket and a device named like pages are
// skipped without being opened for reading; the walk does not block.
func TestDirSpecialFiles(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "good.html", []byte("<p>good</p>"))
	if err := syscall.Mkfifo(filepath.Join(root, "fifo.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(root, "sock.html")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("unix socket: %v", err)
	}
	defer l.Close()
	if err := os.Symlink("/dev/zero", filepath.Join(root, "zero.html")); err != nil {
		t.Fatal(err)
	}
	done := make(chan []*rinse.Page, 1)
	go func() {
		var pages []*rinse.Page
		_ = (&Dir{Root: root, FollowSymlinks: true}).Walk(context.Background(), collect(&pages))
		done <- pages
	}()
	select {
	case pages := <-done:
		got := strings.Join(outcomes(pages), " ")
		if want := "fifo.html:not-regular good.html:html sock.html:not-regular zero.html:bad-symlink"; got != want {
			t.Errorf("walk =\n %s\nwant\n %s", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the walk blocked on a special file")
	}

	// The input itself a FIFO: skipped, not waited on.
	single := make(chan []*rinse.Page, 1)
	go func() {
		var pages []*rinse.Page
		_ = (&Dir{Root: filepath.Join(root, "fifo.html")}).Walk(context.Background(), collect(&pages))
		single <- pages
	}()
	select {
	case pages := <-single:
		if len(pages) != 1 || !errors.Is(pages[0].Err, rinse.ErrSkipped) || rinse.Reason(pages[0].Err) != "not-regular" {
			t.Errorf("FIFO input: %v", outcomes(pages))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO input blocked the walk")
	}
}
