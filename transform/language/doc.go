// Package language detects a document's language: the language
// transform, a pipeline.DocProcessor that runs after normalization and
// before dates, and sets Document.Language to a lower-case ISO 639-1 code,
// or "" when unsure.
//
// The script decides most languages. Text in a script that several
// languages share is decided by a vote of frequent function words;
// whatlanggo's trigram
// statistics are asked only when the vote is open or the script is shared
// by languages without word lists. The page's own declaration (its
// <html lang>, which the extractor leaves in Document.Language) is a hint:
// it is kept when the detector is unreliable, when it names a close
// relative the detector cannot tell apart, and when it writes the same
// script unless the detector is confident on a long sample.
//
// With Options.Allowed set, a document detected as another language is
// rejected with rinse.ErrWrongLanguage; one whose language stays unknown
// is kept. Process returns a new document and never changes its input;
// it is safe for concurrent use.
package language
