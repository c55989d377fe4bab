// Package names holds word lists about people's names shared by the
// extract and transform stages: which words are common given names. It
// has no logic beyond lookups, so both stages agree on what a name is.
package names
