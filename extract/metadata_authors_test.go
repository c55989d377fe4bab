package extract

import (
	"strings"
	"testing"
)

func TestCleanAuthorRules(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"quoted list", `'Lena Beispiel, Raul Muster'`, "Lena Beispiel; Raul Muster"},
		{"role label before the name", "Interview: Julia Muster", "Julia Muster"},
		{"two roles before the name", "Text und Interview: Harald Beispiel", "Harald Beispiel"},
		{"second label ends the names", "Interview: Jens Muster Foto: Michael Beispiel", "Jens Muster"},
		{"date label after a comma", "Autor: Gàbor Beispiel , Datum: 15.Jun.19", "Gàbor Beispiel"},
		{"profile link run into the name", "Johanna Beispiel Alle Artikel", "Johanna Beispiel"},
		{"degree after a comma", "Grant Muster, PhD", "Grant Muster"},
		{"several degrees", "Rachel Muster, MS, RD", "Rachel Muster"},
		{"initials keep their period", "R. R.", "R. R."},
		{"sentence period goes", "Anna Muster.", "Anna Muster"},
		{"agency after a slash", "Peter Muster/SP-X", "Peter Muster"},
		{"agency credit stays whole", "AFP/The Local", "AFP/The Local"},
		{"role word before the name", "Von Online-Experte Robin Beispiel", "Robin Beispiel"},
		{"weekday before the date", "Von Tomas Muster Fr, 18. Oktober 2019", "Tomas Muster"},
		{"user name with digits", "freeman1984", "freeman1984"},
		{"byline after a date", "29. Juni 2017, 23:39 · von Tobi", "Tobi"},
		{"theme credit", "Theme: Pirate Rogue von xwolf", ""},
		{"time is no name", "01:30 Min.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(cleanAuthors([]string{tc.raw}, true), "; "); got != tc.want {
				t.Errorf("cleanAuthors(%q) = %q, want %q", tc.raw, got, tc.want)
			}
		})
	}
}
