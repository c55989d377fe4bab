// Package configs embeds rinse's default configuration, the shipped site
// profiles and the bundled entity gazetteers, so the binary needs no files
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
