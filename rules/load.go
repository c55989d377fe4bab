package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/andybalholm/cascadia"
	"go.yaml.in/yaml/v3"

	"github.com/rinse-etl/rinse"
)

// raw mirrors the YAML; strings that compile to something are kept as
// nodes so an error can name their line.
type raw struct {
	Name  string `yaml:"name"`
	Site  string `yaml:"site"`
	Match struct {
		Hosts   []string    `yaml:"hosts"`
		Content []yaml.Node `yaml:"content"`
	} `yaml:"match"`
	Drop   []yaml.Node `yaml:"drop"`
	Fields struct {
		Title      yaml.Node `yaml:"title"`
		Author     yaml.Node `yaml:"author"`
		Date       yaml.Node `yaml:"date"`
		Tags       yaml.Node `yaml:"tags"`
		Categories yaml.Node `yaml:"categories"`
	} `yaml:"fields"`
	// GenericRules false turns the generic rules off for the profile's
	// pages (nil: on).
	GenericRules *bool        `yaml:"generic_rules"`
	Patterns     []rawPattern `yaml:"patterns"`
}

// rawPattern is one text rule as written.
type rawPattern struct {
	Pattern yaml.Node `yaml:"pattern"`
	Action  yaml.Node `yaml:"action"`
	Comment string    `yaml:"comment"`
}

// rawRules mirrors a generic rule file: a name and patterns, nothing
// that matches pages or reads fields (those belong to site profiles).
type rawRules struct {
	Name     string       `yaml:"name"`
	Patterns []rawPattern `yaml:"patterns"`
}

// Load compiles every *.yaml and *.yml file in dir of fsys, in name order.
func Load(fsys fs.FS, dir string) (*Set, error) {
	set := &Set{}
	err := eachYAML(fsys, dir, "profiles", func(name string, data []byte) error {
		p, err := Parse(name, data)
		if err == nil {
			set.profiles = append(set.profiles, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	set.index()
	return set, nil
}

// eachYAML calls fn with the path and bytes of every *.yaml and *.yml
// file in dir of fsys, in name order, and stops at its first error.
// what names the files in read errors.
func eachYAML(fsys fs.FS, dir, what string, fn func(name string, data []byte) error) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("reading %s: %w", what, err)
	}
	for _, e := range entries {
		if e.IsDir() || !isYAML(e.Name()) {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("reading %s: %w", what, err)
		}
		if err := fn(name, data); err != nil {
			return err
		}
	}
	return nil
}

// LoadFiles compiles the given profile files; a directory stands for the
// YAML files in it. Profiles keep the order given.
func LoadFiles(paths ...string) (*Set, error) {
	set := &Set{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("reading profile: %w", err)
		}
		if st.IsDir() {
			sub, err := Load(os.DirFS(p), ".")
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			set.profiles = append(set.profiles, relabel(sub.profiles, p)...)
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading profile: %w", err)
		}
		prof, err := Parse(p, data)
		if err != nil {
			return nil, err
		}
		set.profiles = append(set.profiles, prof)
	}
	set.index()
	return set, nil
}

// relabel puts dir before the file names of profiles loaded from it,
// in File and in the "file:line" sources of its rules.
func relabel(ps []*Profile, dir string) []*Profile {
	for _, p := range ps {
		p.File = filepath.Join(dir, p.File)
		for i, s := range p.DropSources {
			p.DropSources[i] = filepath.Join(dir, s)
		}
		for k, s := range p.FieldSources {
			p.FieldSources[k] = filepath.Join(dir, s)
		}
		patterns := p.Patterns.Patterns()
		for i := range patterns {
			patterns[i].Source = filepath.Join(dir, patterns[i].Source)
		}
		p.Patterns = NewList(patterns...)
	}
	return ps
}

func isYAML(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

// Parse compiles one profile; file names it in errors ("file:line: ...").
func Parse(file string, data []byte) (*Profile, error) {
	var r raw
	if err := decode(file, "profile", data, &r); err != nil {
		return nil, err
	}
	c := compiler{file: file}
	p := &Profile{Name: r.Name, Site: r.Site, File: file}
	p.SkipGeneric = r.GenericRules != nil && !*r.GenericRules
	if p.Name == "" {
		p.Name = strings.TrimSuffix(path.Base(filepath.ToSlash(file)), path.Ext(file))
	}
	for _, h := range r.Match.Hosts {
		p.Hosts = append(p.Hosts, strings.TrimPrefix(strings.ToLower(strings.TrimSpace(h)), "www."))
	}
	for i := range r.Match.Content {
		p.Content = append(p.Content, c.regexp(&r.Match.Content[i]))
	}
	for i := range r.Drop {
		p.Drop = append(p.Drop, c.selector(&r.Drop[i]))
		p.DropSources = append(p.DropSources, c.source(&r.Drop[i]))
	}
	f := &r.Fields
	p.Fields = Fields{Title: c.selector(&f.Title), Author: c.selector(&f.Author),
		Date: c.selector(&f.Date), Tags: c.selector(&f.Tags), Categories: c.selector(&f.Categories)}
	p.FieldSources = c.sources(map[string]*yaml.Node{"title": &f.Title, "author": &f.Author,
		"date": &f.Date, "tags": &f.Tags, "categories": &f.Categories})
	patterns := c.patterns(r.Patterns)
	if c.err != nil {
		return nil, c.err
	}
	p.Patterns = NewList(patterns...)
	return p, nil
}

// decode reads one YAML document into v, refusing unknown keys; errors
// name the file (and, from the YAML decoder, the line).
func decode(file, what string, data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%s: parsing %s: empty file: %w", file, what, rinse.ErrParse)
		}
		return fmt.Errorf("%s: parsing %s: %v: %w", file, what, err, rinse.ErrParse)
	}
	return nil
}

// LoadRules compiles the generic rule files (*.yaml, *.yml) in dir of
// fsys into one list: the files in name order, each file's patterns in
// the order written. Generic rules run over every document after its
// site profile's patterns, unless the profile turns them off.
func LoadRules(fsys fs.FS, dir string) (List, error) {
	var all []Pattern
	err := eachYAML(fsys, dir, "rules", func(name string, data []byte) error {
		ps, err := ParseRules(name, data)
		all = append(all, ps...)
		return err
	})
	if err != nil {
		return List{}, err
	}
	return NewList(all...), nil
}

// ParseRules compiles one generic rule file with the compiler of site
// profiles: the same pattern syntax, actions and errors ("file:line:
// ..."). A rule file holds a name and patterns only.
func ParseRules(file string, data []byte) ([]Pattern, error) {
	var r rawRules
	if err := decode(file, "rules", data, &r); err != nil {
		return nil, err
	}
	c := compiler{file: file}
	ps := c.patterns(r.Patterns)
	return ps, c.err
}

// compiler keeps the first error, so Parse reads as a list of fields.
type compiler struct {
	file string
	err  error
}

func (c *compiler) fail(n *yaml.Node, what string, err error) {
	if c.err == nil {
		c.err = fmt.Errorf("%s:%d: compiling %s: %v: %w", c.file, n.Line, what, err, rinse.ErrParse)
	}
}

// patterns compiles text rules in order.
func (c *compiler) patterns(rs []rawPattern) []Pattern {
	out := make([]Pattern, 0, len(rs))
	for i := range rs {
		rp := &rs[i]
		out = append(out, Pattern{Re: c.regexp(&rp.Pattern), Action: c.action(&rp.Action), Comment: rp.Comment,
			Source: c.source(&rp.Pattern)})
	}
	return out
}

// source is where n is written: "file:line".
func (c *compiler) source(n *yaml.Node) string {
	return fmt.Sprintf("%s:%d", c.file, n.Line)
}

// sources maps each set field to where it is written.
func (c *compiler) sources(fields map[string]*yaml.Node) map[string]string {
	out := map[string]string{}
	for name, n := range fields {
		if n.Kind != 0 {
			out[name] = c.source(n)
		}
	}
	return out
}

func (c *compiler) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind == 0 {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		c.fail(n, what, errors.New("want a string"))
		return "", false
	}
	return n.Value, true
}

func (c *compiler) regexp(n *yaml.Node) *regexp.Regexp {
	s, ok := c.scalar(n, "pattern")
	if !ok {
		if c.err == nil {
			c.fail(n, "pattern", errors.New("missing"))
		}
		return nil
	}
	re, err := regexp.Compile(s)
	if err != nil {
		c.fail(n, "pattern", err)
	}
	return re
}

func (c *compiler) selector(n *yaml.Node) cascadia.Matcher {
	s, ok := c.scalar(n, "selector")
	if !ok || strings.TrimSpace(s) == "" {
		return nil
	}
	g, err := cascadia.ParseGroup(s)
	if err != nil {
		c.fail(n, fmt.Sprintf("selector %q", s), err)
		return nil
	}
	return g
}

func (c *compiler) action(n *yaml.Node) Action {
	s, ok := c.scalar(n, "action")
	if !ok {
		return Drop
	}
	if a := Action(s); slices.Contains(actions, a) {
		return a
	}
	c.fail(n, "action", fmt.Errorf("unknown action %q (want one of %v)", s, actions))
	return Drop
}
