package fetch

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"
)

// hostState is what the Fetcher remembers about one server (see hostKey)
// across concurrent calls: its request pacing, its in-flight slots and
// its robots.txt rules.
type hostState struct {
	limiter *rate.Limiter
	slots   *semaphore.Weighted

	mu         sync.Mutex
	pauseUntil time.Time // set by Retry-After: no request before this

	// robotsMu serialises the robots.txt fetch so concurrent first
	// requests to a host fetch it once.
	robotsMu   sync.Mutex
	robotsDone bool
	robots     *robotstxt.Group
	robotsErr  error
}

// host returns the state for u's host, creating it on first use.
func (f *Fetcher) host(u *url.URL) *hostState {
	key := hostKey(u)
	f.mu.Lock()
	defer f.mu.Unlock()
	hs, ok := f.hosts[key]
	if !ok {
		hs = &hostState{
			limiter: rate.NewLimiter(rate.Limit(f.opts.PerHostRate), f.opts.PerHostBurst),
			slots:   semaphore.NewWeighted(int64(f.opts.PerHostConcurrency)),
		}
		f.hosts[key] = hs
	}
	return hs
}

// hostKey names the server u is on: lower-case host and port, with the
// scheme's default port filled in so "Example.com" and "example.com:443"
// share one state. robots.txt is per host and port (RFC 9309), and so are
// the limits, since a port is a distinct service.
func hostKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// wait blocks until the host may receive another request: after any
// Retry-After pause, then at the limiter's pace.
func (hs *hostState) wait(ctx context.Context) error {
	hs.mu.Lock()
	until := hs.pauseUntil
	hs.mu.Unlock()
	if d := time.Until(until); d > 0 {
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
	if err := hs.limiter.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The limiter refuses up front a wait that would outlast ctx's
		// deadline; that is the same timeout, just detected early.
		return fmt.Errorf("waiting for the host's rate limit: %w", context.DeadlineExceeded)
	}
	return nil
}

// pause holds every request to the host for d, as a 429 or 503 with
// Retry-After asks; it never shortens a pause already in force.
func (hs *hostState) pause(d time.Duration) {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	if t := time.Now().Add(d); t.After(hs.pauseUntil) {
		hs.pauseUntil = t
	}
}

// slowTo lowers the host's rate to one request per delay (robots.txt
// Crawl-delay) if that is slower than the configured rate. The burst goes
// to one as well: the delay is meant between every two requests.
func (hs *hostState) slowTo(delay time.Duration) {
	if delay <= 0 {
		return
	}
	if l := rate.Every(delay); l < hs.limiter.Limit() {
		hs.limiter.SetLimit(l)
		hs.limiter.SetBurst(1)
	}
}

// sleep waits for d or until ctx is done. The timer and ctx channels are
// local to this call; nothing outlives it.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
