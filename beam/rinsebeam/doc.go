// Package rinsebeam runs rinse's stages as an Apache Beam pipeline: the
// same decode → extract → transform stages the rinse command runs, built
// by package assemble from the same configuration, on any Beam runner
// (Prism by default; Flink, Spark, Dataflow).
//
// Build adds the pipeline to a scope:
//
//	list inputs → Reshuffle → read → Reshuffle → stages → repeats →
//	exact duplicates (GroupByKey by content hash) → near-duplicates →
//	sharded Parquet files → publish
//
// Its contract is the rinse command's on a fresh output: the same rows,
// with the same ids, content hashes and duplicate decisions, and the same
// quarantine rows. For that:
//
//   - Inputs are numbered in the command's order (a tree is listed by
//     source.Dir's own walk, an archive's records by their place in it) and
//     every decision that depends on order compares those numbers, never
//     the order in which a runner happens to deliver elements.
//   - Pages go through pipeline.Run, the command's engine, one run per
//     bundle: time budgets, panics, stage names and reasons are the
//     command's own. The engine's workers give a bundle the machine's
//     cores, which a runner that executes one bundle per stage (Prism)
//     would not.
//   - The same input twice keeps its first row; exact duplicates (same
//     content hash) keep the first by input order and go to _duplicates/
//     with duplicate_of; near-duplicates keep their row, duplicate_of
//     pointing at the first similar kept document, compared with the same
//     band candidates (load.MaxNearCandidates) and threshold as a commit.
//
// Files appear atomically: every bundle writes under
// OUTPUT/_staging/RUN/ with names no retry reuses; a final step, run once
// after every file is complete, moves the files a successful bundle
// reported to their names, writes OUTPUT/_beam/RUN.json and removes the
// staging (with whatever failed or retried bundles left there).
//
// Object stores (s3://, gs://, azblob://) are read and written through the
// same drivers as the rinse command (package buckets), so inputs are named
// and listed exactly as the command names and lists them.
package rinsebeam
