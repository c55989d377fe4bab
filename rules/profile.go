package rules

import (
	"regexp"
	"strings"

	"github.com/andybalholm/cascadia"
)

// Profile is one compiled site profile.
type Profile struct {
	// Name identifies the profile (Document.Profile).
	Name string
	// Site is the site name written to the site column when the page has
	// no URL to take the host from.
	Site string
	// Hosts match the page's host exactly or as a parent domain.
	Hosts []string
	// Content patterns match a sample of the page (text or HTML head).
	Content []*regexp.Regexp
	// Drop selectors remove page furniture before extraction.
	Drop []cascadia.Matcher
	// Fields are selectors whose text fills document fields.
	Fields Fields
	// Patterns run over content blocks or lines, in order.
	Patterns List
	// SkipGeneric turns the generic rules (configs/rules) off for the
	// profile's pages: its patterns alone clean them (YAML
	// "generic_rules: false").
	SkipGeneric bool
	// File is where the profile was loaded from, for messages.
	File string
	// DropSources holds, in step with Drop, where each selector is
	// written ("file:line"); FieldSources where each field selector is,
	// by field name ("title", "author", "date", "tags", "categories").
	// They let a view of what removed a block name its rule.
	DropSources  []string
	FieldSources map[string]string
}

// Fields holds one selector per document field; nil means unset.
type Fields struct {
	Title, Author, Date, Tags, Categories cascadia.Matcher
}

// Set is a compiled, read-only collection of profiles.
type Set struct {
	profiles []*Profile
	// lits holds each content pattern's required literal (requiredLiteral).
	lits map[*regexp.Regexp]string
}

// NewSet builds a set from compiled profiles, in match order.
func NewSet(ps ...*Profile) *Set {
	s := &Set{profiles: append([]*Profile(nil), ps...)}
	s.index()
	return s
}

func (s *Set) index() {
	s.lits = map[*regexp.Regexp]string{}
	for _, p := range s.profiles {
		for _, re := range p.Content {
			s.lits[re] = requiredLiteral(re)
		}
	}
}

// Profiles returns the profiles in match order.
func (s *Set) Profiles() []*Profile {
	if s == nil {
		return nil
	}
	return s.profiles
}

// Get returns the profile called name, or nil.
func (s *Set) Get(name string) *Profile {
	if s == nil || name == "" {
		return nil
	}
	for _, p := range s.profiles {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Merge returns a new set holding other's profiles followed by the ones in
// s that other does not redefine (same name): user profiles override the
// shipped ones and are tried first.
func (s *Set) Merge(other *Set) *Set {
	out := &Set{}
	seen := map[string]bool{}
	for _, p := range other.Profiles() {
		seen[p.Name] = true
		out.profiles = append(out.profiles, p)
	}
	for _, p := range s.Profiles() {
		if !seen[p.Name] {
			out.profiles = append(out.profiles, p)
		}
	}
	out.index()
	return out
}

// Match returns the profile for a page: the first whose hosts include host
// (or a parent domain of it), else the first whose content patterns match
// sample; nil when none does.
func (s *Set) Match(host, sample string) *Profile {
	if s == nil {
		return nil
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if host != "" {
		for _, p := range s.profiles {
			if p.matchHost(host) {
				return p
			}
		}
	}
	if sample == "" {
		return nil
	}
	for _, p := range s.profiles {
		for _, re := range p.Content {
			if mayMatch(s.lits[re], sample) && re.MatchString(sample) {
				return p
			}
		}
	}
	return nil
}

func (p *Profile) matchHost(host string) bool {
	for _, h := range p.Hosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}
