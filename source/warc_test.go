package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/rinse-etl/rinse"
)

// testRecord describes one record the tests write with gowarc's builder.
type testRecord struct {
	typ   gowarc.RecordType
	id    string
	uri   string
	ctype string // WARC Content-Type
	block string
}

var warcDate = time.Date(2024, 2, 13, 18, 45, 0, 0, time.UTC)

// buildWARC marshals records with gowarc; perRecordGzip wraps each record
// in its own gzip member (the usual .warc.gz layout), wholeGzip gzips the
// whole stream once, neither leaves it plain.
func buildWARC(t testing.TB, recs []testRecord, perRecordGzip, wholeGzip bool) []byte {
	t.Helper()
	var out bytes.Buffer
	m := gowarc.NewMarshaler()
	whole := gzip.NewWriter(&out)
	for _, r := range recs {
		b := gowarc.NewRecordBuilder(r.typ, gowarc.WithAddMissingDigest(true))
		b.AddWarcHeader(gowarc.WarcRecordID, "<"+r.id+">")
		b.AddWarcHeaderTime(gowarc.WarcDate, warcDate)
		if r.uri != "" {
			b.AddWarcHeader(gowarc.WarcTargetURI, r.uri)
		}
		b.AddWarcHeader(gowarc.ContentType, r.ctype)
		if _, err := b.WriteString(r.block); err != nil {
			t.Fatal(err)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case wholeGzip:
			_, _, err = m.Marshal(whole, rec, 0)
		case perRecordGzip:
			gz := gzip.NewWriter(&out)
			_, _, err = m.Marshal(gz, rec, 0)
			if err == nil {
				err = gz.Close()
			}
		default:
			_, _, err = m.Marshal(&out, rec, 0)
		}
		if err != nil {
			t.Fatal(err)
		}
		rec.Close()
	}
	if wholeGzip {
		if err := whole.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes()
}

func httpResponse(status, headers, body string) string {
	return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body
}

func gzipString(t testing.TB, s string) string {
	var b bytes.Buffer
	gz := gzip.NewWriter(&b)
	gz.Write([]byte(s))
	gz.Close()
	return b.String()
}

func readArticle(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("testdata", "warc", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sampleRecords is a small crawl: warcinfo, a request/response pair, a raw
// chunked+gzip response as Heritrix stores it, an image, a redirect and a
// resource record.
func sampleRecords(t testing.TB) []testRecord {
	article := readArticle(t)
	const second = "<html><head><title>Tide tables</title></head><body><p>High water 06:12.</p></body></html>"
	gz := gzipString(t, second)
	chunked := "10\r\n" + gz[:16] + "\r\n" + strconv.FormatInt(int64(len(gz)-16), 16) + "\r\n" + gz[16:] + "\r\n0\r\n\r\n"
	return []testRecord{
		{gowarc.Warcinfo, "urn:uuid:00000000-0000-0000-0000-000000000001", "", "application/warc-fields", "software: rinse-test\r\n"},
		{gowarc.Request, "urn:uuid:00000000-0000-0000-0000-000000000002", "https://ledger.example/news/2024/02/ferry-timetable", "application/http;msgtype=request",
			"GET /news/2024/02/ferry-timetable HTTP/1.1\r\nHost: ledger.example\r\n\r\n"},
		{gowarc.Response, "urn:uuid:00000000-0000-0000-0000-000000000003", "https://ledger.example/news/2024/02/ferry-timetable", "application/http;msgtype=response",
			httpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\nContent-Length: "+strconv.Itoa(len(article))+"\r\n", article)},
		{gowarc.Response, "urn:uuid:00000000-0000-0000-0000-000000000004", "https://ledger.example/tides", "application/http;msgtype=response",
			httpResponse("200 OK", "Content-Type: text/html; charset=ISO-8859-1\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked)},
		{gowarc.Response, "urn:uuid:00000000-0000-0000-0000-000000000005", "https://ledger.example/logo.png", "application/http;msgtype=response",
			httpResponse("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n")},
		{gowarc.Response, "urn:uuid:00000000-0000-0000-0000-000000000006", "https://ledger.example/old", "application/http;msgtype=response",
			httpResponse("301 Moved Permanently", "Location: /news\r\nContent-Type: text/html\r\n", "<a href=/news>moved</a>")},
		{gowarc.Resource, "urn:uuid:00000000-0000-0000-0000-000000000007", "https://ledger.example/about", "text/html; charset=windows-1252",
			"<html><body><p>About the Ledger</p></body></html>"},
	}
}

func TestWARCReader(t *testing.T) {
	article := readArticle(t)
	layouts := []struct {
		name                string
		perRecord, wholeGzp bool
	}{
		{"per-record-gzip", true, false},
		{"whole-file-gzip", false, true},
		{"plain", false, false},
	}
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			data := buildWARC(t, sampleRecords(t), l.perRecord, l.wholeGzp)
			pages := walkAll(t, data, "crawl.warc.gz")
			if len(pages) != 7 {
				t.Fatalf("got %d pages, want 7", len(pages))
			}
			wantSkip := map[int]string{0: "warc-warcinfo", 1: "warc-request", 4: "not-html", 5: "http-301"}
			for i, reason := range wantSkip {
				if !errors.Is(pages[i].Err, rinse.ErrSkipped) || rinse.Reason(pages[i].Err) != reason {
					t.Errorf("page %d: Err = %v (reason %q), want skipped %q", i, pages[i].Err, rinse.Reason(pages[i].Err), reason)
				}
				if pages[i].Source == "" {
					t.Errorf("page %d: skipped page without Source", i)
				}
			}

			p := pages[2]
			if p.Err != nil {
				t.Fatalf("article: %v", p.Err)
			}
			if p.URL != "https://ledger.example/news/2024/02/ferry-timetable" || p.Kind != rinse.KindHTML || p.HTTPStatus != 200 {
				t.Errorf("article: URL %q Kind %q status %d", p.URL, p.Kind, p.HTTPStatus)
			}
			if p.Source != "crawl.warc.gz#urn:uuid:00000000-0000-0000-0000-000000000003" {
				t.Errorf("article Source = %q", p.Source)
			}
			if !p.FetchedAt.Equal(warcDate) {
				t.Errorf("FetchedAt = %v, want %v", p.FetchedAt, warcDate)
			}
			if got := p.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", got)
			}
			if string(p.Body) != article {
				t.Errorf("article body differs from the HTML written (%d vs %d bytes)", len(p.Body), len(article))
			}

			tides := pages[3]
			if tides.Err != nil || !strings.Contains(string(tides.Body), "High water 06:12.") {
				t.Errorf("chunked+gzip page: err %v body %q", tides.Err, tides.Body)
			}
			if tides.Header.Get("Content-Encoding") != "" || tides.Header.Get("Transfer-Encoding") != "" {
				t.Errorf("decoded page keeps encodings: %v", tides.Header)
			}
			if !strings.Contains(tides.Header.Get("Content-Type"), "ISO-8859-1") {
				t.Errorf("charset lost: %v", tides.Header)
			}

			res := pages[6]
			if res.Err != nil || res.Header.Get("Content-Type") != "text/html; charset=windows-1252" || !strings.Contains(string(res.Body), "About the Ledger") {
				t.Errorf("resource page: err %v header %v body %q", res.Err, res.Header, res.Body)
			}
		})
	}
}

// TestWARCBodyMatchesFile checks a page read from an archive carries the
// same bytes as the file it was captured from, so a directory run and a
// WARC run of the same page extract the same text.
func TestWARCBodyMatchesFile(t *testing.T) {
	direct := &rinse.Page{Source: "article.html", Body: []byte(readArticle(t)), Kind: rinse.KindHTML}
	data := buildWARC(t, sampleRecords(t)[2:3], true, false)
	pages := walkAll(t, data, "a.warc.gz")
	if len(pages) != 1 || pages[0].Err != nil {
		t.Fatalf("pages = %v", pages)
	}
	if !bytes.Equal(pages[0].Body, direct.Body) || pages[0].Kind != direct.Kind {
		t.Errorf("WARC body (%d bytes) != direct body (%d bytes)", len(pages[0].Body), len(direct.Body))
	}
}

func TestWARCTooLarge(t *testing.T) {
	data := buildWARC(t, sampleRecords(t)[2:3], true, false)
	var pages []*rinse.Page
	err := WARCReader{MaxBytes: 100}.Walk(context.Background(), bytes.NewReader(data), "big.warc.gz", collect(&pages))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || !errors.Is(pages[0].Err, rinse.ErrTooLarge) || pages[0].Body != nil {
		t.Fatalf("want one too-large page, got %+v", pages)
	}
}

func TestWARCMalformedRecordResyncs(t *testing.T) {
	recs := sampleRecords(t)
	good := buildWARC(t, recs[2:3], false, false)
	// An HTTP block too short to hold a status line: gowarc rejects it.
	broken := "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"
	data := append([]byte(broken), good...)
	pages := walkAll(t, data, "bad.warc")
	var ok, bad int
	for _, p := range pages {
		switch {
		case p.Err == nil:
			ok++
		case errors.Is(p.Err, rinse.ErrParse):
			bad++
		}
	}
	if ok != 1 || bad < 1 {
		for _, p := range pages {
			t.Logf("%s: %v", p.Source, p.Err)
		}
		t.Fatalf("want the good record after the broken one (ok=%d bad=%d)", ok, bad)
	}
}

func TestWARCTruncatedGzip(t *testing.T) {
	data := buildWARC(t, sampleRecords(t), true, false)
	var pages []*rinse.Page
	err := WARCReader{}.Walk(context.Background(), bytes.NewReader(data[:len(data)-40]), "cut.warc.gz", collect(&pages))
	if !errors.Is(err, rinse.ErrRead) {
		t.Fatalf("err = %v, want ErrRead", err)
	}
	if len(pages) < 5 {
		t.Errorf("records before the cut were lost: %d pages", len(pages))
	}
}

// TestWARCArchivesFile: an archive found in a tree is read whole; one
// that breaks off is one quarantined input after its records, not a
// failed walk.
func TestWARCArchivesFile(t *testing.T) {
	data := buildWARC(t, sampleRecords(t), true, false)
	dir := t.TempDir()
	read := WARCArchives(0)
	walk := func(name string, data []byte) []*rinse.Page {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var pages []*rinse.Page
		if err := read(context.Background(), f, "in/"+name, collect(&pages)); err != nil {
			t.Fatal(err)
		}
		return pages
	}
	pages := walk("crawl.warc.gz", data)
	if len(pages) != 7 || !strings.HasPrefix(pages[2].Source, "in/crawl.warc.gz#urn:uuid:") {
		t.Fatalf("got %d pages, source %q", len(pages), pages[2].Source)
	}
	pages = walk("cut.warc.gz", data[:len(data)-40])
	last := pages[len(pages)-1]
	if last.Source != "in/cut.warc.gz" || !errors.Is(last.Err, rinse.ErrRead) {
		t.Errorf("cut archive: %d pages, last %+v", len(pages), last)
	}
}

func TestWARCYieldErrorStops(t *testing.T) {
	data := buildWARC(t, sampleRecords(t), true, false)
	stop := errors.New("stop")
	n := 0
	err := WARCReader{}.Walk(context.Background(), bytes.NewReader(data), "x", func(*rinse.Page) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("err %v after %d yields", err, n)
	}
}

func TestArchiverRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	a := NewArchiver(&buf)
	in := &rinse.Page{
		URL: "https://ledger.example/news/2024/02/ferry-timetable", Body: []byte(readArticle(t)),
		Header:    map[string][]string{"Content-Type": {"text/html; charset=utf-8"}, "Content-Encoding": {"gzip"}},
		FetchedAt: warcDate, HTTPStatus: 200,
	}
	for range 2 {
		if err := a.WritePage(in); err != nil {
			t.Fatal(err)
		}
	}
	pages := walkAll(t, buf.Bytes(), "out.warc.gz")
	if len(pages) != 2 || pages[0].Source == pages[1].Source {
		t.Fatalf("want 2 distinct records, got %d", len(pages))
	}
	p := pages[1]
	if p.Err != nil || !bytes.Equal(p.Body, in.Body) || p.URL != in.URL || !p.FetchedAt.Equal(warcDate) || p.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("round trip: err %v url %q at %v header %v", p.Err, p.URL, p.FetchedAt, p.Header)
	}
}

func walkAll(t testing.TB, data []byte, name string) []*rinse.Page {
	t.Helper()
	var pages []*rinse.Page
	if err := (WARCReader{}).Walk(context.Background(), bytes.NewReader(data), name, collect(&pages)); err != nil {
		t.Fatal(err)
	}
	return pages
}

func collect(pages *[]*rinse.Page) func(*rinse.Page) error {
	return func(p *rinse.Page) error { *pages = append(*pages, p); return nil }
}

// BenchmarkWARCReader reads a 500-record .warc.gz (request/response pairs of
// a real-sized article) and reports decompressed archive bytes per second.
func BenchmarkWARCReader(b *testing.B) {
	article := readArticle(b)
	var recs []testRecord
	for i := range 250 {
		uri := "https://ledger.example/news/" + strconv.Itoa(i)
		recs = append(recs,
			testRecord{gowarc.Request, "urn:uuid:req-" + strconv.Itoa(i), uri, "application/http;msgtype=request", "GET / HTTP/1.1\r\nHost: ledger.example\r\n\r\n"},
			testRecord{gowarc.Response, "urn:uuid:resp-" + strconv.Itoa(i), uri, "application/http;msgtype=response",
				httpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\n", article)})
	}
	data := buildWARC(b, recs, true, false)
	plain := buildWARC(b, recs, false, false)
	b.SetBytes(int64(len(plain)))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		err := WARCReader{}.Walk(context.Background(), bytes.NewReader(data), "bench.warc.gz", func(p *rinse.Page) error {
			if p.Err == nil {
				n++
			}
			return nil
		})
		if err != nil || n != 250 {
			b.Fatalf("%d pages, %v", n, err)
		}
	}
}
