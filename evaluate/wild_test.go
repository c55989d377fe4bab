package evaluate

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestWildGold(t *testing.T) {
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("Café owners met.\n"))
	tests := []struct {
		name, file string
		data       []byte
		url        string
		words      []string
	}{
		{"markers and address", "cleaneval__1", []byte("URL: http://a.example/x\n<h> Title here\n<p> Body </p> text\n<l> item\n"),
			"http://a.example/x", []string{"Title", "here", "Body", "text", "item"}},
		{"address after blank lines", "cleanportaleval__x", []byte("\n\r\nURL: http://b.example/\r\n<p>One two\r\n"),
			"http://b.example/", []string{"One", "two"}},
		{"a later URL line is text", "cleaneval__2", []byte("Intro\nURL: http://c.example/\n"),
			"", []string{"Intro", "URL", "http", "c", "example"}},
		{"words in angle brackets stay", "cleaneval__3", []byte("<int> and <abc> x<y\n"),
			"", []string{"int", "and", "abc", "x", "y"}},
		{"dragnet comments cut", "dragnet__1", []byte("\nHead\n\nText.\n!@#$%^&*()  COMMENTS\nNice!\n"),
			"", []string{"Head", "Text"}},
		{"dragnet separator typed twice", "dragnet__2", []byte("Text.\n!!@#$%^&*()   COMMENTS\t\nNice!\n"),
			"", []string{"Text"}},
		{"the word COMMENTS alone is text", "dragnet__3", []byte("Text.\nCOMMENTS\nNice!\n"),
			"", []string{"Text", "COMMENTS", "Nice"}},
		{"comments kept outside dragnet", "cleaneval__4", []byte("Text.\n!@#$%^&*()  COMMENTS\nNice!\n"),
			"", []string{"Text", "COMMENTS", "Nice"}},
		{"utf-16 with BOM", "dragnet__4", utf16("Grüße aus Köln\n"), "", []string{"Grüße", "aus", "Köln"}},
		{"utf-8 BOM", "dragnet__5", []byte("\xef\xbb\xbfZürich\n"), "", []string{"Zürich"}},
		{"windows-1252", "dragnet__6", cp1252, "", []string{"Café", "owners", "met"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url, text := WildGold(tt.file, tt.data)
			if url != tt.url || !slices.Equal(Tokens(text), tt.words) {
				t.Errorf("WildGold = %q, %q (tokens %q), want %q, %q", url, text, Tokens(text), tt.url, tt.words)
			}
		})
	}
}

func TestCompareWords(t *testing.T) {
	tests := []struct {
		gold, pred  string
		tp, pr, gd  int
		p, r, f1    float64
		description string
	}{
		{"The cat sat", "the CAT sat", 3, 3, 3, 1, 1, 1, "case is ignored"},
		{"a a b", "a b b c", 2, 4, 3, 0.5, 2.0 / 3, 4.0 / 7, "multisets, not sets"},
		{"a b", "", 0, 0, 2, 0, 0, 0, "nothing predicted"},
		{"a b", "c d", 0, 2, 2, 0, 0, 0, "nothing right"},
		{"naïve café_au", "naïve, café_au!", 2, 2, 2, 1, 1, 1, "Unicode words and underscores"},
	}
	for _, tt := range tests {
		c := CompareWords(tt.gold, tt.pred)
		if c.TP != tt.tp || c.Pred != tt.pr || c.Gold != tt.gd || !near(c.Precision(), tt.p) || !near(c.Recall(), tt.r) || !near(c.F1(), tt.f1) {
			t.Errorf("%s: %+v P %.3f R %.3f F1 %.3f", tt.description, c, c.Precision(), c.Recall(), c.F1())
		}
	}
}

func TestScoreWild(t *testing.T) {
	pages := []WordCounts{{TP: 1, Pred: 1, Gold: 1}, {TP: 1, Pred: 2, Gold: 2}, {Gold: 5}, {TP: 3, Pred: 4, Gold: 3}}
	s := ScoreWild(pages, []string{"a", "a", "b", "b"})
	f := []float64{1, 0.5, 0, harmonic(0.75, 1)}
	if !near(s.F1, (f[0]+f[1]+f[2]+f[3])/4) || !near(s.Median, (f[1]+f[3])/2) || !near(s.Precision, (1+0.5+0+0.75)/4) || !near(s.Recall, 2.5/4) {
		t.Errorf("score %+v", s)
	}
	if a, b := s.Sets["a"], s.Sets["b"]; a.Pages != 2 || !near(a.F1, 0.75) || b.Pages != 2 || !near(b.F1, f[3]/2) {
		t.Errorf("sets %+v", s.Sets)
	}
	if got := s.SetNames(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("set names %q", got)
	}
	if odd := ScoreWild(pages[:3], []string{"a", "a", "b"}); !near(odd.Median, 0.5) {
		t.Errorf("odd median %v", odd.Median)
	}
	if empty := ScoreWild(nil, nil); empty.Pages != 0 || empty.F1 != 0 {
		t.Errorf("empty %+v", empty)
	}
}

func TestLoadWild(t *testing.T) {
	s := mustLoad(t, Wild)
	if len(s.Cases) != 2 || s.Unscored != 1 || s.Cases[0].ID != "cleaneval__1" || s.Cases[1].ID != "dragnet__2" {
		t.Fatalf("cases %q, unscored %d", ids(s), s.Unscored)
	}
	c, d := s.Cases[0], s.Cases[1]
	if c.URL != "http://www.example.org/river" || strings.Contains(c.Text, "<p>") || strings.Contains(c.Text, "URL") {
		t.Errorf("cleaneval case %+v", c)
	}
	if d.URL != "" || strings.Contains(d.Text, "Great post") || !strings.Contains(string(d.Raw), "Great post") {
		t.Errorf("dragnet case %+v", d)
	}
	if SourceSet(c.ID) != "cleaneval" || SourceSet("plain") != "" {
		t.Errorf("source sets %q %q", SourceSet(c.ID), SourceSet("plain"))
	}
	if _, err := Load(Wild, t.TempDir()); err == nil {
		t.Error("a folder without gold texts loaded")
	}
}
