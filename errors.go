package rinse

import (
	"errors"
)

// Failure categories: the input could not be turned into a document.
var (
	ErrBinary      = errors.New("binary content")
	ErrUndecodable = errors.New("undecodable text")
	ErrEmpty       = errors.New("empty input")
	ErrNoContent   = errors.New("no main content")
	ErrParse       = errors.New("parse error")
	ErrTooLarge    = errors.New("too large")
	ErrTooComplex  = errors.New("too complex")
	ErrTimeout     = errors.New("time budget exceeded")
	ErrRead        = errors.New("read error")
	ErrFetch       = errors.New("fetch error")
	ErrHTTPStatus  = errors.New("http status")
	ErrNotHTML     = errors.New("not html")
	ErrBlocked     = errors.New("blocked address")
	ErrRobots      = errors.New("disallowed by robots.txt")
)

// ErrRejected marks rejections: the input is readable but unwanted. A
// rejection is not a failure; it is still recorded with its reason.
var ErrRejected = errors.New("rejected")

// Rejection reasons; each wraps ErrRejected.
var (
	ErrTooShort      = rejection("too short")
	ErrWrongLanguage = rejection("wrong language")
	ErrDuplicate     = rejection("duplicate")
)

// ErrUnchanged marks inputs an incremental run finds already in the
// dataset with the same content and configuration; they are counted as
// unchanged and not processed again.
var ErrUnchanged = errors.New("unchanged since the last run")

// ErrSkipped marks inputs a source passes over (unsupported file types,
// non-response WARC records). They are counted, not quarantined.
var ErrSkipped = errors.New("skipped")

type rejectionError struct{ msg string }

func (e *rejectionError) Error() string        { return e.msg }
func (e *rejectionError) Is(target error) bool { return target == ErrRejected }

func rejection(msg string) error { return &rejectionError{msg} }

// reasons maps categories to the short reason written in quarantine rows.
// Order matters: the first match wins, most specific first.
var reasons = []struct {
	err    error
	reason string
}{
	{ErrTooShort, "too-short"},
	{ErrWrongLanguage, "wrong-language"},
	{ErrDuplicate, "duplicate"},
	{ErrBinary, "binary"},
	{ErrUndecodable, "undecodable"},
	{ErrEmpty, "empty"},
	{ErrNoContent, "no-content"},
	{ErrParse, "parse-error"},
	{ErrTooLarge, "too-large"},
	{ErrTooComplex, "too-complex"},
	{ErrTimeout, "timeout"},
	{ErrRobots, "robots-disallowed"},
	{ErrBlocked, "blocked-address"},
	{ErrNotHTML, "not-html"},
	{ErrHTTPStatus, "http-status"},
	{ErrFetch, "fetch-error"},
	{ErrRead, "read-error"},
	{ErrRejected, "rejected"},
	{ErrSkipped, "skipped"},
	{ErrUnchanged, "unchanged"},
}

// Reason returns the short machine-readable reason for err, such as
// "binary" or "too-short". An error carrying its own reason (see
// ReasonError) wins; unknown errors give "error".
func Reason(err error) string {
	var re *ReasonError
	if errors.As(err, &re) {
		return re.Reason
	}
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.reason
		}
	}
	return "error"
}

// ReasonError attaches a specific reason (e.g. "http-404") to an error that
// still matches its category with errors.Is.
type ReasonError struct {
	Reason string
	Err    error
}

func (e *ReasonError) Error() string { return e.Err.Error() }
func (e *ReasonError) Unwrap() error { return e.Err }

// IsRejection reports whether err is a rejection rather than a failure.
func IsRejection(err error) bool { return errors.Is(err, ErrRejected) }

// transientReasons are the quarantine reasons that may pass on their own:
// the next run tries such inputs again even when they did not change.
var transientReasons = map[string]bool{
	"timeout": true, "read-error": true, "fetch-error": true, "robots-disallowed": true,
	"http-429": true, "http-status": true, "error": true,
}

// TransientReason reports whether a quarantine reason may pass without
// the input changing: time-outs, read and fetch errors, throttling and
// server errors (http-5xx, http-429), robots.txt refusals, and errors of
// no known category.
func TransientReason(reason string) bool {
	return transientReasons[reason] || len(reason) == 8 && reason[:6] == "http-5"
}

// RejectionReason reports whether a quarantine reason is a rejection.
func RejectionReason(reason string) bool {
	switch reason {
	case "too-short", "wrong-language", "duplicate", "rejected":
		return true
	}
	return false
}
