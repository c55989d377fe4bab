// Package lexicon holds the word tables the extract and transform stages
// share, so that both agree on what a word is: common given names, and
// the names of months and weekdays in the languages rinse reads most.
//
// It has no logic beyond lookups. Tables are keyed lower-case; Lookup
// and LookupMonth fold the case of the word they are given, IsGiven,
// IsMonth and IsWeekday expect it folded already.
package lexicon
