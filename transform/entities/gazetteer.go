package entities

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rinse-etl/rinse"
)

// gazetteerEntry is one entry of a gazetteer file; the format is
// documented in configs/entities/README.md.
type gazetteerEntry struct {
	Name     string   `yaml:"name"`
	Type     string   `yaml:"type"`
	Aliases  []string `yaml:"aliases"`
	Acronyms []string `yaml:"acronyms"`
	// Guarded acronyms are also common words or other codes: they count
	// only when the page defines them or names the entity in full.
	Guarded []string `yaml:"guarded"`
	// Codes are ISO 3166 codes. Two-letter codes are too often words
	// ("IN", "IT", "AT") to match; three-letter ones are matched guarded.
	Codes []string `yaml:"codes"`
}

var entityTypes = []string{
	rinse.EntityCountry, rinse.EntityOrganization, rinse.EntityPerson,
	rinse.EntityPlace, rinse.EntityOther,
}

// maxGazetteerBytes bounds a user file: gazetteers are lists, not corpora.
const maxGazetteerBytes = 16 << 20

// parseGazetteer reads one gazetteer file: a YAML list of entries.
func parseGazetteer(data []byte) ([]gazetteerEntry, error) {
	if len(data) > maxGazetteerBytes {
		return nil, fmt.Errorf("reading gazetteer: %d bytes: %w", len(data), rinse.ErrTooLarge)
	}
	var es []gazetteerEntry
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&es); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("parsing gazetteer: %w: %w", rinse.ErrParse, err)
	}
	for i, e := range es {
		if strings.TrimSpace(e.Name) == "" {
			return nil, fmt.Errorf("parsing gazetteer entry %d: no name: %w", i+1, rinse.ErrParse)
		}
		if e.Type != "" && !slices.Contains(entityTypes, e.Type) {
			return nil, fmt.Errorf("parsing gazetteer entry %q: unknown type %q: %w", e.Name, e.Type, rinse.ErrParse)
		}
	}
	return es, nil
}

// loadGazetteers reads the bundled files (entities/*.yaml in bundled, in
// name order) and then the user's files, merging entries by name.
func loadGazetteers(bundled fs.FS, extra []string) ([]gazetteerEntry, error) {
	var merged []gazetteerEntry
	index := map[string]int{}
	add := func(name string, data []byte) error {
		es, err := parseGazetteer(data)
		if err != nil {
			return fmt.Errorf("loading %s: %w", name, err)
		}
		merged = mergeEntries(merged, index, es)
		return nil
	}
	if bundled != nil {
		names, err := fs.Glob(bundled, "entities/*.yaml")
		if err != nil {
			return nil, fmt.Errorf("listing bundled gazetteers: %w", err)
		}
		for _, n := range names { // fs.Glob sorts
			data, err := fs.ReadFile(bundled, n)
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w: %w", n, rinse.ErrRead, err)
			}
			if err := add(path.Base(n), data); err != nil {
				return nil, err
			}
		}
	}
	for _, n := range extra {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("reading gazetteer: %w: %w", rinse.ErrRead, err)
		}
		if err := add(n, data); err != nil {
			return nil, err
		}
	}
	return merged, nil
}

// mergeEntries adds es to merged: an entry whose name is already known
// (case-insensitively) extends it, and its type, when set, replaces.
func mergeEntries(merged []gazetteerEntry, index map[string]int, es []gazetteerEntry) []gazetteerEntry {
	for _, e := range es {
		key := strings.ToLower(strings.TrimSpace(e.Name))
		i, ok := index[key]
		if !ok {
			e.Name = strings.TrimSpace(e.Name)
			index[key] = len(merged)
			merged = append(merged, e)
			continue
		}
		m := &merged[i]
		if e.Type != "" {
			m.Type = e.Type
		}
		m.Aliases = append(m.Aliases, e.Aliases...)
		m.Acronyms = append(m.Acronyms, e.Acronyms...)
		m.Guarded = append(m.Guarded, e.Guarded...)
		m.Codes = append(m.Codes, e.Codes...)
	}
	return merged
}
