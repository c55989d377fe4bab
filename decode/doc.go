// Package decode turns a page's raw bytes into UTF-8.
//
// The Decoder is the pipeline's decode stage (a pipeline.PageProcessor).
// It refuses empty and binary bodies (images, archives, executables that
// turn up under text names) and bodies over its size cap, then picks the
// charset in order of trust: the HTTP Content-Type header, a byte-order
// mark, a <meta> or XML declaration, and detection for bytes that are not
// UTF-8, with windows-1252 as the last resort. A declared charset the
// bytes plainly contradict is overruled; a page declared UTF-8 with a few
// broken bytes keeps UTF-8, each broken run replaced by U+FFFD. It sets Page.Charset, and
// Page.Kind when the source left it empty (rinse.SniffKind).
//
// Process returns a new page and never changes its input; valid UTF-8,
// most of the web, is passed on without a copy. It is safe for
// concurrent use.
package decode
