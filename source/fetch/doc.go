// Package fetch downloads pages over HTTP for URL inputs: the pipeline's
// fetch stage (a pipeline.PageProcessor), between a URL list
// (source.URLList) and the decoder.
//
// The Fetcher is polite and safe by default (start from DefaultOptions):
// it honours robots.txt and its crawl delays, paces each host and bounds
// the requests in flight to it, backs off and retries 429, 5xx and
// dropped connections (obeying Retry-After within limits), caps the body
// size and the redirects, and keeps only HTML. Its address guard refuses
// loopback, private, link-local and other non-public addresses at dial
// time, after DNS and on every redirect hop, unless told otherwise.
//
// Every failure carries a short reason (rinse.Reason): robots-disallowed,
// timeout, http-404, too-large, not-html, blocked-address,
// too-many-redirects, bad-redirect, dns-error, connection-error. A 304 answer to a
// conditional request (Options.Conditional) is a page whose Err wraps
// rinse.ErrUnchanged. Process never changes its input and is safe for
// concurrent use; the Fetcher keeps per-host state across calls.
package fetch
