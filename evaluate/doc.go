// Package evaluate measures extraction quality and speed on labelled
// suites of real pages: it loads a suite folder, runs an extractor over
// every page, and scores the results the way each suite's public benchmark
// defines it.
//
// Four suites are known (see Kind): "zyte" scores the main text by
// overlapping 4-token shingles, "boilerplate" checks snippets that must or
// must not appear in the main text plus metadata, "dates" checks the
// publication date, and "wild" scores the main text of older and varied
// pages as bags of words against gold text (mean precision, recall and
// F1 over pages, the median F1 and the mean F1 of each source set). Extractors are plain functions (Func), so rinse and
// other libraries are scored by the same code; Rinse adapts rinse's own
// stages.
//
// The suites themselves are third-party pages kept outside the repository;
// the package takes their folder as an argument and never embeds them.
package evaluate
