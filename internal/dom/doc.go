// Package dom holds the small helpers over parsed HTML (golang.org/x/net/html)
// that the extractor and the metadata reader share, so that both read a
// page's text, attributes and class words alike: Text, Attr, HasWord,
// IsInline, and Collapse for the whitespace of what they read.
//
// The helpers only read the tree; none of them changes it.
package dom
