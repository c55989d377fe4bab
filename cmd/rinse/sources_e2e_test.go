package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/source"
)

// readTable reads the named columns of every Parquet file under dir with
// arrow's reader, one map per row, values rendered as strings.
func readTable(t *testing.T, dir string, cols ...string) []map[string]string {
	t.Helper()
	var rows []map[string]string
	eachParquet(t, dir, func(rec arrow.RecordBatch) {
		for i := 0; i < int(rec.NumRows()); i++ {
			row := map[string]string{}
			for _, c := range cols {
				idx := rec.Schema().FieldIndices(c)
				if len(idx) == 0 {
					t.Fatalf("no column %s", c)
				}
				row[c] = valueString(rec.Column(idx[0]), i)
			}
			rows = append(rows, row)
		}
	})
	return rows
}

func valueString(a arrow.Array, i int) string {
	if a.IsNull(i) {
		return "<null>"
	}
	return a.ValueStr(i)
}

// htmlDocuments lists the HTML fixtures expected to become documents.
func htmlDocuments(t *testing.T) []string {
	var out []string
	for src, e := range loadExpectations(t) {
		if e.Outcome == "document" && strings.HasSuffix(src, ".html") {
			out = append(out, src)
		}
	}
	slices.Sort(out)
	return out
}

// TestWARCMatchesHTMLFiles writes the HTML fixtures into a WARC.gz with a
// real WARC writer, runs both through the CLI and expects the same rows.
func TestWARCMatchesHTMLFiles(t *testing.T) {
	tmp := t.TempDir()
	htmlDir, warcDir := filepath.Join(tmp, "html"), filepath.Join(tmp, "warc")
	os.MkdirAll(warcDir, 0o755)
	f, err := os.Create(filepath.Join(warcDir, "crawl.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	arch := source.NewArchiver(f)
	urlOf := map[string]string{}
	for _, src := range htmlDocuments(t) {
		body, err := os.ReadFile(filepath.Join("../../testdata/pages", src))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(htmlDir, src)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		os.WriteFile(dst, body, 0o644)
		u := "https://archive.example/" + src
		urlOf[u] = src
		err = arch.WritePage(&rinse.Page{URL: u, Body: body, HTTPStatus: 200, FetchedAt: time.Date(2026, 11, 2, 3, 4, 5, 0, time.UTC),
			Header: http.Header{"Content-Type": {"text/html"}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	f.Close()
	for _, in := range []string{htmlDir, warcDir} {
		if code, _, stderr := runCLI(t, nil, "run", "--input", in, "--output", in+".out", "--progress", "never", "--log-level", "warn"); code != 0 {
			t.Fatalf("run on %s exited %d: %s", in, code, stderr)
		}
	}
	cols := []string{"source", "url", "title", "author", "text", "categories", "tags", "language", "published_at", "dates", "entities", "http_status", "fetched_at"}
	fromHTML := map[string]map[string]string{}
	for _, r := range readTable(t, htmlDir+".out/documents", cols...) {
		fromHTML[r["source"]] = r
	}
	fromWARC := readTable(t, warcDir+".out/documents", cols...)
	if len(fromWARC) != len(fromHTML) || len(fromHTML) != len(urlOf) {
		t.Fatalf("%d rows from WARC, %d from files, %d pages", len(fromWARC), len(fromHTML), len(urlOf))
	}
	for _, w := range fromWARC {
		src := strings.TrimPrefix(w["url"], "https://archive.example/")
		h, ok := fromHTML[src]
		if !ok { // the page's canonical URL won over the archived one
			for _, r := range fromHTML {
				if r["url"] == w["url"] {
					h, ok = r, true
				}
			}
		}
		if !ok {
			t.Errorf("WARC row %s (%s) has no file twin", w["source"], w["url"])
			continue
		}
		if !strings.HasPrefix(w["source"], "crawl.warc.gz#") {
			t.Errorf("WARC source = %q, want archive#record", w["source"])
		}
		if w["http_status"] != "200" || !strings.HasPrefix(w["fetched_at"], "2026-11-02") {
			t.Errorf("WARC row %s: http_status %s fetched_at %s", w["url"], w["http_status"], w["fetched_at"])
		}
		for _, c := range []string{"title", "author", "text", "categories", "tags", "language", "published_at", "dates", "entities"} {
			if w[c] != h[c] {
				t.Errorf("%s: %s differs:\n warc %.200q\n file %.200q", src, c, w[c], h[c])
			}
		}
	}
}

// TestFetchURLs fetches from a local server through the CLI: robots.txt,
// a 404 and a non-HTML type are quarantined with their reasons, the rest
// become rows with fetch time and status, and --archive records what was
// fetched so that a run over the archive gives the same text.
func TestFetchURLs(t *testing.T) {
	article, err := os.ReadFile("../../testdata/pages/news/valleyobserver.com/community/library-reopens-after-flood.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	var conditional atomic.Int32
	mux.HandleFunc("/news/a.html", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"v1"`)
		w.Write(article)
	})
	mux.HandleFunc("/private/b.html", func(w http.ResponseWriter, _ *http.Request) { w.Write(article) })
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tmp := t.TempDir()
	urls := filepath.Join(tmp, "urls.txt")
	list := []string{"/news/a.html", "/private/b.html", "/missing.html", "/logo.png"}
	var lines []string
	for _, p := range list {
		lines = append(lines, srv.URL+p)
	}
	os.WriteFile(urls, []byte("# pages to fetch\n"+strings.Join(lines, "\n")+"\n"), 0o644)
	env := []string{"RINSE_FETCH_PER_HOST_RATE=100", "RINSE_FETCH_PER_HOST_BURST=10", "RINSE_FETCH_RETRIES=0"}

	// Without --allow-private-networks nothing on loopback is fetched.
	out := filepath.Join(tmp, "blocked")
	runCLI(t, env, "run", "--urls", urls, "--output", out, "--progress", "never", "--log-level", "error")
	for _, q := range readTable(t, filepath.Join(out, "quarantine"), "reason") {
		if q["reason"] != "blocked-address" {
			t.Errorf("loopback fetch without --allow-private-networks: reason %q", q["reason"])
		}
	}
	if n := len(readTable(t, filepath.Join(out, "quarantine"), "reason")); n != len(list) {
		t.Errorf("%d of %d loopback URLs quarantined as blocked", n, len(list))
	}

	out = filepath.Join(tmp, "out")
	archive := filepath.Join(tmp, "fetched.warc.gz")
	code, _, stderr := runCLI(t, env, "run", "--urls", urls, "--output", out, "--allow-private-networks",
		"--archive", archive, "--progress", "never", "--log-level", "error")
	if code != 0 {
		t.Fatalf("fetch run exited %d: %s", code, stderr)
	}
	reasons := map[string]string{}
	for _, q := range readTable(t, filepath.Join(out, "quarantine"), "source", "reason") {
		reasons[strings.TrimPrefix(q["source"], srv.URL)] = q["reason"]
	}
	want := map[string]string{"/private/b.html": "robots-disallowed", "/missing.html": "http-404", "/logo.png": "not-html"}
	for p, r := range want {
		if reasons[p] != r {
			t.Errorf("%s quarantined as %q, want %q", p, reasons[p], r)
		}
	}
	docs := readTable(t, filepath.Join(out, "documents"), "source", "text", "http_status", "fetched_at")
	if len(docs) != 1 || docs[0]["http_status"] != "200" || docs[0]["fetched_at"] == "<null>" {
		t.Fatalf("fetched documents = %v", docs)
	}
	// The rerun asks with the stored ETag; the 304 counts as unchanged.
	code, _, stderr = runCLI(t, env, "run", "--urls", urls, "--output", out, "--allow-private-networks",
		"--progress", "never", "--log-level", "error")
	if code != 0 || conditional.Load() != 1 || !strings.Contains(stderr, "unchanged    1") {
		t.Errorf("rerun: exit %d, %d conditional requests answered 304, summary:\n%s", code, conditional.Load(), stderr)
	}
	if docs := readTable(t, filepath.Join(out, "documents"), "source"); len(docs) != 1 {
		t.Errorf("after the rerun the dataset holds %d rows, want 1", len(docs))
	}

	replay := filepath.Join(tmp, "replay")
	if code, _, stderr := runCLI(t, nil, "run", "--input", archive, "--output", replay, "--progress", "never"); code != 0 {
		t.Fatalf("run over the archive exited %d: %s", code, stderr)
	}
	again := readTable(t, filepath.Join(replay, "documents"), "text")
	if len(again) != 1 || again[0]["text"] != docs[0]["text"] {
		t.Errorf("the archive replays to %d rows; text equal: %v", len(again), len(again) == 1 && again[0]["text"] == docs[0]["text"])
	}
}
