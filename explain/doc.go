// Package explain records, for one page, why each piece of its text was
// kept or removed and where each metadata field came from, and renders
// that as one self-contained HTML page (rinse inspect --explain).
//
// The contract:
//
//   - A Trace travels in the context (With, From). From returns nil
//     when nobody explains, and stages record only behind
//     `if t := explain.From(ctx); t != nil`: a normal run pays one
//     context lookup per stage and nothing else. The pipeline engine
//     knows nothing of it.
//   - Stages record what they decide, through small hooks at the place
//     they decide it (Drop, Choose, Filter, Edit, Origin, Note); this
//     package never repeats a stage's logic. It only lines the records
//     up with the page: DOM-level decisions (a node and its reason) are
//     mapped to the page's original blocks by ancestry, block-level ones
//     (rules over block text) by text, and text absent from the result
//     that no record explains says so ("not in the chosen content").
//   - Recording never changes what a stage returns. A Trace belongs to
//     one page; its methods lock, so a stray concurrent use is safe but
//     meaningless.
//   - Render writes HTML with inline CSS only: no script, no external
//     resource, so the file can be opened or mailed as it is.
//
// The package imports only the root package and golang.org/x/net/html;
// stages import it, never the reverse.
package explain
