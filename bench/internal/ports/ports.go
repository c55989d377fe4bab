// Package ports holds what the adapters of the extractors bench compares
// rinse with share. Each adapter is a package of its own (gotrafilatura,
// goreadability, rinseport), so that cmd/extractdir, built for one
// extractor, links that one only and its process pays no other's start-up
// (go-trafilatura's regular expressions compile at init).
package ports

import (
	nurl "net/url"
	"time"
)

// ParseURL gives the extractors the page address for resolving links and
// site-specific rules; a label that is no URL is simply left out.
func ParseURL(s string) *nurl.URL {
	u, err := nurl.Parse(s)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// Day renders a time as YYYY-MM-DD, "" for the zero time.
func Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
