package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"syscall"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

func TestFetchErrorReasons(t *testing.T) {
	expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	cancelled, cancel2 := context.WithCancel(context.Background())
	cancel2()
	bg := context.Background()
	urlErr := func(err error) error { return &url.Error{Op: "Get", URL: "http://x/", Err: err} }
	cases := []struct {
		name     string
		ctx      context.Context
		err      error
		reason   string
		category error
	}{
		{"dns", bg, urlErr(&net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}}), "dns-error", rinse.ErrFetch},
		{"refused", bg, urlErr(&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}), "connection-error", rinse.ErrFetch},
		{"reset mid-body", bg, fmt.Errorf("read: %w", syscall.ECONNRESET), "connection-error", rinse.ErrFetch},
		{"deadline", bg, urlErr(context.DeadlineExceeded), "timeout", rinse.ErrTimeout},
		{"expired ctx, odd error", expired, errors.New("net/http: request canceled"), "timeout", rinse.ErrTimeout},
		{"cancelled run", cancelled, urlErr(context.Canceled), "cancelled", rinse.ErrFetch},
		{"guard", bg, urlErr(&net.OpError{Op: "dial", Err: blockedError("10.0.0.1", "test")}), "blocked-address", rinse.ErrBlocked},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := fetchError(c.ctx, "http://x/", c.err)
			if rinse.Reason(err) != c.reason || !errors.Is(err, c.category) {
				t.Errorf("%v: reason %q, want %q wrapping %v", err, rinse.Reason(err), c.reason, c.category)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 2, 13, 10, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"":                              0,
		"2":                             2 * time.Second,
		"-5":                            0,
		"soon":                          0,
		"Tue, 13 Feb 2024 10:00:30 GMT": 30 * time.Second,
		"Tue, 13 Feb 2024 09:00:00 GMT": 0, // in the past
	}
	for v, want := range cases {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestBackoffBounds(t *testing.T) {
	f := &Fetcher{opts: Options{BackoffBase: 100 * time.Millisecond, BackoffMax: time.Second}}
	for attempt, full := range []time.Duration{100, 200, 400, 800, 1000, 1000} {
		full *= time.Millisecond
		if attempt == 5 {
			attempt = 60 // shift overflow must still cap
		}
		for range 50 {
			if d := f.backoff(attempt); d < full/2 || d > full {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", attempt, d, full/2, full)
			}
		}
	}
}

func TestProductToken(t *testing.T) {
	for ua, want := range map[string]string{
		"rinse/1 (+https://github.com/rinse-etl/rinse)": "rinse",
		"MyBot":                    "MyBot",
		"  Research Crawler/2.0 x": "Research",
	} {
		if got := productToken(ua); got != want {
			t.Errorf("productToken(%q) = %q, want %q", ua, got, want)
		}
	}
}

func TestFetchOptionsDefaults(t *testing.T) {
	types := []string{" Text/HTML "}
	o := Options{AllowedTypes: types}.withDefaults()
	d := DefaultOptions()
	if o.Timeout != d.Timeout || o.PerHostRate != d.PerHostRate || o.UserAgent != d.UserAgent || o.RespectRobots {
		t.Errorf("zero options → %+v", o)
	}
	if o.AllowedTypes[0] != "text/html" || types[0] != " Text/HTML " {
		t.Errorf("AllowedTypes %q, caller's slice %q", o.AllowedTypes, types)
	}
}

func TestHostKey(t *testing.T) {
	for raw, want := range map[string]string{
		"https://Example.COM/a":      "example.com:443",
		"https://example.com:443/b":  "example.com:443",
		"http://example.com/":        "example.com:80",
		"http://127.0.0.1:8080/x":    "127.0.0.1:8080",
		"http://[2001:db8::1]/":      "[2001:db8::1]:80",
		"https://news.example:8443/": "news.example:8443",
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := hostKey(u); got != want {
			t.Errorf("hostKey(%s) = %q, want %q", raw, got, want)
		}
	}
}
