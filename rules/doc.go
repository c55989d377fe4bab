// Package rules compiles site profiles and the text rules they carry:
// small YAML files (shipped in configs/sites, or given by the user) that
// teach the extractor about one site without code. A profile matches
// pages by host or by content, names CSS selectors to drop or to read
// fields from, and lists text patterns that drop boilerplate blocks or
// lift fields (author, categories, tags, title, dates) out of them.
//
// The generic block rules, which run on every page after its profile's
// patterns (configs/rules), are compiled by the same code: a rule file is
// a list of patterns in the profile format (LoadRules). A profile turns
// them off for its pages with "generic_rules: false".
//
// Profiles and rules are compiled once at start-up; an invalid one is an
// error that names its file and line. A compiled Set or List is read-only
// and safe for concurrent use.
package rules
