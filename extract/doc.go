// Package extract reads inputs and turns bytes into documents.
//
// Sources (a directory tree, gzip files, WARC archives, fetched URLs)
// implement pipeline.Source and yield rinse.Page values in a stable order.
// The Decoder converts a page's bytes to UTF-8 from its declared or
// detected charset. The Extractor parses the DOM (or the lines of a text
// dump), finds the main content and the page's metadata, and returns a
// rinse.Document whose Blocks hold the main content in reading order.
//
// Everything here is synchronous and safe for concurrent use; package
// pipeline owns the goroutines. No function mutates its input page.
package extract
