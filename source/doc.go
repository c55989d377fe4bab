// Package source reads a run's inputs and yields them as rinse.Page
// values: the read stage of the pipeline (pipeline.Source).
//
//   - Dir walks a directory tree (or one file) in sorted path order,
//     reading .html, .htm, .xhtml and .txt files, gunzipped when they end
//     in ".gz". It reads nothing outside the tree: symbolic links are
//     skipped, or followed only while they stay inside it, and only
//     regular files are opened (never blocking on a FIFO).
//   - WARCReader streams WARC and WARC.gz archives (WARCArchives lets Dir
//     read those it finds); Archiver writes fetched pages as WARC records.
//   - URLList reads a list of URLs, one a line, for the fetch stage.
//
// Sources yield in a stable order from one goroutine. An input that
// cannot be read, or is not a page, is yielded with Page.Err set (a skip
// wraps rinse.ErrSkipped); Walk fails only when the whole source does.
// The package also names the media types a page may have (HTMLTypes),
// which the fetcher shares.
package source
