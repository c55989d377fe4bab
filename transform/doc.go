// Package transform refines documents: boilerplate rules over content
// blocks, text normalization, dates, entities, language and duplicates.
//
// Each transform is a pipeline.DocProcessor: a synchronous, concurrency-safe
// Process(ctx, doc) that returns a new document and never mutates its
// input. Rejections (too short, wrong language, duplicate) wrap
// rinse.ErrRejected and are not failures.
package transform
