package evaluate

import (
	"slices"
	"strings"
)

// Metadata fields the boilerplate suite labels.
const (
	FieldTitle      = "title"
	FieldAuthor     = "author"
	FieldDate       = "date"
	FieldCategories = "categories"
	FieldTags       = "tags"
)

// MetaFields lists the scored metadata fields in report order.
var MetaFields = []string{FieldTitle, FieldAuthor, FieldDate, FieldCategories, FieldTags}

// SnippetCounts is the per-page outcome of the snippet scoring, with the
// snippets that went wrong kept for the dump.
type SnippetCounts struct {
	TP, FN, FP, TN int
	Missed         []string // `with` snippets not found
	Leaked         []string // `without` snippets found
}

// CompareSnippets checks the with/without snippets against a main text,
// after collapsing whitespace on both sides. failed says the extractor
// errored: every with is then missed and every without counts as found,
// so a failure never scores better than a bad extraction.
func CompareSnippets(with, without []string, text string, failed bool) SnippetCounts {
	text = collapse(text)
	var c SnippetCounts
	for _, s := range with {
		if !failed && strings.Contains(text, collapse(s)) {
			c.TP++
		} else {
			c.FN++
			c.Missed = append(c.Missed, s)
		}
	}
	for _, s := range without {
		if failed || strings.Contains(text, collapse(s)) {
			c.FP++
			c.Leaked = append(c.Leaked, s)
		} else {
			c.TN++
		}
	}
	return c
}

// collapse joins the words of s with single spaces.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// Accuracy is the page's share of correct snippet decisions.
func (c SnippetCounts) Accuracy() float64 {
	a, ok := ratio(c.TP+c.TN, c.TP+c.TN+c.FP+c.FN)
	if !ok {
		return 1
	}
	return a
}

// MetaMatches compares the labelled metadata of a page with an extraction:
// the result has one entry per labelled field, true when it matched.
func MetaMatches(labels map[string][]string, e Extracted) map[string]bool {
	got := map[string][]string{
		FieldTitle:      {e.Title},
		FieldAuthor:     {e.Author},
		FieldDate:       {day(e.Date)},
		FieldCategories: e.Categories,
		FieldTags:       e.Tags,
	}
	m := make(map[string]bool, len(labels))
	for field, want := range labels {
		if e.Err != nil {
			m[field] = false
			continue
		}
		m[field] = slices.Equal(normalize(field, want), normalize(field, got[field]))
	}
	return m
}

// normalize turns a field's values into a sorted set of trimmed items.
// Authors may be a ';'-separated list in one string; lists are compared
// as sets because their order carries no meaning in the labels. An empty
// label means the page has none: only an empty extraction matches it.
func normalize(field string, vals []string) []string {
	var out []string
	for _, v := range vals {
		parts := []string{v}
		if field == FieldAuthor {
			parts = strings.Split(v, ";")
		}
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// FieldScore is the exact-match rate of one metadata field over the pages
// that label it; NonEmpty counts the labels that hold a value, since an
// empty label is matched by extracting nothing.
type FieldScore struct {
	Labelled, Correct         int
	NonEmpty, NonEmptyCorrect int
}

// Rate is Correct/Labelled.
func (f FieldScore) Rate() float64 { r, _ := ratio(f.Correct, f.Labelled); return r }

// NonEmptyRate is NonEmptyCorrect/NonEmpty.
func (f FieldScore) NonEmptyRate() float64 { r, _ := ratio(f.NonEmptyCorrect, f.NonEmpty); return r }

// BoilerplateScore sums snippet decisions over all pages.
type BoilerplateScore struct {
	TP, FN, FP, TN int
	Precision      float64
	Recall         float64
	F1             float64
	Accuracy       float64
	Meta           map[string]FieldScore
}

// ScoreBoilerplate aggregates per-page snippet counts and metadata matches
// (metas[i] belongs to the page of pages[i]; labels[i] are its labels).
func ScoreBoilerplate(pages []SnippetCounts, labels []map[string][]string, metas []map[string]bool) BoilerplateScore {
	var s BoilerplateScore
	for _, c := range pages {
		s.TP += c.TP
		s.FN += c.FN
		s.FP += c.FP
		s.TN += c.TN
	}
	s.Precision, _ = ratio(s.TP, s.TP+s.FP)
	s.Recall, _ = ratio(s.TP, s.TP+s.FN)
	s.F1, _ = ratio(2*s.TP, 2*s.TP+s.FP+s.FN)
	s.Accuracy, _ = ratio(s.TP+s.TN, s.TP+s.TN+s.FP+s.FN)
	s.Meta = map[string]FieldScore{}
	for i, m := range metas {
		for field, ok := range m {
			f := s.Meta[field]
			f.Labelled++
			nonEmpty := len(normalize(field, labels[i][field])) > 0
			if nonEmpty {
				f.NonEmpty++
			}
			if ok {
				f.Correct++
				if nonEmpty {
					f.NonEmptyCorrect++
				}
			}
			s.Meta[field] = f
		}
	}
	return s
}
