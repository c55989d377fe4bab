package extract

import (
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Dates in URL paths beyond urlDate's /2024/05/17/: some sites name a
// day's folder or page by the compact or the day-first form. The URL
// ranks below every date the page states (see dateHints).

// urlDateForms are the extra path forms, each with the submatch order
// of year, month and day.
var urlDateForms = []struct {
	re            *regexp.Regexp
	yi, mi, di    int
	needDayOver12 bool // day-first forms read only when no month-first reading exists
}{
	// /20200428/ as a whole path segment: a day's folder. Longer runs
	// (archive capture stamps, ids) never match.
	{re: regexp.MustCompile(`/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$)`), yi: 1, mi: 2, di: 3},
	// /29-10-2021 or /news-29-10-2021.html: day first, as Europe writes.
	{re: regexp.MustCompile(`[/-](\d{2})-(\d{2})-((?:19|20)\d{2})(?:[/.-]|$)`), yi: 3, mi: 2, di: 1, needDayOver12: true},
}

// archivePrefix matches a web archive's capture address, whose stamp is
// the capture's time and whose rest is the archived page's URL.
var archivePrefix = regexp.MustCompile(`^/web/\d{8,14}[a-z_]*/`)

// pathDate returns the date a URL's path names, as YYYY-MM-DD, or "".
func pathDate(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if loc := archivePrefix.FindStringIndex(u.Path); loc != nil {
		orig := u.Path[loc[1]:]
		if !strings.Contains(orig, "://") {
			orig = "http://" + orig
		}
		if d := urlDate(orig); d != "" {
			return d
		}
		return pathDate(orig)
	}
	if d := urlDate(raw); d != "" {
		return d
	}
	for _, f := range urlDateForms {
		m := f.re.FindStringSubmatch(u.Path)
		if m == nil || f.needDayOver12 && m[f.di] <= "12" {
			continue
		}
		s := m[f.yi] + "-" + m[f.mi] + "-" + m[f.di]
		if _, err := time.Parse("2006-01-02", s); err == nil {
			return s
		}
	}
	return ""
}
