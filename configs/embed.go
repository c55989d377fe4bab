// Package configs embeds rinse's default configuration, the shipped site
// profiles, the generic block rules and the bundled entity gazetteers, so the binary needs no files
// next to it. The YAML files here are the documentation of record for
// their formats.
package configs

import "embed"

// Default is configs/rinse.yaml, the documented default configuration.
//
//go:embed rinse.yaml
var Default []byte

// Sites holds the shipped site profiles under "sites/".
//
//go:embed sites/*.yaml
var Sites embed.FS

// Entities holds the bundled gazetteers under "entities/".
//
//go:embed entities
var Entities embed.FS

// Rules holds the generic block rules under "rules/", compiled by
// package rules (rules.LoadRules) like the patterns of a site profile.
//
//go:embed rules/*.yaml
var Rules embed.FS
