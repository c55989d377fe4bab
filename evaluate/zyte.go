package evaluate

import (
	"slices"
	"strings"
	"unicode"
)

// shingleSize is the benchmark's shingle length in tokens.
const shingleSize = 4

// Tokens splits s the way the zyte benchmark's `\w+` does with Unicode
// word characters: runs of letters, digits and underscores. Case is kept,
// as the benchmark lower-cases nothing.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isWord(r) })
}

// isWord mirrors Python's Unicode \w: alphanumeric (any letter or number
// category) or underscore. Combining marks are not word characters there,
// so they are not here either.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingles counts the overlapping shingleSize-token windows of tokens. A
// text shorter than one shingle yields none, as in the benchmark.
func shingles(tokens []string) map[string]int {
	m := make(map[string]int, len(tokens))
	for i := 0; i+shingleSize <= len(tokens); i++ {
		// \x00 cannot occur inside a token, so keys cannot collide.
		m[strings.Join(tokens[i:i+shingleSize], "\x00")]++
	}
	return m
}

// ShingleCounts is the per-page outcome of the zyte scoring.
type ShingleCounts struct {
	TP, FP, FN int
	// Exact is true when the token sequences are equal.
	Exact bool
}

// CompareShingles scores a predicted main text against the truth.
func CompareShingles(truth, pred string) ShingleCounts {
	tt, pt := Tokens(truth), Tokens(pred)
	ts, ps := shingles(tt), shingles(pt)
	var c ShingleCounts
	for k, n := range ps {
		t := ts[k]
		c.TP += min(n, t)
		c.FP += max(0, n-t)
	}
	for k, t := range ts {
		c.FN += max(0, t-ps[k])
	}
	c.Exact = slices.Equal(tt, pt)
	return c
}

// Precision is TP/(TP+FP); ok is false when there is nothing predicted,
// which the benchmark skips from the mean.
func (c ShingleCounts) Precision() (p float64, ok bool) { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN); ok is false when the truth has no shingle.
func (c ShingleCounts) Recall() (r float64, ok bool) { return ratio(c.TP, c.TP+c.FN) }

// F1 is the page's own F1, used only to rank pages for the dump.
func (c ShingleCounts) F1() float64 {
	p, _ := c.Precision()
	r, _ := c.Recall()
	return harmonic(p, r)
}

// ZyteScore aggregates pages as the benchmark does: per-page precision and
// recall are averaged, and F1 is the harmonic mean of the two means.
type ZyteScore struct {
	Pages     int
	Precision float64
	Recall    float64
	F1        float64
	Accuracy  float64
	// PrecisionPages and RecallPages count the pages in each mean.
	PrecisionPages, RecallPages int
}

// ScoreZyte aggregates per-page counts.
func ScoreZyte(pages []ShingleCounts) ZyteScore {
	s := ZyteScore{Pages: len(pages)}
	var psum, rsum float64
	exact := 0
	for _, c := range pages {
		if p, ok := c.Precision(); ok {
			psum += p
			s.PrecisionPages++
		}
		if r, ok := c.Recall(); ok {
			rsum += r
			s.RecallPages++
		}
		if c.Exact {
			exact++
		}
	}
	s.Precision, _ = fratio(psum, s.PrecisionPages)
	s.Recall, _ = fratio(rsum, s.RecallPages)
	s.F1 = harmonic(s.Precision, s.Recall)
	s.Accuracy, _ = ratio(exact, len(pages))
	return s
}

func ratio(a, b int) (float64, bool) { return fratio(float64(a), b) }

func fratio(a float64, b int) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return a / float64(b), true
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
