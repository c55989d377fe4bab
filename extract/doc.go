// Package extract turns a decoded page into a rinse.Document: the
// pipeline's extract stage (a pipeline.Extractor).
//
// For HTML the Extractor parses the page (with script and style bodies
// emptied first), reads its metadata (package extract/metadata), applies
// the matching site profile (package rules), then finds the main
// content: furniture goes by ordered node rules, paragraph text scores
// its ancestors, the best candidate widens to the prose around it, and
// thin results fall back to the page's <noscript> markup, its JSON-LD
// articleBody or every block that is not mostly links. A text dump
// becomes one block per line. The Document's Blocks hold the main
// content in reading order; its Text is left to the boilerplate
// transform.
//
// Process returns a new document and never changes its input page; it is
// safe for concurrent use. A page without main content fails with
// rinse.ErrNoContent.
package extract
