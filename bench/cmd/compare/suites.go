package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/rinse-etl/rinse/evaluate"
)

// benchSuite is a loaded suite with what the harness needs besides the
// labels: its printed name, the folder of pages a whole run reads, notes
// to print under its table, and the temporary files to remove.
type benchSuite struct {
	evaluate.Suite
	name    string
	htmlDir string
	notes   []string
	cleanup func()
}

// loadSuite loads a shared suite from data, or the held-out readability
// suite from rdir (located in the module cache when empty).
func loadSuite(name, data, rdir string) (benchSuite, error) {
	bs := benchSuite{name: name, cleanup: func() {}}
	if name != readabilitySuite {
		dir := filepath.Join(data, name)
		if _, err := os.Stat(dir); err != nil {
			return bs, fmt.Errorf("suite %s: %w (pass -data with the folder holding the suites)", name, err)
		}
		suite, err := evaluate.Load(evaluate.Kind(name), dir)
		bs.Suite, bs.htmlDir = suite, filepath.Join(dir, "html")
		return bs, err
	}
	if rdir == "" {
		dir, err := findReadability()
		if err != nil {
			return bs, err
		}
		rdir = dir
	}
	suite, skip, err := loadReadability(rdir)
	if err != nil {
		return bs, err
	}
	links, err := linkPages(suite)
	if err != nil {
		return bs, err
	}
	bs.Suite, bs.htmlDir, bs.notes = suite, links, heldoutNotes(skip, suite.Cases)
	bs.cleanup = func() { os.RemoveAll(links) }
	return bs, nil
}
