package language

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// languageParagraph reads testdata/<name>.txt: a short news-like
// paragraph written for these tests. The language it is in is the name
// up to the first '-' ("sr-latn" is Serbian in Latin letters).
func languageParagraph(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

func languageParagraphNames(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) < 40 {
		tb.Fatalf("language paragraphs: %d files, %v", len(files), err)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(filepath.Base(f), ".txt")
	}
	return names
}

// TestLanguageParagraphs covers every language with a function-word list,
// the scripts that name their language, and two Latin-script languages
// left to whatlanggo (Tagalog has no list).
func TestLanguageParagraphs(t *testing.T) {
	l := New(Options{})
	for _, name := range languageParagraphNames(t) {
		want, _, _ := strings.Cut(name, "-")
		text := languageParagraph(t, name)
		t.Run(name, func(t *testing.T) {
			if got := l.Detect("", text, ""); got != want {
				t.Errorf("Detect = %q, want %q", got, want)
			}
			// The first sentence alone, as a title, still decides.
			first, rest, _ := strings.Cut(text, ". ")
			if got := l.Detect(first, rest, ""); got != want {
				t.Errorf("Detect with title = %q, want %q", got, want)
			}
		})
	}
}

// TestLanguageListedPairs checks that every language with a word list wins
// its own paragraph by the vote alone, with a clear lead over its closest
// relative, so whatlanggo is not needed for them.
func TestLanguageListedPairs(t *testing.T) {
	for _, name := range languageParagraphNames(t) {
		want, _, _ := strings.Cut(name, "-")
		text := languageParagraph(t, name)
		counts := countScripts(text)
		s := counts.dominant()
		if !voted[s] || want == "tl" {
			continue
		}
		tl := new(tally)
		tl.count(text)
		w := tl.winner(s)
		if w < 0 || functionWords[w].lang != want || !tl.ample(w, counts.letters) || !tl.leads(w, 2, voteMargin) {
			t.Errorf("%s: vote not decisive (winner %d)", name, w)
		}
	}
}
