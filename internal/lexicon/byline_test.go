package lexicon

import (
	"regexp"
	"testing"
)

func TestBylineWords(t *testing.T) {
	for _, tc := range []struct {
		w          string
		role, agcy bool
	}{
		{"Editor", true, false}, {"REDAKTEURIN", true, false}, {"periodista", true, false},
		{"Reuters", false, true}, {" dpa ", false, true}, {"Associated Press", false, true},
		{"Anna", false, false}, {"Muster", false, false}, {"kathpress", false, true},
	} {
		if IsRoleWord(tc.w) != tc.role || IsAgency(tc.w) != tc.agcy {
			t.Errorf("%q: role %v agency %v, want %v %v", tc.w, IsRoleWord(tc.w), IsAgency(tc.w), tc.role, tc.agcy)
		}
	}
	re := regexp.MustCompile(`^(?:` + Alternation(BylineWords()) + `)\s`)
	for _, s := range []string{"by Anna", "Przez Jan", "scritto da Anna", "Από Γιώργος"} {
		if !re.MatchString(s) && !regexp.MustCompile(`(?i)`+re.String()).MatchString(s) {
			t.Errorf("%q does not open with a byline word", s)
		}
	}
	if got := Alternation([]string{"di", "a cura di", "a.b"}); got != `a cura di|a\.b|di` {
		t.Errorf("Alternation = %q: longest first, quoted", got)
	}
}
