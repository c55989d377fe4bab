package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/source"
)

// fetched is one successful (or not-modified) response.
type fetched struct {
	url    string
	status int
	header http.Header
	body   []byte
	at     time.Time
	skip   error // set for 304 Not Modified
}

// retryable marks an attempt's failure as worth another try, after at
// least `after` when the server said so.
type retryable struct {
	err   error
	after time.Duration
}

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }

// fetchWithRetries runs attempts until one succeeds, fails for good, or
// the retries are used up; between attempts it backs off exponentially
// with jitter, or for as long as Retry-After asks.
func (f *Fetcher) fetchWithRetries(ctx context.Context, u *url.URL, etag, lastMod string) (*fetched, error) {
	for attempt := 0; ; attempt++ {
		res, err := f.attempt(ctx, u, etag, lastMod)
		var r *retryable
		if err == nil || !errors.As(err, &r) {
			return res, err
		}
		if attempt >= f.opts.Retries {
			return nil, r.err
		}
		wait := f.backoff(attempt)
		if r.after > 0 {
			if r.after > f.opts.BackoffMax {
				// Asked to wait longer than we are willing to hold a
				// worker: give up rather than come back too early.
				return nil, r.err
			}
			wait = r.after
		}
		if err := sleep(ctx, wait); err != nil {
			return nil, fetchError(ctx, u.String(), err)
		}
	}
}

// backoff is the wait before retry number attempt+1: exponential from
// BackoffBase, capped at BackoffMax, with "equal jitter" (half fixed, half
// random) so clients spread out yet never hammer back immediately.
func (f *Fetcher) backoff(attempt int) time.Duration {
	d := f.opts.BackoffBase << min(attempt, 30)
	if d <= 0 || d > f.opts.BackoffMax {
		d = f.opts.BackoffMax
	}
	half := d / 2
	return half + rand.N(half+1)
}

// attempt makes one request, holding one of the host's in-flight slots
// for the whole exchange including the body.
func (f *Fetcher) attempt(ctx context.Context, u *url.URL, etag, lastMod string) (*fetched, error) {
	hs := f.host(u)
	if err := hs.slots.Acquire(ctx, 1); err != nil {
		return nil, fetchError(ctx, u.String(), err)
	}
	defer hs.slots.Release(1)
	if err := hs.wait(ctx); err != nil {
		return nil, fetchError(ctx, u.String(), err)
	}

	actx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w: %w", u, rinse.ErrParse, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		req.Header.Set("If-Modified-Since", lastMod)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		ferr := fetchError(actx, u.String(), err)
		if retriableTransport(ferr) {
			return nil, &retryable{err: ferr}
		}
		return nil, ferr
	}
	defer resp.Body.Close()
	return f.readResponse(actx, hs, resp, etag != "" || lastMod != "")
}

// readResponse turns a response into a result, or a failure with its
// specific reason; 429 and 5xx come back retryable.
func (f *Fetcher) readResponse(ctx context.Context, hs *hostState, resp *http.Response, conditional bool) (*fetched, error) {
	final := resp.Request.URL.String()
	res := &fetched{url: final, status: resp.StatusCode, header: resp.Header, at: time.Now().UTC()}
	switch code := resp.StatusCode; {
	case code == http.StatusNotModified && conditional:
		res.skip = &rinse.ReasonError{Reason: "not-modified", Err: fmt.Errorf("fetching %s: %w", final, rinse.ErrUnchanged)}
		return res, nil
	case code == http.StatusTooManyRequests || code >= 500:
		discard(resp.Body)
		after := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		if after > 0 {
			hs.pause(min(after, f.opts.BackoffMax))
		}
		return nil, &retryable{err: statusError(final, code), after: after}
	case code < 200 || code > 299:
		discard(resp.Body)
		return nil, statusError(final, code)
	}
	if source.DeniedType(resp.Header.Get("Content-Type"), f.opts.AllowedTypes) {
		return nil, notHTML(final, resp.Header.Get("Content-Type"))
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, tooLarge(final, f.opts.MaxBytes)
	}
	body, err := source.ReadCapped(resp.Body, f.opts.MaxBytes)
	switch {
	case errors.Is(err, rinse.ErrTooLarge):
		return nil, tooLarge(final, f.opts.MaxBytes)
	case err != nil:
		return nil, fetchError(ctx, final, err)
	}
	if !source.AllowedType(resp.Header.Get("Content-Type"), body, f.opts.AllowedTypes) {
		return nil, notHTML(final, "sniffed "+http.DetectContentType(body))
	}
	res.body = body
	return res, nil
}

// checkRedirect vets every redirect hop: hop count, scheme, metadata host names,
// robots.txt of the new host, and that host's pace. The address of the hop
// is checked again when it is dialled.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return &rinse.ReasonError{
			Reason: "too-many-redirects",
			Err:    fmt.Errorf("following more than %d redirects: %w", f.opts.MaxRedirects, rinse.ErrFetch),
		}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		// A page that sends its reader to ftp: or file: is not one to
		// fetch, and asking again will not change its answer.
		return &rinse.ReasonError{
			Reason: "bad-redirect",
			Err:    fmt.Errorf("redirected to %s: not an http(s) address: %w", req.URL.Redacted(), rinse.ErrFetch),
		}
	}
	if err := f.guard.checkHost(req.URL.Hostname()); err != nil {
		return err
	}
	ctx := req.Context()
	if ctx.Value(robotsFetchKey{}) == nil {
		if err := f.checkRobots(ctx, req.URL); err != nil {
			return err
		}
	}
	if hostKey(req.URL) == hostKey(via[len(via)-1].URL) {
		// Same host: the attempt already holds its pace; a redirect from
		// http to https or to a trailing slash should not wait again.
		return nil
	}
	return f.host(req.URL).wait(ctx)
}

// retryAfter parses a Retry-After value (seconds or an HTTP date) into a
// wait from now; zero when absent or unparsable.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(min(s, 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// discard drains a little of an unwanted body so the connection can be
// reused, without reading a large error page to the end.
func discard(body io.Reader) {
	_, _ = io.CopyN(io.Discard, body, 4<<10)
}
