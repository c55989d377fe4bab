package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

// site is an httptest server on 127.0.0.1 that logs when each path was
// requested.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string][]time.Time
	uas  []string
}

func newSite(t *testing.T, routes map[string]http.HandlerFunc) *site {
	t.Helper()
	s := &site{hits: map[string][]time.Time{}}
	mux := http.NewServeMux()
	for pattern, h := range routes {
		mux.HandleFunc(pattern, h)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path] = append(s.hits[r.URL.Path], time.Now())
		s.uas = append(s.uas, r.UserAgent())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) times(path string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.hits[path]...)
}

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += len(h)
	}
	return n
}

// testOptions allow 127.0.0.1 only (not private networks in general) and
// are fast enough for unit tests.
func testOptions() Options {
	o := DefaultOptions()
	o.AllowAddrs = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	o.Timeout = 2 * time.Second
	o.ConnectTimeout = time.Second
	o.PerHostRate = 1000
	o.PerHostBurst = 100
	o.PerHostConcurrency = 4
	o.BackoffBase = 20 * time.Millisecond
	o.BackoffMax = 2 * time.Second
	o.UserAgent = "rinse-test/1 (+https://example.org/bot)"
	return o
}

func newFetcher(t *testing.T, o Options) *Fetcher {
	t.Helper()
	f, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func fetch(t *testing.T, f *Fetcher, u string) (*rinse.Page, error) {
	t.Helper()
	return f.Process(context.Background(), &rinse.Page{Source: u, URL: u})
}

func articleHTML(t *testing.T) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", "fetch", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func serveHTML(body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(body)
	}
}

func TestFetchPage(t *testing.T) {
	page := articleHTML(t)
	s := newSite(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nDisallow: /private\n") },
		"/old": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/news/market-hall", http.StatusMovedPermanently)
		},
		"/news/market-hall": serveHTML(page),
	})
	f := newFetcher(t, testOptions())
	in := &rinse.Page{Source: "list.txt:1", URL: s.URL + "/old"}
	before := *in
	got, err := f.Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*in, before) {
		t.Error("Process mutated its input")
	}
	if got.URL != s.URL+"/news/market-hall" || got.Source != "list.txt:1" {
		t.Errorf("URL %q Source %q: want the final URL and the original Source", got.URL, got.Source)
	}
	if got.Kind != rinse.KindHTML || got.HTTPStatus != 200 || got.FetchedAt.IsZero() || got.Err != nil {
		t.Errorf("Kind %q status %d at %v err %v", got.Kind, got.HTTPStatus, got.FetchedAt, got.Err)
	}
	if !strings.Contains(got.Header.Get("Content-Type"), "charset=windows-1252") {
		t.Errorf("charset header lost: %v", got.Header)
	}
	if string(got.Body) != string(page) || !strings.Contains(string(got.Body), "Market hall reopens") {
		t.Errorf("body differs from the page served (%d bytes)", len(got.Body))
	}
	for _, ua := range s.uas {
		if ua != testOptions().UserAgent {
			t.Errorf("User-Agent %q sent", ua)
		}
	}
	if n := len(s.times("/robots.txt")); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", n)
	}
}

func TestFetchFailures(t *testing.T) {
	page := articleHTML(t)
	big := strings.Repeat("<p>filler paragraph</p>\n", 200)
	s := newSite(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "User-agent: rinse-test\nDisallow: /private\n")
		},
		"/private/": serveHTML(page),
		"/slow": func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
		},
		"/pdf": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			fmt.Fprint(w, "%PDF-1.7\n")
		},
		"/png-untyped": func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = nil // suppress net/http's own sniffing
			w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
		},
		"/big": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<html><body>"+big) },
		"/big-chunked": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for range 10 {
				fmt.Fprint(w, big[:500])
				w.(http.Flusher).Flush()
			}
		},
		"/gone": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) },
		"/loop": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) },
		"/to-metadata": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		},
		"/to-private": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://10.0.0.1/admin", http.StatusFound)
		},
		"/to-gcp": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://metadata.google.internal/", http.StatusFound)
		},
		"/to-disallowed": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/hidden", http.StatusFound) },
		"/always-500":    func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) },
		"/to-ftp": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "ftp://example.org/file.html", http.StatusFound)
		},
		"/to-file": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		},
	})
	o := testOptions()
	o.Timeout = 300 * time.Millisecond
	o.MaxBytes = 2000
	o.MaxRedirects = 3
	o.Retries = 2
	f := newFetcher(t, o)
	cases := []struct {
		path     string
		reason   string
		category error
	}{
		{"/private/report.html", "robots-disallowed", rinse.ErrRobots},
		{"/slow", "timeout", rinse.ErrTimeout},
		{"/pdf", "not-html", rinse.ErrNotHTML},
		{"/png-untyped", "not-html", rinse.ErrNotHTML},
		{"/big", "too-large", rinse.ErrTooLarge},
		{"/big-chunked", "too-large", rinse.ErrTooLarge},
		{"/gone", "http-410", rinse.ErrHTTPStatus},
		{"/loop", "too-many-redirects", rinse.ErrFetch},
		{"/to-metadata", "blocked-address", rinse.ErrBlocked},
		{"/to-private", "blocked-address", rinse.ErrBlocked},
		{"/to-gcp", "blocked-address", rinse.ErrBlocked},
		{"/always-500", "http-500", rinse.ErrHTTPStatus},
		{"/to-disallowed", "robots-disallowed", rinse.ErrRobots},
		{"/to-ftp", "bad-redirect", rinse.ErrFetch},
		{"/to-file", "bad-redirect", rinse.ErrFetch},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			p, err := fetch(t, f, s.URL+c.path)
			if p != nil || err == nil {
				t.Fatalf("want an error, got page %+v", p)
			}
			if rinse.Reason(err) != c.reason || !errors.Is(err, c.category) {
				t.Errorf("err %v: reason %q, want %q wrapping %v", err, rinse.Reason(err), c.reason, c.category)
			}
		})
	}
	if n := len(s.times("/private/report.html")) + len(s.times("/private/hidden")); n != 0 {
		t.Errorf("robots-disallowed pages were requested %d times", n)
	}
	if n := len(s.times("/always-500")); n != o.Retries+1 {
		t.Errorf("/always-500 requested %d times, want %d", n, o.Retries+1)
	}
	if n := len(s.times("/to-ftp")); n != 1 {
		t.Errorf("/to-ftp requested %d times, want 1: a bad redirect is not worth a retry", n)
	}
	if n := len(s.times("/loop")); n != o.MaxRedirects+1 {
		t.Errorf("/loop requested %d times, want %d", n, o.MaxRedirects+1)
	}
}

// TestFetchBlocksLocalByDefault checks the guard with nothing allowed: the
// test server on 127.0.0.1 must not see a single request, whether named
// by address or by a host name that resolves to it.
func TestFetchBlocksLocalByDefault(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/": serveHTML([]byte("<p>secret</p>"))})
	for _, robots := range []bool{true, false} {
		o := testOptions()
		o.AllowAddrs = nil
		o.RespectRobots = robots
		f := newFetcher(t, o)
		port := s.URL[strings.LastIndex(s.URL, ":"):]
		for _, u := range []string{s.URL + "/", "http://localhost" + port + "/", "http://[::ffff:127.0.0.1]" + port + "/"} {
			_, err := fetch(t, f, u)
			if rinse.Reason(err) != "blocked-address" || !errors.Is(err, rinse.ErrBlocked) {
				t.Errorf("robots=%v %s: err %v, want blocked-address", robots, u, err)
			}
		}
	}
	if n := s.total(); n != 0 {
		t.Errorf("blocked server received %d requests", n)
	}
}

func TestFetchConditional(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/page": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") == `"v7"` || r.Header.Get("If-Modified-Since") == "Tue, 13 Feb 2024 10:00:00 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v8"`)
			serveHTML([]byte("<p>fresh</p>"))(w, r)
		},
	})
	cases := []struct {
		name, etag, lastMod string
		notModified         bool
	}{
		{"etag matches", `"v7"`, "", true},
		{"last-modified matches", "", "Tue, 13 Feb 2024 10:00:00 GMT", true},
		{"stale etag", `"v6"`, "", false},
		{"no validators", "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := testOptions()
			o.RespectRobots = false
			o.Conditional = func(string) (string, string) { return c.etag, c.lastMod }
			p, err := fetch(t, newFetcher(t, o), s.URL+"/page")
			if err != nil {
				t.Fatal(err)
			}
			if got := errors.Is(p.Err, rinse.ErrUnchanged) && rinse.Reason(p.Err) == "not-modified"; got != c.notModified {
				t.Errorf("not-modified = %v (Err %v), want %v", got, p.Err, c.notModified)
			}
			if !c.notModified && (p.Header.Get("ETag") != `"v8"` || string(p.Body) != "<p>fresh</p>") {
				t.Errorf("fresh page: header %v body %q", p.Header, p.Body)
			}
		})
	}
}

// TestFetchPassesFailedPages checks a page a source already marked as
// failed goes through untouched instead of being fetched.
func TestFetchPassesFailedPages(t *testing.T) {
	in := &rinse.Page{Source: "bad line", Err: fmt.Errorf("parsing url: %w", rinse.ErrParse)}
	out, err := newFetcher(t, testOptions()).Process(context.Background(), in)
	if err != nil || out != in {
		t.Fatalf("got %v, %v", out, err)
	}
}
