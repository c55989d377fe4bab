// Package dates normalizes a document's dates: the dates transform, a
// pipeline.DocProcessor that runs after the language stage (it reads the
// document's language and region) and before entities.
//
// Dates fills five columns:
//
//   - published_at / updated_at from the document's DateHints: the first
//     hint of each field that ParseTimestamp reads and that is plausible
//     wins, then yields to what the page shows (a full date in the URL
//     path more than a day off that no visible text writes out, a
//     visible date in place of a metadata date the page never shows); a
//     UTC time near midnight is read as the page's local day, and a page
//     that shows only its update is dated by it. Values with a time of
//     day keep their instant exactly, honouring the source offset (no
//     offset: taken as UTC); the dataset column stores it in UTC, while
//     the Document keeps the source offset as the time's location so the
//     calendar date the page stated stays recoverable. A value with only
//     a day (or month, or year) is stored as midnight UTC of its first
//     day: the column cannot say "day only", and midnight UTC keeps the
//     calendar date whatever the reader's zone. A column already set
//     upstream is left alone.
//   - published_date / updated_date: the calendar day of published_at /
//     updated_at in the page's own zone (the offset the page wrote, UTC
//     when it wrote none), as midnight UTC of that day: the day a reader
//     of the page saw, whatever the UTC instant's date.
//   - dates: the dates mentioned in Text (Find), each as midnight UTC of
//     the first day of the period with its precision.
//
// Plausible publication dates lie between 1995 and two days after the
// reference clock (FetchedAt, else ProcessedAt, else now): earlier values
// in metadata are nearly always defaults or placeholders ("1970-01-01",
// "0001-01-01"), later ones wrong clocks.
//
// Ambiguous numeric dates (05/04/2023, both numbers 12 or less) are read
// day first in the languages that write them so (de, fr, es, it, pt, nl
// and most of Europe); in English with slashes month first, the US habit
// that dominates English pages; in English with dots or dashes, in
// Chinese, Japanese or Korean (which write year first) and when the
// language is unknown, they are left out. Unambiguous ones (25/12/2023)
// always count. Dates without a year and relative dates ("yesterday",
// "vor 3 Tagen") are resolved against the publication date and left out
// when it is unknown. Month names come from package internal/lexicon.
//
// Process returns a new document and never changes its input; it never
// fails a document for its dates (unreadable hints are skipped). It is
// safe for concurrent use.
package dates
