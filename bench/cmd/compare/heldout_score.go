package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/rinse-etl/rinse/evaluate"
)

// heldoutMeta scores the readability suite's metadata: the publication
// day over the pages whose label has one, and the byline by exact match
// over the pages whose label has one. Readability's bylines follow its
// own convention (a "By ..." prefix or a date glued on are kept), so the
// byline rate is only indicative of an author field.
type heldoutMeta struct {
	Dated, DateCorrect     int
	Bylined, BylineCorrect int
}

// scoreHeldout counts the metadata hits of one contender's run; a page
// the extractor failed on counts as a miss.
func scoreHeldout(results []evaluate.PageResult) heldoutMeta {
	var m heldoutMeta
	for _, pr := range results {
		failed := pr.Got.Err != nil
		if want := pr.Case.Date; want != "" {
			m.Dated++
			if !failed && gotDay(pr.Got.Date) == want {
				m.DateCorrect++
			}
		}
		if want := pr.Case.Meta[evaluate.FieldAuthor]; len(want) > 0 {
			m.Bylined++
			if !failed && cleanByline(pr.Got.Author) == want[0] {
				m.BylineCorrect++
			}
		}
	}
	return m
}

// gotDay cuts an extracted date to its day, as evaluate.CompareDate does.
func gotDay(s string) string {
	s = strings.TrimSpace(s)
	return s[:min(len(s), len("2006-01-02"))]
}

func (m heldoutMeta) cells() string {
	return rate(m.DateCorrect, m.Dated) + "\t" + rate(m.BylineCorrect, m.Bylined) + "\t"
}

// rate renders a/b, or "-" when there is nothing to divide by.
func rate(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", float64(a)/float64(b))
}

// printMetaMisses lists up to n pages of each kind where the date or the
// byline differs from the label, which the text-ranked dump does not show.
func printMetaMisses(w io.Writer, name string, results []evaluate.PageResult, n int) {
	var dates, bylines []string
	for _, pr := range results {
		c, got, failed := pr.Case, pr.Got, pr.Got.Err != nil
		if c.Date != "" && (failed || gotDay(got.Date) != c.Date) && len(dates) < n {
			dates = append(dates, fmt.Sprintf("   %s: want %q got %q", c.ID, c.Date, got.Date))
		}
		if want := c.Meta[evaluate.FieldAuthor]; len(want) > 0 && (failed || cleanByline(got.Author) != want[0]) && len(bylines) < n {
			bylines = append(bylines, fmt.Sprintf("   %s: want %q got %q", c.ID, want[0], got.Author))
		}
	}
	fmt.Fprintf(w, "\n%s date misses (first %d):\n%s\n", name, n, strings.Join(dates, "\n"))
	fmt.Fprintf(w, "%s byline misses (first %d):\n%s\n", name, n, strings.Join(bylines, "\n"))
}

// heldoutNotes are printed under the readability table: what was left
// out and why the figures must be read with care.
func heldoutNotes(skip skipCounts, kept []evaluate.Case) []string {
	var dated, bylined int
	for _, c := range kept {
		if c.Date != "" {
			dated++
		}
		if len(c.Meta[evaluate.FieldAuthor]) > 0 {
			bylined++
		}
	}
	return []string{
		fmt.Sprintf("pages: %d kept of %d; %v", len(kept), len(kept)+skip.total(), skip),
		"F1/P/R: zyte shingle scoring against the text of expected.html; accuracy: exact token match",
		fmt.Sprintf("date: day accuracy over the %d pages whose publishedTime is set", dated),
		fmt.Sprintf("byline: exact match after trimming over %d pages; indicative only, Readability's byline convention differs", bylined),
		"go-readability is scored on its own test pages (it is tuned to them): its figures are optimistic",
	}
}

// linkPages makes a folder of <page>.html links to the suite's sources,
// for the whole-run contender, which reads a folder of pages; the links
// point into the module cache, so nothing is copied.
func linkPages(suite evaluate.Suite) (dir string, err error) {
	dir, err = os.MkdirTemp("", "rinse-bench-readability-")
	if err != nil {
		return "", fmt.Errorf("linking pages: %w", err)
	}
	for _, c := range suite.Cases {
		src := filepath.Join(suite.Dir, filepath.FromSlash(c.File))
		if err := os.Symlink(src, filepath.Join(dir, c.ID+".html")); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("linking pages: %w", err)
		}
	}
	return dir, nil
}
