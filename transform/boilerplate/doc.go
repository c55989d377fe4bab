// Package boilerplate builds a document's text from its content blocks:
// the boilerplate transform, the first pipeline.DocProcessor after the
// extractor.
//
// The matched site profile's patterns run first, then the generic rules
// (configs/rules, compiled by package rules: page furniture that survives
// as a block of its own, and what a site says to its reader about the
// site rather than the story), in order, over every block; a profile may
// turn the generic rules off. A rule drops its block (or
// every block after it), or lifts a field out of it (author, categories,
// tags, title, dates) into the document's empty fields; blocks that
// repeat the title are dropped too. Text is the surviving blocks, a blank
// line between paragraphs; wrapped lines of a text dump are joined. A
// document left without text fails with rinse.ErrNoContent.
//
// Process returns a new document and never changes its input; it is safe
// for concurrent use.
package boilerplate
