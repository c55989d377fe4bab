package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"

	"github.com/rinse-etl/rinse"
)

// transportErrors classifies a failed exchange. Order matters: the first
// match wins, so the specific causes come before the catch-all.
var transportErrors = []struct {
	match    func(error) bool
	reason   string
	category error
}{
	// The run was cancelled: not the host's fault, and not worth a retry.
	{func(err error) bool { return errors.Is(err, context.Canceled) }, "cancelled", rinse.ErrFetch},
	// The per-attempt timeout, the page's time budget, or a socket
	// deadline (connect, TLS handshake, header wait).
	{isTimeout, "timeout", rinse.ErrTimeout},
	// The name does not resolve (NXDOMAIN, SERVFAIL, no resolver).
	{func(err error) bool { var d *net.DNSError; return errors.As(err, &d) }, "dns-error", rinse.ErrFetch},
	// Everything else on the wire: refused, reset, TLS failure, a body
	// cut short, an unsupported redirect scheme.
	{func(error) bool { return true }, "connection-error", rinse.ErrFetch},
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// fetchError wraps a transport failure with its reason. Errors that
// already carry one (the address guard, robots.txt, the redirect limit)
// keep it; ctx is the context the exchange ran under, whose expiry marks
// a timeout even when the transport reports it differently.
func fetchError(ctx context.Context, u string, err error) error {
	var re *rinse.ReasonError
	if errors.As(err, &re) {
		return fmt.Errorf("fetching %s: %w", u, err)
	}
	if ctx.Err() == context.DeadlineExceeded && !errors.Is(err, context.Canceled) {
		err = fmt.Errorf("%w: %w", context.DeadlineExceeded, err)
	}
	for _, c := range transportErrors {
		if c.match(err) {
			return &rinse.ReasonError{Reason: c.reason, Err: fmt.Errorf("fetching %s: %w: %w", u, c.category, err)}
		}
	}
	return err
}

// retriableTransport reports whether a transport failure may be retried:
// a dropped connection often is transient, a timeout or bad name is not
// worth holding a worker for again.
func retriableTransport(err error) bool {
	return rinse.Reason(err) == "connection-error"
}

func statusError(u string, code int) error {
	return &rinse.ReasonError{
		Reason: "http-" + strconv.Itoa(code),
		Err:    fmt.Errorf("fetching %s: status %d: %w", u, code, rinse.ErrHTTPStatus),
	}
}

func notHTML(u, contentType string) error {
	return &rinse.ReasonError{
		Reason: "not-html",
		Err:    fmt.Errorf("fetching %s: content type %q: %w", u, contentType, rinse.ErrNotHTML),
	}
}

func tooLarge(u string, maxBytes int64) error {
	return &rinse.ReasonError{
		Reason: "too-large",
		Err:    fmt.Errorf("fetching %s: body over %d bytes: %w", u, maxBytes, rinse.ErrTooLarge),
	}
}
