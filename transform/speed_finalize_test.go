package transform

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
)

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
