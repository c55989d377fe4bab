package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/biter777/countries"
	"go.yaml.in/yaml/v3"
)

// entry mirrors the gazetteer format read by entities.New (package transform/entities).
type entry struct {
	Name    string   `yaml:"name"`
	Type    string   `yaml:"type"`
	Aliases []string `yaml:"aliases,omitempty,flow"`
	Codes   []string `yaml:"codes,omitempty,flow"`
}

const header = `# Countries and territories (ISO 3166-1), generated: do not edit by hand.
#
# Source: github.com/biter777/countries, with the common English names of
# tools/gengazetteer/renames.go. Regenerate with
#
#	go run ./tools/gengazetteer -o configs/entities/countries.yaml
#
# Add aliases and acronyms in aliases.yaml instead: entries with the same
# name are merged. "codes" are the ISO alpha-2 and alpha-3 codes; only the
# alpha-3 codes are matched, as guarded acronyms (see README.md).
`

func main() {
	out := flag.String("o", "configs/entities/countries.yaml", "output file")
	flag.Parse()
	data, err := render(build())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

func build() []entry {
	var es []entry
	for _, c := range countries.All() {
		es = append(es, toEntry(c))
	}
	sort.Slice(es, func(i, j int) bool { return es[i].Name < es[j].Name })
	return es
}

func toEntry(c countries.CountryCode) entry {
	source := c.String()
	e := entry{Name: source, Type: "country", Codes: []string{c.Alpha2(), c.Alpha3()}}
	if r, ok := renames[c.Alpha2()]; ok {
		e.Name = r.name
		e.Aliases = append(e.Aliases, r.aliases...)
		if r.typ != "" {
			e.Type = r.typ
		}
	}
	// The source name stays findable unless it is a catalogue form with
	// parentheses ("Iran (Islamic Republic of)") that no text uses.
	if source != e.Name && !strings.ContainsAny(source, "()") && !contains(e.Aliases, source) {
		e.Aliases = append(e.Aliases, source)
	}
	return e
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func render(es []entry) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(es); err != nil {
		return nil, fmt.Errorf("encoding yaml: %w", err)
	}
	return buf.Bytes(), enc.Close()
}
