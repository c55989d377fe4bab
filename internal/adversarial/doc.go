// Package adversarial writes the hostile inputs of issue 15 into a folder,
// beside good pages, and says what a run must make of each: a document
// row, a quarantine row with its reason, or a skip with its reason.
//
// The cases are those a careless user or an attacker hands rinse: links
// out of the input, a FIFO named like a page, DOM and compression bombs,
// WARC records whose Content-Length lies (short, long, 5 GiB), truncated
// gzip, binary behind an .html name, empty files, invalid UTF-8. A test
// runs them all in one `rinse run` (cmd/rinse TestAdversarialSuite); the
// note's memory figures come from the same folder.
package adversarial
