// Package rinse holds the types every stage of the rinse pipeline shares:
// the raw Page a source reads, the Document the extractor builds and the
// transforms refine, and the rows the loaders write.
//
// The contract between stages is deliberately small:
//
//   - A stage never mutates its input; it returns a new value (copy the
//     struct, replace the fields it changes).
//   - A stage returns an error wrapping one of the sentinel categories in
//     errors.go. Errors wrapping ErrRejected are rejections (the input is fine
//     but unwanted); all others are failures. Both are quarantined with their
//     reason, never silently dropped.
//   - Only package pipeline starts goroutines or touches channels.
package rinse
