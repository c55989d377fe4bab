package language

import "testing"

func TestLanguageVoteTokens(t *testing.T) {
	tests := []struct {
		name, text string
		lang       string // language whose votes are counted
		votes      int
		tokens     int
	}{
		{"elisions split at the apostrophe", "L'homme qu'il a vu", "fr", 4, 6},
		{"capitals fold", "ÜBER DIE STRASSE UND DEN FLUSS", "de", 4, 6},
		{"Cyrillic capitals fold", "ЧТО ЭТО БЫЛО", "ru", 3, 3},
		{"a letter before a hyphen is a prefix", "i-Size E-Mail U-Bahn", "ca", 0, 6},
		{"hyphenated words still count", "reuniu-se com eles", "pt", 3, 4},
		{"over-long tokens are skipped", "Donaudampfschifffahrtsgesellschaftskapitän und", "de", 1, 2},
		{"digits separate words", "2019und2020", "de", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tl tally
			tl.count(tt.text)
			i := voteIndex(tt.lang, scriptLatin)
			if i < 0 {
				i = voteIndex(tt.lang, scriptCyrillic)
			}
			if tl.score[i] != tt.votes || tl.tokens != tt.tokens {
				t.Errorf("votes for %s = %d over %d tokens, want %d over %d", tt.lang, tl.score[i], tl.tokens, tt.votes, tt.tokens)
			}
		})
	}
}
