package transform

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"github.com/rinse-etl/rinse"
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestCountWords(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"On 1 August 1975, North Korea's entry.", 7},
		{"well-known  words\n\nhere", 4},
		{"東京は日本の首都です", 10},
		{"Ça coûte 5 €", 3},
	}
	for _, c := range cases {
		if got := CountWords(c.in); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestFinalize(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("X", 3600))
	f := NewFinalize(FinalizeOptions{Version: "v1", MinWords: 3, Now: func() time.Time { return now }})
	in := &rinse.Document{Source: "a/b.html", URL: "https://www.Example.com/x", Text: "One two three four.", Blocks: []rinse.Block{{Text: "x"}}}
	out, err := f.Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if out.ID != DocumentID("a/b.html") || len(out.ID) != 32 || out.Site != "example.com" || out.WordCount != 4 ||
		out.PipelineVersion != "v1" || !out.ProcessedAt.Equal(now) || out.ProcessedAt.Location() != time.UTC {
		t.Errorf("finalized = %+v", out)
	}
	if in.ID != "" || in.Blocks == nil {
		t.Error("Finalize mutated its input")
	}
	if ContentHash("One  two\n\nTHREE") != ContentHash("one two three") {
		t.Error("content hash must ignore case and spacing")
	}
	_, err = f.Process(context.Background(), &rinse.Document{Text: "too short"})
	if !errors.Is(err, rinse.ErrTooShort) || !rinse.IsRejection(err) {
		t.Errorf("short text: err = %v, want a too-short rejection", err)
	}
}

func TestNormalize(t *testing.T) {
	in := &rinse.Document{
		Text:  "  First\u00a0 para\u200bgraph\r\nwraps.\n\n\n\nSecond\tone. ",
		Title: "Cafe\u0301  title",
		Tags:  []string{"A", " a ", "", "B"},
	}
	out, _ := Normalize{}.Process(context.Background(), in)
	if want := "First paragraph wraps.\n\nSecond one."; out.Text != want {
		t.Errorf("Text = %q, want %q", out.Text, want)
	}
	if out.Title != "Café title" {
		t.Errorf("Title = %q", out.Title)
	}
	if len(out.Tags) != 2 {
		t.Errorf("Tags = %q, want duplicates and empties dropped", out.Tags)
	}
}

// TestIsCJKFastPath: the early return below firstCJK must agree with the
// tables for every rune.
func TestIsCJKFastPath(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		slow := unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
			unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
		if isCJK(r) != slow {
			t.Fatalf("isCJK(%U) = %v", r, !slow)
		}
	}
}

// TestContentHashUnchanged: hashes are stored in datasets and compared
// across runs, so the reuse of one buffer must not change them.
func TestContentHashUnchanged(t *testing.T) {
	ref := func(text string) string {
		h := sha256.New()
		for _, w := range strings.Fields(strings.ToLower(text)) {
			h.Write([]byte(w + " "))
		}
		return hex.EncodeToString(h.Sum(nil)[:16])
	}
	for _, s := range []string{"", "  ", "One", "Der Bürgermeister  sagte:\n\nNein.", "東京 タワー\t2024"} {
		if got, want := ContentHash(s), ref(s); got != want {
			t.Errorf("ContentHash(%q) = %s, want %s", s, got, want)
		}
	}
}
