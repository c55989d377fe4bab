package fetch

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/source"
)

// Options configures a Fetcher. Start from DefaultOptions: zero
// durations and limits are replaced by the defaults, but booleans are taken
// as given, so a zero Options does not respect robots.txt.
type Options struct {
	UserAgent      string
	Timeout        time.Duration // whole request incl. body, per attempt
	ConnectTimeout time.Duration // TCP connect and TLS handshake
	MaxBytes       int64         // decoded body cap; bigger is "too-large"
	MaxRedirects   int
	Retries        int // extra attempts after a 5xx, 429 or connection error
	BackoffBase    time.Duration
	BackoffMax     time.Duration // also the longest Retry-After obeyed
	PerHostRate    float64       // requests per second to one host
	PerHostBurst   int
	// PerHostConcurrency bounds requests in flight to one host; the
	// pipeline's worker count bounds them overall.
	PerHostConcurrency int
	// AllowPrivateNetworks lets requests reach loopback, private,
	// link-local and other non-public addresses.
	AllowPrivateNetworks bool
	// AllowAddrs lists prefixes reachable even when private networks are
	// not (an intranet site; 127.0.0.1 in tests).
	AllowAddrs    []netip.Prefix
	RespectRobots bool
	// AllowedTypes lists the media types kept; default text/html and
	// application/xhtml+xml.
	AllowedTypes []string
	// Conditional returns the validators stored for url by an earlier run,
	// for a conditional request; nil or empty values send none.
	Conditional func(url string) (etag, lastModified string)
}

// DefaultOptions returns polite defaults: robots.txt honoured, one
// request per second and two in flight per host.
func DefaultOptions() Options {
	return Options{
		UserAgent:          "rinse/" + rinse.Version + " (+https://github.com/rinse-etl/rinse)",
		Timeout:            30 * time.Second,
		ConnectTimeout:     10 * time.Second,
		MaxBytes:           10 << 20,
		MaxRedirects:       5,
		Retries:            3,
		BackoffBase:        500 * time.Millisecond,
		BackoffMax:         30 * time.Second,
		PerHostRate:        1,
		PerHostBurst:       1,
		PerHostConcurrency: 2,
		RespectRobots:      true,
		AllowedTypes:       source.HTMLTypes(),
	}
}

// withDefaults fills unset numeric options from DefaultOptions.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if strings.TrimSpace(o.UserAgent) == "" {
		o.UserAgent = d.UserAgent
	}
	setIfZero(&o.Timeout, d.Timeout)
	setIfZero(&o.ConnectTimeout, d.ConnectTimeout)
	setIfZero(&o.MaxBytes, d.MaxBytes)
	setIfZero(&o.BackoffBase, d.BackoffBase)
	setIfZero(&o.BackoffMax, d.BackoffMax)
	setIfZero(&o.PerHostRate, d.PerHostRate)
	setIfZero(&o.PerHostBurst, d.PerHostBurst)
	setIfZero(&o.PerHostConcurrency, d.PerHostConcurrency)
	o.MaxRedirects = max(o.MaxRedirects, 0)
	o.Retries = max(o.Retries, 0)
	types := o.AllowedTypes
	if len(types) == 0 {
		types = d.AllowedTypes
	}
	o.AllowedTypes = make([]string, len(types))
	for i, t := range types {
		o.AllowedTypes[i] = strings.ToLower(strings.TrimSpace(t))
	}
	return o
}

func setIfZero[T int | int64 | float64 | time.Duration](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// Fetcher downloads pages over HTTP, politely and safely. It is a
// PageProcessor: the pipeline's fetch workers call Process concurrently,
// and the Fetcher keeps per-host rate limits, concurrency limits and
// robots.txt rules across those calls.
type Fetcher struct {
	opts   Options
	guard  *netGuard
	client *http.Client

	mu    sync.Mutex
	hosts map[string]*hostState
}

// New returns a Fetcher for opts (see Options for defaults).
func New(opts Options) (*Fetcher, error) {
	o := opts.withDefaults()
	f := &Fetcher{
		opts:  o,
		guard: &netGuard{allowPrivate: o.AllowPrivateNetworks, allow: o.AllowAddrs},
		hosts: map[string]*hostState{},
	}
	dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second, Control: f.guard.control}
	transport := &http.Transport{
		// No proxy: the guard checks the address dialled, and with a proxy
		// that would be the proxy's, not the target's.
		Proxy:               nil,
		DialContext:         dialer.DialContext,
		TLSHandshakeTimeout: o.ConnectTimeout,
		MaxIdleConnsPerHost: o.PerHostConcurrency,
		IdleConnTimeout:     90 * time.Second,
		ForceAttemptHTTP2:   true,
	}
	f.client = &http.Client{Transport: transport, CheckRedirect: f.checkRedirect}
	return f, nil
}

// Close releases idle connections.
func (f *Fetcher) Close() error {
	f.client.CloseIdleConnections()
	return nil
}

// Process fetches in.URL and returns a copy of in with Body, Header, the
// final URL after redirects, FetchedAt, HTTPStatus and Kind set. Failures
// are errors carrying a specific reason (robots-disallowed, timeout,
// http-404, too-large, not-html, blocked-address, too-many-redirects, bad-redirect,
// dns-error, connection-error). A 304 answer to a conditional request is a
// page whose Err wraps rinse.ErrUnchanged with reason "not-modified": the
// dataset already holds the page as the earlier run saw it.
func (f *Fetcher) Process(ctx context.Context, in *rinse.Page) (*rinse.Page, error) {
	if in.Err != nil {
		return in, nil
	}
	u, err := source.ParseURL(in.URL)
	if err != nil {
		return nil, err
	}
	if err := f.guard.checkHost(u.Hostname()); err != nil {
		return nil, fetchError(ctx, u.String(), err)
	}
	if err := f.checkRobots(ctx, u); err != nil {
		return nil, err
	}
	var etag, lastMod string
	if f.opts.Conditional != nil {
		etag, lastMod = f.opts.Conditional(in.URL)
	}
	res, err := f.fetchWithRetries(ctx, u, etag, lastMod)
	if err != nil {
		return nil, err
	}
	out := *in
	out.URL, out.Body, out.Header = res.url, res.body, res.header
	out.HTTPStatus, out.FetchedAt = res.status, res.at
	out.Err = res.skip
	if res.skip == nil {
		out.Kind = rinse.KindHTML
	}
	return &out, nil
}
