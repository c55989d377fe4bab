// Package rules compiles site profiles and the text rules they carry:
// small YAML files (shipped in configs/sites, or given by the user) that
// teach the extractor about one site without code. A profile matches
// pages by host or by content, names CSS selectors to drop or to read
// fields from, and lists text patterns that drop boilerplate blocks or
// lift fields (author, categories, tags, title, dates) out of them.
//
// Profiles are compiled once at start-up; an invalid one is an error that
// names its file and line. A compiled Set is read-only and safe for
// concurrent use.
package rules
