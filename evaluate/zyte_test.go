package evaluate

import (
	"math"
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"punctuation splits", "Hello, world! It's 2021.", []string{"Hello", "world", "It", "s", "2021"}},
		{"case kept", "ABC abc", []string{"ABC", "abc"}},
		{"underscore is a word char", "snake_case-kebab", []string{"snake_case", "kebab"}},
		{"cyrillic", "Привет, мир", []string{"Привет", "мир"}},
		{"cjk runs stay one token", "東京都 の天気", []string{"東京都", "の天気"}},
		{"accented precomposed", "café naïve", []string{"café", "naïve"}},
		// Python's \w does not match combining marks, so a decomposed
		// accent splits the word there too.
		{"combining mark splits", "cafe\u0301s", []string{"cafe", "s"}},
		{"other numbers", "½ x²", []string{"½", "x²"}},
		{"curly quotes and dashes", "“Yes”—she said", []string{"Yes", "she", "said"}},
		{"empty", "", nil},
		{"only punctuation", " .,;— ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCompareShingles(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		want        ShingleCounts
	}{
		{"identical", "one two three four five", "one two three four five", ShingleCounts{TP: 2, Exact: true}},
		{"same tokens, other punctuation", "one, two. three four", "one two three four!", ShingleCounts{TP: 1, Exact: true}},
		{"empty prediction", "one two three four five", "", ShingleCounts{FN: 2}},
		{"empty truth", "", "one two three four", ShingleCounts{FP: 1}},
		{"both empty", "", "", ShingleCounts{Exact: true}},
		{"shorter than a shingle", "one two three", "one two", ShingleCounts{}},
		{"boilerplate added", "a b c d", "menu a b c d", ShingleCounts{TP: 1, FP: 1}},
		{"case matters", "One two three four", "one two three four", ShingleCounts{FP: 1, FN: 1}},
		// truth: abcd×2, bcda, cdab, dabc; pred abcd once: shingles count
		// as a multiset, so the second abcd is still missing.
		{"repeated shingle under-predicted", "a b c d a b c d", "a b c d", ShingleCounts{TP: 1, FN: 4}},
		// pred: abcd×3, bcda×2, cdab×2, dabc×2 against the truth above:
		// one surplus of each.
		{"repeated shingle over-predicted", "a b c d a b c d", "a b c d a b c d a b c d", ShingleCounts{TP: 5, FP: 4}},
		{"unicode", "Городской совет утвердил новый бюджет", "Городской совет утвердил новый план", ShingleCounts{TP: 1, FP: 1, FN: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CompareShingles(tt.truth, tt.pred); got != tt.want {
				t.Errorf("CompareShingles(%q, %q) = %+v, want %+v", tt.truth, tt.pred, got, tt.want)
			}
		})
	}
}

func TestScoreZyte(t *testing.T) {
	tests := []struct {
		name  string
		pages []ShingleCounts
		want  ZyteScore
	}{
		{
			// The empty prediction has TP+FP = 0: it is left out of the
			// precision mean but pulls the recall mean down.
			name:  "empty prediction skipped from precision",
			pages: []ShingleCounts{{TP: 3, FP: 1}, {FN: 5}},
			want:  ZyteScore{Pages: 2, Precision: 0.75, Recall: 0.5, F1: 0.6, PrecisionPages: 1, RecallPages: 2},
		},
		{
			// F1 is the harmonic mean of the means (0.682), not the mean
			// of the per-page F1s ((1 + 1/3)/2 = 0.667).
			name:  "F1 of means",
			pages: []ShingleCounts{{TP: 1, Exact: true}, {TP: 1, FP: 1, FN: 3}},
			want:  ZyteScore{Pages: 2, Precision: 0.75, Recall: 0.625, F1: 2 * 0.75 * 0.625 / 1.375, Accuracy: 0.5, PrecisionPages: 2, RecallPages: 2},
		},
		{
			name:  "no pages",
			pages: nil,
			want:  ZyteScore{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreZyte(tt.pages)
			if !closeZyte(got, tt.want) {
				t.Errorf("ScoreZyte = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func closeZyte(a, b ZyteScore) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	return a.Pages == b.Pages && a.PrecisionPages == b.PrecisionPages && a.RecallPages == b.RecallPages &&
		near(a.Precision, b.Precision) && near(a.Recall, b.Recall) && near(a.F1, b.F1) && near(a.Accuracy, b.Accuracy)
}

// FuzzCompareShingles checks the multiset bookkeeping on arbitrary text:
// TP+FN covers the truth's shingles, TP+FP the prediction's, and a text
// compared with itself is exact with no error.
func FuzzCompareShingles(f *testing.F) {
	f.Add("a b c d a b c d", "a b c d")
	f.Add("Привет, мир, как дела сегодня", "")
	f.Add("", "x\u0301y z_1 ½ 東京")
	f.Add("\xff\xfe broken utf8 text here", "broken utf8 text here")
	f.Fuzz(func(t *testing.T, truth, pred string) {
		c := CompareShingles(truth, pred)
		nt := max(0, len(Tokens(truth))-shingleSize+1)
		np := max(0, len(Tokens(pred))-shingleSize+1)
		if c.TP+c.FN != nt || c.TP+c.FP != np {
			t.Fatalf("counts %+v do not add up to %d truth and %d predicted shingles", c, nt, np)
		}
		if s := CompareShingles(truth, truth); !s.Exact || s.FP != 0 || s.FN != 0 {
			t.Fatalf("self comparison %+v", s)
		}
	})
}
