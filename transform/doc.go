// Package transform holds the transforms that every document goes
// through whatever its content: Normalize (Unicode NFC, plain spaces and
// one blank line between paragraphs in the text fields), Finalize (id, site,
// word count, content hash, processed_at, pipeline version; too-short
// documents are rejected) and Dedup (exact or near duplicates, run in
// input order on the sink's goroutine). The transforms that read the
// content have packages of their own below this one: boilerplate,
// language, dates and entities.
//
// Each transform is a pipeline.DocProcessor: a synchronous,
// concurrency-safe Process(ctx, doc) that returns a new document and never
// mutates its input. Rejections (too short, duplicate) wrap
// rinse.ErrRejected and are not failures.
package transform
