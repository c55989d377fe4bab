package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

// rawRecord writes a response record by hand, declaring length bytes of
// block (the real length when length < 0).
func rawRecord(id, body string, length int) string {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
	if length < 0 {
		length = len(block)
	}
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: https://ledger.example/%s\r\n"+
		"WARC-Date: 2024-02-13T18:45:00Z\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		id, id, length, block)
}

func page(id string) string {
	return "<html><body><p>Page " + id + " of the ledger.</p></body></html>"
}

// gzipMembers gzips each part as its own member, as .warc.gz files are.
func gzipMembers(parts ...string) []byte {
	var out bytes.Buffer
	for _, p := range parts {
		gz := gzip.NewWriter(&out)
		gz.Write([]byte(p))
		gz.Close()
	}
	return out.Bytes()
}

// framed walks data and renders each yielded input as "id:reason".
func framed(t *testing.T, data []byte, maxBytes int64) []string {
	t.Helper()
	var got []string
	err := WARCReader{MaxBytes: maxBytes}.Walk(context.Background(), bytes.NewReader(data), "a.warc", func(p *rinse.Page) error {
		id := p.Source[strings.LastIndex(p.Source, ":")+1:]
		if p.Err != nil {
			got = append(got, id+":"+rinse.Reason(p.Err))
		} else {
			got = append(got, id+":ok")
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walk: %v", err)
	}
	return got
}

// TestWARCLengths: a record whose Content-Length is wrong is quarantined
// with its reason, never read as a truncated page nor swallowing the next
// record; every record is counted once, in plain, per-record gzip and
// whole-file gzip archives.
func TestWARCLengths(t *testing.T) {
	one, two := rawRecord("one", page("1"), -1), rawRecord("two", page("2"), -1)
	short := rawRecord("short", page("s"), 20)  // ends inside the block
	long := rawRecord("long", page("l"), 400)   // swallows the next record
	huge := rawRecord("huge", page("h"), 2<<30) // 2 GiB: past the end
	lies := rawRecord("lies", page("x"), 5<<30) // 5 GiB
	big := rawRecord("big", strings.Repeat("big ", 2000), -1)
	cases := []struct {
		name  string
		parts []string
		want  string
	}{
		{"good", []string{one, two}, "one:ok two:ok"},
		{"too short", []string{one, short, two}, "one:ok short:bad-length two:ok"},
		{"too long", []string{one, long, two}, "one:ok long:bad-length two:ok"},
		{"2 GiB", []string{one, huge, two}, "one:ok huge:bad-length two:ok"},
		{"5 GiB last", []string{one, lies}, "one:ok lies:bad-length"},
		{"over the cap", []string{one, big, two}, "one:ok big:too-large two:ok"},
		{"garbage", []string{one, "not a record at all\r\n", two}, "one:ok 0:bad-record two:ok"},
		{"no length", []string{strings.Replace(one, "Content-Length", "Content-Lenth", 1), two}, "one:bad-length two:ok"},
		{"huge header", []string{strings.Replace(one, "WARC-Date", "X-Pad: "+strings.Repeat("p", 70<<10)+"\r\nWARC-Date", 1), two}, "0:bad-header two:ok"},
	}
	for _, c := range cases {
		for _, layout := range []string{"plain", "per-record gzip", "whole gzip"} {
			t.Run(c.name+"/"+layout, func(t *testing.T) {
				var data []byte
				switch layout {
				case "plain":
					data = []byte(strings.Join(c.parts, ""))
				case "per-record gzip":
					data = gzipMembers(c.parts...)
				default:
					data = gzipMembers(strings.Join(c.parts, ""))
				}
				got := framed(t, data, 4096)
				for i, g := range got {
					if strings.HasSuffix(g, "bad-record") || strings.HasSuffix(g, "bad-header") {
						got[i] = "0" + g[strings.Index(g, ":"):]
					}
				}
				if strings.Join(got, " ") != c.want {
					t.Errorf("got %v, want %s", got, c.want)
				}
			})
		}
	}
}

// TestWARCNoSpill: a .warc.gz record declaring 5 GiB of block, and one
// holding 64 MiB of zeros, write nothing to the temporary directory and
// are not held in memory.
func TestWARCNoSpill(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var zeros bytes.Buffer
	gz := gzip.NewWriter(&zeros)
	head := "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bomb>\r\nContent-Type: text/html\r\nContent-Length: 67108864\r\n\r\n"
	gz.Write([]byte(head))
	chunk := make([]byte, 1<<20)
	for range 64 {
		gz.Write(chunk)
	}
	gz.Write([]byte("\r\n\r\n"))
	gz.Close()
	data := append(zeros.Bytes(), gzipMembers(rawRecord("lies", page("x"), 5<<30), rawRecord("after", page("a"), -1))...)
	got := framed(t, data, 1<<20)
	if strings.Join(got, " ") != "bomb:too-large lies:bad-length after:ok" {
		t.Errorf("got %v", got)
	}
	entries, _ := os.ReadDir(tmp)
	if len(entries) != 0 {
		t.Errorf("%d files written to the temporary directory", len(entries))
	}
}

// TestWARCNotSeekable: without a way back, a record swallowed by a wrong
// length past the cap is lost, but said to be.
func TestWARCNotSeekable(t *testing.T) {
	data := rawRecord("huge", page("h"), 2<<30) + rawRecord("two", page("2"), -1)
	var pages []*rinse.Page
	err := WARCReader{MaxBytes: 4096}.Walk(context.Background(), onlyReader{strings.NewReader(data)}, "a.warc", collect(&pages))
	if err != nil || len(pages) != 1 || rinse.Reason(pages[0].Err) != "bad-length" || !errors.Is(pages[0].Err, rinse.ErrParse) {
		t.Fatalf("err %v, pages %v", err, pages)
	}
}

type onlyReader struct{ r *strings.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// TestWARCStartAcrossChunks: a record swallowed by a wrong length past the
// cap is found wherever its first line falls against the chunks the
// length is read past in.
func TestWARCStartAcrossChunks(t *testing.T) {
	head := len("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
	for at := warcChunk - 12; at <= warcChunk+12; at++ {
		// The next record starts at `at` bytes into the huge record's
		// block: after the block and its blank line.
		body := strings.Repeat("x", at-head-4)
		data := rawRecord("huge", body, 2<<30) + rawRecord("two", page("2"), -1)
		if got := strings.Join(framed(t, []byte(data), 4096), " "); got != "huge:bad-length two:ok" {
			t.Errorf("record at %d: got %s", at, got)
		}
	}
}

// TestWARCRewindCap: an archive of records that each swallow the next with
// a length past the cap is read again only so often, then given up as a
// whole (the caller quarantines it) rather than read quadratically.
func TestWARCRewindCap(t *testing.T) {
	var parts []string
	for i := range warcMaxRewinds + 3 {
		parts = append(parts, rawRecord(fmt.Sprint("lie", i), page("x"), 2<<30))
	}
	var pages []*rinse.Page
	err := WARCReader{MaxBytes: 4096}.Walk(context.Background(), strings.NewReader(strings.Join(parts, "")), "a.warc", collect(&pages))
	if !errors.Is(err, rinse.ErrRead) {
		t.Fatalf("walk error %v, want a read error", err)
	}
	if len(pages) != warcMaxRewinds {
		t.Fatalf("%d records quarantined before giving up, want %d", len(pages), warcMaxRewinds)
	}
	for _, p := range pages {
		if rinse.Reason(p.Err) != "bad-length" {
			t.Errorf("%s: %v", p.Source, p.Err)
		}
	}
}
