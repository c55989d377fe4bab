package transform

import (
	"regexp"
	"time"

	"github.com/rinse-etl/rinse"
)

// Archived pages.
//
// A web archive serves a page as it was on the day of capture, with the
// capture's time in its address (/web/20170304101112/http://…). Dates a
// page shows of itself on that very day are its clock ("Donnerstag, 16.
// Februar 2012" in the masthead), not its publication: they are dropped
// from the visible hints. Metadata and the original URL are kept.

// captureStamp finds a web archive's capture time in a URL.
var captureStamp = regexp.MustCompile(`/web/((?:19|20)\d{6})\d{0,6}[a-z_]*/[a-z]+:/`)

// captureDay returns the day an archived page was captured.
func captureDay(url string) (time.Time, bool) {
	m := captureStamp.FindStringSubmatch(url)
	if m == nil {
		return time.Time{}, false
	}
	d, err := time.Parse("20060102", m[1])
	return d, err == nil
}

// dropCaptureDay leaves out the visible hints that name the capture day
// of an archived page.
func dropCaptureDay(url string, hints []rinse.DateHint, lang string) []rinse.DateHint {
	day, ok := captureDay(url)
	if !ok {
		return hints
	}
	out := make([]rinse.DateHint, 0, len(hints))
	for _, h := range hints {
		if h.Origin == "text" || h.Origin == "time" {
			if d, ok := readHint(h, lang); ok && sameDay(d, day) {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}
