package rules

import (
	"regexp"
	"testing"
)

func TestRequiredLiteral(t *testing.T) {
	cases := []struct{ re, want string }{
		{`Explore the Life Moments of `, "Explore the Life Moments of "},
		{`(?m)^MoofLife logo\s*$`, "MoofLife logo"},
		{`(?i)mooflife`, ""},
		{`a|b`, ""},
		{`(Updated By:)\s+(\w+)`, "Updated By:"},
		{`x*`, ""},
	}
	for _, c := range cases {
		if got := requiredLiteral(regexp.MustCompile(c.re)); got != c.want {
			t.Errorf("requiredLiteral(%q) = %q, want %q", c.re, got, c.want)
		}
	}
}

func TestMatchUsesLiteralOnlyAsAFilter(t *testing.T) {
	p := &Profile{Name: "m", Content: []*regexp.Regexp{regexp.MustCompile(`(?m)^MoofLife logo\s*$`)}}
	s := NewSet(p)
	if s.Match("", "Title\nMoofLife logo\nText") != p {
		t.Error("content pattern must still match")
	}
	if s.Match("", "Title\nSee the MoofLife logo here\nText") != nil {
		t.Error("the literal alone must not match: the pattern decides")
	}
	if m := NewSet().Merge(s); m.Match("", "MoofLife logo") != p {
		t.Error("merged sets keep their literals")
	}
}
