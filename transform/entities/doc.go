// Package entities finds the named entities a document's text mentions:
// the entities transform, a pipeline.DocProcessor that runs after dates
// and before finalize, and sets Document.Entities (canonical name, type
// and mention count, in order of first mention).
//
// Names come from gazetteers: the bundled ones (configs/entities, built
// by tools/gengazetteer) and the user's, in the same YAML format, merged
// over them. Countries, organizations, their aliases and acronyms are
// matched longest-first over whole words ("South Korea" is never also
// "Korea"); acronyms a page defines ("the Non-Aligned Movement (NAM)")
// count, on that page, into their long form, and guarded acronyms that
// are also common words count only with such evidence. People are
// recognized from the shape of the text alone, and only with strong
// evidence: a common given name (internal/lexicon), an honorific, or a
// speech verb.
//
// Gazetteers are compiled once, by New; an Entities is then read-only and
// safe for concurrent use. Process returns a new document and never
// changes its input.
package entities
