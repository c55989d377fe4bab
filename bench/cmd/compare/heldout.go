package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/rinse-etl/rinse/evaluate"
)

// The readability suite is a held-out check: Mozilla Readability's test
// pages, shipped inside the go-readability module that bench already
// depends on, so they are read from the Go module cache and never copied
// into the repository. They are not among the development pages, so a
// gain that only holds there shows up as a gap here.
const (
	readabilitySuite  = "readability"
	readabilityModule = "codeberg.org/readeck/go-readability/v2"
	// readabilityURL is the address Readability's own tests give every
	// page; expected.html resolves its links against it.
	readabilityURL = "http://fakehost/test/page.html"
)

// errNoPages says the suite's pages are not on this machine, which skips
// the suite instead of failing the whole comparison.
var errNoPages = errors.New("test pages not found")

// pageMeta is the part of expected-metadata.json the suite scores.
type pageMeta struct {
	Byline        *string `json:"byline"`
	PublishedTime *string `json:"publishedTime"`
	// Readerable false marks pages Readability should refuse: they have
	// no article to compare with.
	Readerable *bool `json:"readerable"`
}

// skipCounts says why pages were left out of the suite.
type skipCounts struct {
	NotReaderable, EmptyText, Unreadable int
}

func (s skipCounts) total() int { return s.NotReaderable + s.EmptyText + s.Unreadable }

func (s skipCounts) String() string {
	return fmt.Sprintf("%d skipped: %d readerable=false, %d with no expected text, %d unreadable",
		s.total(), s.NotReaderable, s.EmptyText, s.Unreadable)
}

// loadReadability reads test-pages/*/ under dir (the module folder) into
// a zyte-scored suite: expected.html is the truth text, the publication
// day and byline ride along in Case.Date and Case.Meta for scoreHeldout.
func loadReadability(dir string) (evaluate.Suite, skipCounts, error) {
	root := filepath.Join(dir, "test-pages")
	entries, err := os.ReadDir(root)
	if err != nil {
		return evaluate.Suite{}, skipCounts{}, fmt.Errorf("reading %s: %w: %w", root, errNoPages, err)
	}
	suite := evaluate.Suite{Kind: evaluate.Zyte, Dir: root}
	var skip skipCounts
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c, keep, err := readabilityCase(root, e.Name())
		switch {
		case err != nil:
			fmt.Fprintf(os.Stderr, "compare: readability page %s left out: %v\n", e.Name(), err)
			skip.Unreadable++
		case keep == skipNotReaderable:
			skip.NotReaderable++
		case keep == skipEmpty:
			skip.EmptyText++
		default:
			suite.Cases = append(suite.Cases, c)
		}
	}
	if len(suite.Cases) == 0 {
		return suite, skip, fmt.Errorf("reading %s: %w: no usable page (%v)", root, errNoPages, skip)
	}
	sort.Slice(suite.Cases, func(i, j int) bool { return suite.Cases[i].ID < suite.Cases[j].ID })
	return suite, skip, nil
}

// caseVerdict is whether a test page is kept, and if not why.
type caseVerdict int

const (
	keepCase caseVerdict = iota
	skipNotReaderable
	skipEmpty
)

// readabilityCase reads one test page folder.
func readabilityCase(root, name string) (evaluate.Case, caseVerdict, error) {
	dir := filepath.Join(root, name)
	var meta pageMeta
	data, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json"))
	if err != nil {
		return evaluate.Case{}, 0, fmt.Errorf("reading metadata: %w", err)
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		return evaluate.Case{}, 0, fmt.Errorf("parsing metadata: %w", err)
	}
	if meta.Readerable != nil && !*meta.Readerable {
		return evaluate.Case{}, skipNotReaderable, nil
	}
	f, err := os.Open(filepath.Join(dir, "expected.html"))
	if err != nil {
		return evaluate.Case{}, 0, fmt.Errorf("reading expected text: %w", err)
	}
	defer f.Close()
	text, err := htmlText(f)
	if err != nil {
		return evaluate.Case{}, 0, err
	}
	if len(evaluate.Tokens(text)) == 0 {
		return evaluate.Case{}, skipEmpty, nil
	}
	raw, err := os.ReadFile(filepath.Join(dir, "source.html"))
	if err != nil {
		return evaluate.Case{}, 0, fmt.Errorf("reading source: %w", err)
	}
	c := evaluate.Case{
		ID: name, URL: readabilityURL, File: name + "/source.html", Raw: raw,
		Text: text, Date: labelDay(meta.PublishedTime), Meta: map[string][]string{},
	}
	if b := cleanByline(deref(meta.Byline)); b != "" {
		c.Meta[evaluate.FieldAuthor] = []string{b}
	}
	return c, keepCase, nil
}

// labelDay keeps the calendar day written in a publishedTime label, in the
// label's own time zone (as the dates suite counts days), or "" when the
// label has no leading YYYY-MM-DD.
func labelDay(s *string) string {
	const layout = "2006-01-02"
	v := strings.TrimSpace(deref(s))
	if len(v) < len(layout) {
		return ""
	}
	if _, err := time.Parse(layout, v[:len(layout)]); err != nil {
		return ""
	}
	return v[:len(layout)]
}

// cleanByline trims a byline and collapses its inner spaces, so layout
// whitespace alone never makes two bylines differ.
func cleanByline(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// findReadability locates the go-readability module folder this binary
// was built with: the version comes from the build information, so the
// pages match the library under test, and the folder from the module
// cache.
func findReadability() (string, error) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", fmt.Errorf("locating %s: %w: no build information", readabilityModule, errNoPages)
	}
	for _, m := range info.Deps {
		if m.Path != readabilityModule {
			continue
		}
		if r := m.Replace; r != nil {
			if r.Version == "" {
				return r.Path, nil // a local folder
			}
			m = r
		}
		return filepath.Join(modCache(), escapeModPath(m.Path)+"@"+m.Version), nil
	}
	return "", fmt.Errorf("locating %s: %w: not a dependency of this build", readabilityModule, errNoPages)
}

// modCache is where the go command keeps downloaded modules.
func modCache() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	// A value set with `go env -w` is only known to the go command.
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		if d := strings.TrimSpace(string(out)); d != "" {
			return d
		}
	}
	return filepath.Join(filepath.SplitList(build.Default.GOPATH)[0], "pkg", "mod")
}

// escapeModPath applies the module cache's case encoding: an upper-case
// letter is stored as '!' and its lower case, for case-blind file systems.
func escapeModPath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if unicode.IsUpper(r) {
			b.WriteByte('!')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
