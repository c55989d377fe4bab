package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/temoto/robotstxt"

	"github.com/rinse-etl/rinse"
)

// maxRobotsBytes is how much of a robots.txt is read; RFC 9309 requires
// parsers to handle at least 500 KiB and lets them ignore the rest.
const maxRobotsBytes = 512 << 10

// robotsFetchKey marks the context of a robots.txt request so redirect
// checks do not ask for robots.txt while fetching robots.txt.
type robotsFetchKey struct{}

// checkRobots returns an error with reason "robots-disallowed" if the
// host's robots.txt forbids u to our user agent. The file is fetched once
// per host and cached for the Fetcher's lifetime; a failure to fetch it
// (other than an HTTP status, which robotstxt interprets) fails the page
// with that fetch error, and is cached too so a dead host is not retried
// for each of its pages.
func (f *Fetcher) checkRobots(ctx context.Context, u *url.URL) error {
	if !f.opts.RespectRobots || u.Path == "/robots.txt" {
		return nil
	}
	hs := f.host(u)
	hs.robotsMu.Lock()
	if !hs.robotsDone {
		hs.robots, hs.robotsErr = f.fetchRobots(ctx, u, hs)
		// A cancelled run says nothing about the host: fetch again next time.
		hs.robotsDone = ctx.Err() == nil
	}
	group, err := hs.robots, hs.robotsErr
	hs.robotsMu.Unlock()
	if err != nil {
		return err
	}
	if !group.Test(u.RequestURI()) {
		return &rinse.ReasonError{
			Reason: "robots-disallowed",
			Err:    fmt.Errorf("fetching %s: %w", u, rinse.ErrRobots),
		}
	}
	return nil
}

// fetchRobots downloads and parses the robots.txt of u's host and returns
// the group that applies to our user agent.
func (f *Fetcher) fetchRobots(ctx context.Context, u *url.URL, hs *hostState) (*robotstxt.Group, error) {
	robotsURL := (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}).String()
	if err := hs.wait(ctx); err != nil {
		return nil, fetchError(ctx, robotsURL, err)
	}
	rctx, cancel := context.WithTimeout(context.WithValue(ctx, robotsFetchKey{}, true), f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w: %w", robotsURL, rinse.ErrParse, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, fetchError(rctx, robotsURL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil {
		return nil, fetchError(rctx, robotsURL, err)
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		// An unparsable file, or a 1xx/3xx left after redirects: RFC 9309
		// treats robots.txt as unavailable, which allows everything.
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	group := data.FindGroup(productToken(f.opts.UserAgent))
	hs.slowTo(group.CrawlDelay)
	return group, nil
}

// productToken is the name robots.txt groups match: "rinse" for
// "rinse/1 (+https://...)".
func productToken(ua string) string {
	tok, _, _ := strings.Cut(strings.TrimSpace(ua), "/")
	if f := strings.Fields(tok); len(f) > 0 {
		return f[0]
	}
	return ua
}
