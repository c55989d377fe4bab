package transform

import "github.com/rinse-etl/rinse/internal/lexicon"

// givenName tells a person's full name from a capitalized pair: one
// starting with a common given name is taken as a name ("Neil
// Armstrong"); names missing there still count with an honorific or a
// speech verb.
func givenName(w string) bool { return lexicon.IsGiven(w) }
