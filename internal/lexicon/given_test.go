package lexicon

import "testing"

func TestIsGiven(t *testing.T) {
	for w, want := range map[string]bool{
		"anna": true, "wolfgang": true, "stefan": true, "kofi": true, "reiner": true, "birgit": true,
		// capitalized nouns and words that only look like names are left out
		"mark": false, "grace": false, "will": false, "the": false,
		// the list is lower-case: callers fold first
		"Anna": false, "": false,
	} {
		if got := IsGiven(w); got != want {
			t.Errorf("IsGiven(%q) = %v, want %v", w, got, want)
		}
	}
}
