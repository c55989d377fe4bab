package language

import (
	"context"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

// benchLanguage runs the stage over a document of text, repeated to about
// 5 KB like a typical article when long is set.
func benchLanguage(b *testing.B, title, text, hint string, long bool) {
	if long {
		text = strings.Repeat(text+"\n\n", 5000/len(text)+1)
	}
	doc := &rinse.Document{Title: title, Text: text, Language: hint}
	l := New(Options{})
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLanguageLatin: a German article, decided by the vote.
func BenchmarkLanguageLatin(b *testing.B) {
	benchLanguage(b, "Neue Bibliothek eröffnet", languageParagraph(b, "de"), "de-DE", true)
}

// BenchmarkLanguageClose: Slovak, whose vote must beat Czech.
func BenchmarkLanguageClose(b *testing.B) {
	benchLanguage(b, "", languageParagraph(b, "sk"), "", true)
}

// BenchmarkLanguageCyrillic: Russian, decided by the vote.
func BenchmarkLanguageCyrillic(b *testing.B) {
	benchLanguage(b, "", languageParagraph(b, "ru"), "ru", true)
}

// BenchmarkLanguageCJK: Japanese, decided by its script.
func BenchmarkLanguageCJK(b *testing.B) {
	benchLanguage(b, "", languageParagraph(b, "ja"), "ja", true)
}

// BenchmarkLanguageShort: one sentence, a title and a snippet.
func BenchmarkLanguageShort(b *testing.B) {
	benchLanguage(b, "Neue Bibliothek eröffnet", "Hunderte Familien kamen, um sich die Lesesäle anzusehen.", "", false)
}

// BenchmarkLanguageFallback: Tagalog has no word list, so whatlanggo
// decides; this is the slow path.
func BenchmarkLanguageFallback(b *testing.B) {
	benchLanguage(b, "", languageParagraph(b, "tl"), "", true)
}
