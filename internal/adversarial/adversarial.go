package adversarial

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"

	"github.com/rinse-etl/rinse/internal/genpages"
)

// Outcome is what a run must make of one input.
type Outcome struct {
	// Table is "documents", "quarantine" or "skipped".
	Table string
	// Reason is the quarantine or skip reason; empty for documents.
	Reason string
}

var (
	document = Outcome{Table: "documents"}
	skip     = func(reason string) Outcome { return Outcome{"skipped", reason} }
	quar     = func(reason string) Outcome { return Outcome{"quarantine", reason} }
)

// Set is a generated input folder and the outcome due for each of its
// inputs, by Source as rinse names it (a path relative to Input, or
// archive#record-id for a WARC record).
type Set struct {
	Input   string
	Outside string // files that links point at and that must never be read
	Want    map[string]Outcome
}

// Secret is the text of every file outside the input: a row holding it
// means something outside was read.
const Secret = "outside-the-input-secret"

// Accents is UTF-8 text beside three invalid bytes in a page declared
// UTF-8: it must come out as it is, not read as windows-1252.
const Accents = "café crème, naïve façade in Zürich"

// Write generates the suite under dir (dir/in and dir/outside). Cases the
// platform cannot make (a FIFO off Unix) are left out of Want.
func Write(dir string) (*Set, error) {
	s := &Set{Input: filepath.Join(dir, "in"), Outside: filepath.Join(dir, "outside"), Want: map[string]Outcome{}}
	for _, d := range []string{s.Input, filepath.Join(s.Outside, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	steps := []func(*Set) error{goodPages, links, specialFiles, bombs, badFiles, warcLengths, warcHuge, warcTruncated}
	for _, step := range steps {
		if err := step(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// file writes one input and notes its outcome.
func (s *Set) file(rel string, data []byte, want Outcome) error {
	p := filepath.Join(s.Input, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if want.Table != "" { // an archive is no input of its own: its records are
		s.Want[rel] = want
	}
	return os.WriteFile(p, data, 0o644)
}

// good is a realistic article page, distinct for each i.
func good(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 15))
	return genpages.Page(r, genpages.SiteName(i, 0), i)
}

func goodPages(s *Set) error {
	for i := range 4 {
		if err := s.file(fmt.Sprintf("good/page-%d.html", i), []byte(good(i)), document); err != nil {
			return err
		}
	}
	return nil
}

// links point at a file and a directory outside the input, at a system
// file, and at a page inside: by default none is followed.
func links(s *Set) error {
	secret := []byte("<html><body><p>" + Secret + "</p></body></html>")
	for _, f := range []string{"secret.html", "sub/deep.html"} {
		if err := os.WriteFile(filepath.Join(s.Outside, f), secret, 0o644); err != nil {
			return err
		}
	}
	for link, target := range map[string]string{
		"link-file.html":   filepath.Join(s.Outside, "secret.html"),
		"link-dir":         s.Outside,
		"link-up.html":     "../outside/secret.html",
		"link-passwd.html": "/etc/passwd",
		"link-inside.html": "good/page-0.html",
	} {
		if err := os.Symlink(target, filepath.Join(s.Input, link)); err != nil {
			return err
		}
		s.Want[link] = skip("symlink")
	}
	return nil
}

// bombs are pages under the size cap that cost far more to parse than
// their size: 7 MB of unclosed paragraphs, and nesting 200,000 deep.
func bombs(s *Set) error {
	if err := s.file("bomb/p-w.html", DOMBomb(7<<20), quar("too-complex")); err != nil {
		return err
	}
	deep := strings.Repeat("<div>", 200_000) + "deep" + strings.Repeat("</div>", 200_000)
	return s.file("bomb/deep.html", []byte(deep), quar("too-complex"))
}

// DOMBomb is n bytes of "<p>w ": every five bytes one more element.
func DOMBomb(n int) []byte {
	return bytes.Repeat([]byte("<p>w "), n/5)
}

// badFiles are unreadable, empty, oversized or mislabelled pages.
func badFiles(s *Set) error {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff, 0xfe}, 4000)...)
	zeros, err := gz(make([]byte, 64<<20)) // 64 MiB of zeros in ~64 KB
	if err != nil {
		return err
	}
	invalid := strings.Replace(good(7), "Report 7", "Report \xff\xfe\xfd 7 "+Accents, 1)
	cases := []struct {
		rel  string
		data []byte
		want Outcome
	}{
		{"bad/binary.html", png, quar("binary")},
		{"bad/empty.html", nil, quar("empty")},
		{"bad/huge.html", bytes.Repeat([]byte("<p>"+good(8)+"</p>"), 9<<20/len(good(8))), quar("too-large")},
		{"bad/zeros.html.gz", zeros, quar("too-large")},
		{"bad/invalid-utf8.html", []byte(invalid), document},
		{"bad/notes.pdf", []byte("%PDF-1.4"), skip("skipped")},
	}
	for _, c := range cases {
		if err := s.file(c.rel, c.data, c.want); err != nil {
			return err
		}
	}
	return nil
}

func gz(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	err := w.Close()
	return out.Bytes(), err
}
