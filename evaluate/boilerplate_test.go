package evaluate

import (
	"errors"
	"maps"
	"slices"
	"testing"
)

func TestCompareSnippets(t *testing.T) {
	with := []string{"Tomatoes need plenty of sun.", "Water them at dawn."}
	without := []string{"Impressum", "Share this post"}
	tests := []struct {
		name   string
		text   string
		failed bool
		want   SnippetCounts
	}{
		{
			name: "clean extraction",
			text: "Tomatoes need plenty of sun.\n\nWater them at dawn.",
			want: SnippetCounts{TP: 2, TN: 2},
		},
		{
			name: "whitespace collapsed on both sides",
			text: "Tomatoes  need\nplenty\tof sun. Water them\u00a0at dawn.",
			want: SnippetCounts{TP: 2, TN: 2},
		},
		{
			name: "boilerplate leaked, paragraph missed",
			text: "Impressum\nTomatoes need plenty of sun.\nShare this post",
			want: SnippetCounts{TP: 1, FN: 1, FP: 2, Missed: with[1:], Leaked: without},
		},
		{
			name: "empty prediction",
			text: "",
			want: SnippetCounts{FN: 2, TN: 2, Missed: with},
		},
		{
			name:   "error counts every with as FN and every without as FP",
			text:   "Tomatoes need plenty of sun.",
			failed: true,
			want:   SnippetCounts{FN: 2, FP: 2, Missed: with, Leaked: without},
		},
		{
			name: "matching is case-sensitive",
			text: "tomatoes need plenty of sun. water them at dawn.",
			want: SnippetCounts{FN: 2, TN: 2, Missed: with},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CompareSnippets(with, without, tt.text, tt.failed)
			if got.TP != tt.want.TP || got.FN != tt.want.FN || got.FP != tt.want.FP || got.TN != tt.want.TN ||
				!slices.Equal(got.Missed, tt.want.Missed) || !slices.Equal(got.Leaked, tt.want.Leaked) {
				t.Errorf("CompareSnippets = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMetaMatches(t *testing.T) {
	labels := map[string][]string{
		FieldTitle:      {" Notes on gardening "},
		FieldAuthor:     {"Ann Lee; Bo Chen"},
		FieldDate:       {"2021-04-02"},
		FieldCategories: {"Garden", "Food"},
		FieldTags:       {},
	}
	tests := []struct {
		name string
		got  Extracted
		want map[string]bool
	}{
		{
			name: "all match after trimming, author and lists as sets",
			got: Extracted{Title: "Notes on gardening", Author: "Bo Chen;Ann Lee ", Date: "2021-04-02T10:00:00Z",
				Categories: []string{"Food ", "Garden"}},
			want: map[string]bool{FieldTitle: true, FieldAuthor: true, FieldDate: true, FieldCategories: true, FieldTags: true},
		},
		{
			name: "one author of two, wrong day, extra tag",
			got:  Extracted{Title: "Notes on gardening | Blog", Author: "Ann Lee", Date: "2021-04-03", Tags: []string{"sun"}},
			want: map[string]bool{FieldTitle: false, FieldAuthor: false, FieldDate: false, FieldCategories: false, FieldTags: false},
		},
		{
			name: "error matches nothing, not even the empty tags label",
			got:  Extracted{Err: errors.New("boom")},
			want: map[string]bool{FieldTitle: false, FieldAuthor: false, FieldDate: false, FieldCategories: false, FieldTags: false},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MetaMatches(labels, tt.got); !maps.Equal(got, tt.want) {
				t.Errorf("MetaMatches = %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("author label as a list", func(t *testing.T) {
		l := map[string][]string{FieldAuthor: {"Dee Park", "Eli Ross"}}
		if m := MetaMatches(l, Extracted{Author: "Eli Ross; Dee Park"}); !m[FieldAuthor] {
			t.Error("a list label should match the same names joined by ';'")
		}
	})
	t.Run("unlabelled fields are not scored", func(t *testing.T) {
		if m := MetaMatches(map[string][]string{FieldTitle: {"T"}}, Extracted{Title: "T"}); len(m) != 1 {
			t.Errorf("got %v, want only the title", m)
		}
	})
}

func TestScoreBoilerplate(t *testing.T) {
	pages := []SnippetCounts{{TP: 2, TN: 2}, {TP: 1, FN: 1, FP: 2}, {FN: 3, FP: 1}}
	labels := []map[string][]string{
		{FieldAuthor: {"Ann"}, FieldTags: {}},
		{FieldAuthor: {""}},
		{},
	}
	metas := []map[string]bool{
		{FieldAuthor: true, FieldTags: false},
		{FieldAuthor: true},
		{},
	}
	s := ScoreBoilerplate(pages, labels, metas)
	if s.TP != 3 || s.FN != 4 || s.FP != 3 || s.TN != 2 {
		t.Fatalf("counts %+v", s)
	}
	if !near(s.Precision, 0.5) || !near(s.Recall, 3.0/7) || !near(s.F1, 6.0/13) || !near(s.Accuracy, 5.0/12) {
		t.Errorf("P %.4f R %.4f F1 %.4f acc %.4f", s.Precision, s.Recall, s.F1, s.Accuracy)
	}
	if a := s.Meta[FieldAuthor]; a != (FieldScore{Labelled: 2, Correct: 2, NonEmpty: 1, NonEmptyCorrect: 1}) {
		t.Errorf("author %+v", a)
	}
	if g := s.Meta[FieldTags]; g != (FieldScore{Labelled: 1}) || g.Rate() != 0 {
		t.Errorf("tags %+v", g)
	}
	if _, ok := s.Meta[FieldTitle]; ok {
		t.Error("title is labelled on no page and must not be scored")
	}
}

func near(a, b float64) bool { d := a - b; return d < 1e-9 && d > -1e-9 }
