package fetch

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

// Timing tests assert lower bounds only: a loaded machine can make any
// request later, never earlier, so these cannot flake.

// failFirst answers status (with Retry-After if given) to the first n
// requests and the page afterwards.
func failFirst(n int32, status int, retryAfterHeader string) http.HandlerFunc {
	var count atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if count.Add(1) <= n {
			if retryAfterHeader != "" {
				w.Header().Set("Retry-After", retryAfterHeader)
			}
			http.Error(w, http.StatusText(status), status)
			return
		}
		serveHTML([]byte("<p>finally</p>"))(w, r)
	}
}

func TestFetchRetriesServerErrors(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{"/flaky": failFirst(2, http.StatusServiceUnavailable, "")})
	o := testOptions()
	o.RespectRobots = false
	o.Retries = 3
	o.BackoffBase = 40 * time.Millisecond
	p, err := fetch(t, newFetcher(t, o), s.URL+"/flaky")
	if err != nil || string(p.Body) != "<p>finally</p>" {
		t.Fatalf("got %v, %v", p, err)
	}
	hits := s.times("/flaky")
	if len(hits) != 3 {
		t.Fatalf("%d attempts, want 3", len(hits))
	}
	// Equal jitter: retry k waits at least half of base·2^k.
	for k := 1; k < len(hits); k++ {
		minWait := (o.BackoffBase << (k - 1)) / 2
		if gap := hits[k].Sub(hits[k-1]); gap < minWait {
			t.Errorf("retry %d came %v after the previous attempt, want ≥ %v", k, gap, minWait)
		}
	}
}

func TestFetchHonoursRetryAfter(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/busy":   failFirst(1, http.StatusTooManyRequests, "1"),
		"/closed": failFirst(1, http.StatusTooManyRequests, "3600"),
	})
	o := testOptions()
	o.RespectRobots = false
	o.Retries = 2
	o.BackoffMax = 2 * time.Second
	f := newFetcher(t, o)

	if _, err := fetch(t, f, s.URL+"/busy"); err != nil {
		t.Fatal(err)
	}
	hits := s.times("/busy")
	if len(hits) != 2 {
		t.Fatalf("%d attempts, want 2", len(hits))
	}
	gap := hits[1].Sub(hits[0])
	t.Logf("Retry-After: 1 → retried after %v", gap)
	if gap < time.Second {
		t.Errorf("retried after %v, server asked for 1s", gap)
	}

	// Longer than BackoffMax: fail at once rather than retry too early.
	start := time.Now()
	_, err := fetch(t, f, s.URL+"/closed")
	if rinse.Reason(err) != "http-429" || len(s.times("/closed")) != 1 {
		t.Errorf("err %v after %d attempts, want http-429 after 1", err, len(s.times("/closed")))
	}
	if time.Since(start) > o.BackoffMax {
		t.Errorf("waited %v before giving up", time.Since(start))
	}
}

func TestFetchPerHostRate(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nAllow: /\n")) },
		"/":           serveHTML([]byte("<p>x</p>")),
	})
	o := testOptions()
	o.PerHostRate = 20 // one request per 50ms
	o.PerHostBurst = 1
	f := newFetcher(t, o)
	start := time.Now()
	for i := range 6 {
		if _, err := fetch(t, f, s.URL+"/p"+strconv.Itoa(i)); err != nil {
			t.Fatal(err)
		}
	}
	var all []time.Time
	all = append(all, s.times("/robots.txt")...)
	for i := range 6 {
		all = append(all, s.times("/p"+strconv.Itoa(i))...)
	}
	interval := 50 * time.Millisecond
	minGap := time.Hour
	for i, at := range all {
		// Request i (robots.txt first) cannot be let through before
		// start + i·interval, however the scheduler delays it.
		if earliest := start.Add(time.Duration(i) * interval); at.Before(earliest) {
			t.Errorf("request %d at +%v, before the limiter allows (+%v)", i, at.Sub(start), earliest.Sub(start))
		}
		if i > 0 {
			minGap = min(minGap, at.Sub(all[i-1]))
		}
	}
	t.Logf("7 requests at 20/s: span %v, smallest gap %v", all[len(all)-1].Sub(all[0]), minGap)
}

func TestFetchPerHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	s := newSite(t, map[string]http.HandlerFunc{
		"/": func(w http.ResponseWriter, r *http.Request) {
			n := inFlight.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			time.Sleep(30 * time.Millisecond)
			inFlight.Add(-1)
			serveHTML([]byte("<p>x</p>"))(w, r)
		},
	})
	o := testOptions()
	o.RespectRobots = false
	o.PerHostConcurrency = 2
	f := newFetcher(t, o)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			u := s.URL + "/c" + strconv.Itoa(i)
			if _, err := f.Process(context.Background(), &rinse.Page{URL: u}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > 2 || p < 1 {
		t.Errorf("peak %d requests in flight to one host, limit 2", p)
	}
}

func TestFetchCrawlDelay(t *testing.T) {
	s := newSite(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("User-agent: *\nCrawl-delay: 0.2\n"))
		},
		"/": serveHTML([]byte("<p>x</p>")),
	})
	f := newFetcher(t, testOptions()) // 1000 req/s unless robots.txt says otherwise
	for _, p := range []string{"/a", "/b", "/c"} {
		if _, err := fetch(t, f, s.URL+p); err != nil {
			t.Fatal(err)
		}
	}
	first, last := s.times("/a")[0], s.times("/c")[0]
	// The burst lets /a through at once; /b and /c wait 200ms each.
	if gap := last.Sub(first); gap < 300*time.Millisecond {
		t.Errorf("3 requests took %v with Crawl-delay 0.2", gap)
	}
}
