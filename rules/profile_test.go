package rules_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/rules"
)

func TestLoadShipped(t *testing.T) {
	set, err := rules.Load(os.DirFS("../configs"), "sites")
	if err != nil {
		t.Fatal(err)
	}
	p := set.Get("mooflife")
	if p == nil {
		t.Fatal("mooflife profile missing")
	}
	if p.Site != "mooflife.com" || p.Patterns.Len() == 0 {
		t.Errorf("profile = %+v", p)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "name: x\nsite: y\ncolour: red\n", "x.yaml:"},
		{"bad regexp", "name: x\npatterns:\n  - pattern: 'a('\n    action: drop\n", "x.yaml:3:"},
		{"bad content regexp", "name: x\nmatch:\n  hosts: [a.com]\n  content:\n    - '[z'\n", "x.yaml:5:"},
		{"bad selector", "name: x\ndrop:\n  - 'div[['\n", "x.yaml:3:"},
		{"bad field selector", "name: x\nfields:\n  author: '..x'\n", "x.yaml:3:"},
		{"bad action", "name: x\npatterns:\n  - pattern: 'a'\n    action: explode\n", "x.yaml:4:"},
		{"missing pattern", "name: x\npatterns:\n  - action: drop\n", "x.yaml:"},
		{"bad yaml", "name: [x\n", "x.yaml:"},
		{"empty file", "", "x.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rules.Parse("x.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
			if !errors.Is(err, rinse.ErrParse) {
				t.Errorf("error %v does not wrap ErrParse", err)
			}
		})
	}
}

func TestUnknownKeyLine(t *testing.T) {
	_, err := rules.Parse("x.yaml", []byte("name: x\nsite: y\ncolour: red\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("err = %v, want line 3", err)
	}
}

func TestMatch(t *testing.T) {
	fsys := fstest.MapFS{
		"s/a.yaml": {Data: []byte("name: a\nmatch:\n  hosts: [example.com]\n")},
		"s/b.yml":  {Data: []byte("name: b\nmatch:\n  content: ['Powered by Bee']\n")},
		"s/c.txt":  {Data: []byte("not a profile")},
	}
	set, err := rules.Load(fsys, "s")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		host, sample, want string
	}{
		{"example.com", "", "a"},
		{"www.example.com", "", "a"},
		{"news.example.com", "", "a"},
		{"badexample.com", "", ""},
		{"other.org", "<p>Powered by Bee</p>", "b"},
		{"example.com", "Powered by Bee", "a"},
		{"", "nothing here", ""},
	}
	for _, tt := range tests {
		got := ""
		if p := set.Match(tt.host, tt.sample); p != nil {
			got = p.Name
		}
		if got != tt.want {
			t.Errorf("Match(%q, %q) = %q, want %q", tt.host, tt.sample, got, tt.want)
		}
	}
	var nilSet *rules.Set
	if nilSet.Match("example.com", "x") != nil {
		t.Error("nil set matched")
	}
}

func TestMergeAndLoadFiles(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(user, []byte("name: mooflife\nsite: override\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shipped, err := rules.Load(os.DirFS("../configs"), "sites")
	if err != nil {
		t.Fatal(err)
	}
	mine, err := rules.LoadFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	merged := shipped.Merge(mine)
	if got := merged.Get("mooflife").Site; got != "override" {
		t.Errorf("merged site = %q, want the user's", got)
	}
	if shipped.Get("mooflife").Site != "mooflife.com" {
		t.Error("merge changed the shipped set")
	}
	if _, err := rules.LoadFiles(filepath.Join(dir, "missing.yaml")); err == nil {
		t.Error("missing file gave no error")
	}
}

func TestApplyPatterns(t *testing.T) {
	p, err := rules.Parse("t.yaml", []byte(`name: t
patterns:
  - pattern: '^Written by (.+)$'
    action: author
  - pattern: '(?:^|\s)((?:#\w+\s*)+)$'
    action: tags
  - pattern: '^Categories: (.+)$'
    action: categories
  - pattern: '^Comments$'
    action: drop-after
`))
	if err != nil {
		t.Fatal(err)
	}
	in := []rinse.Block{
		{Text: "Written by Ann Lee"},
		{Text: "Categories: Art, Music"},
		{Text: "Body text. #one #two"},
		{Text: "Comments"},
		{Text: "Nice post!"},
	}
	var l rules.Lifted
	out := p.Patterns.Apply(in, &l)
	if len(out) != 1 || out[0].Text != "Body text." {
		t.Errorf("blocks = %+v", out)
	}
	if l.Author != "Ann Lee" || strings.Join(l.Categories, ",") != "Art,Music" || strings.Join(l.Tags, ",") != "one,two" {
		t.Errorf("lifted = %+v", l)
	}
	if in[2].Text != "Body text. #one #two" {
		t.Error("input modified")
	}
}

func FuzzProfileLoad(f *testing.F) {
	f.Add([]byte("name: x\nsite: y\nmatch:\n  hosts: [a.com]\n  content: ['b+']\ndrop: ['div.c']\n"))
	f.Add([]byte("patterns:\n  - pattern: '^(.+)$'\n    action: author\n    comment: c\n"))
	f.Add([]byte("fields: {title: h1, tags: 'a[rel=tag]'}\n"))
	f.Add([]byte("name: [\n"))
	f.Add([]byte("drop: [':nth-child(']\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := rules.Parse("f.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if p.Name == "" {
			t.Fatal("compiled profile without a name")
		}
		p.Patterns.Apply([]rinse.Block{{Text: "some text #tag"}}, nil)
		rules.NewSet(p).Match("a.com", string(data))
	})
}

func TestLoadShippedRules(t *testing.T) {
	l, err := rules.LoadRules(os.DirFS("../configs"), "rules")
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() == 0 {
		t.Fatal("no generic rules")
	}
	for _, p := range l.Patterns() {
		if p.Comment == "" {
			t.Errorf("rule %q says not what it is for", p.Re)
		}
	}
}

// TestRuleFiles: generic rule files run in name order, their patterns in
// the order written; they hold patterns only, and an invalid one names
// its file and line.
func TestRuleFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"r/b.yaml":   {Data: []byte("name: b\npatterns:\n  - pattern: '^b$'\n    comment: second file\n")},
		"r/a.yml":    {Data: []byte("name: a\npatterns:\n  - pattern: '^a1$'\n  - pattern: 'x (\\w+)$'\n    action: tags\n")},
		"r/note.txt": {Data: []byte("not rules")},
	}
	l, err := rules.LoadRules(fsys, "r")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range l.Patterns() {
		got = append(got, p.Re.String()+" "+string(p.Action))
	}
	if want := []string{"^a1$ drop", `x (\w+)$ tags`, "^b$ drop"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("patterns %q, want %q", got, want)
	}
	for _, tt := range []struct{ yaml, want string }{
		{"name: x\npatterns:\n  - pattern: 'a('\n", "x.yaml:3:"},
		{"name: x\npatterns:\n  - pattern: 'a'\n    action: lift\n", "x.yaml:4:"},
		{"name: x\nmatch:\n  hosts: [a.com]\n", "line 2"},
		{"name: x\ndrop: ['nav']\n", "line 2"},
		{"", "x.yaml:"},
	} {
		_, err := rules.ParseRules("x.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, rinse.ErrParse) {
			t.Errorf("ParseRules(%q) = %v, want an ErrParse naming %q", tt.yaml, err, tt.want)
		}
	}
	bad := fstest.MapFS{"r/a.yaml": {Data: []byte("name: a\npatterns:\n  - pattern: '[a'\n")}}
	if _, err := rules.LoadRules(bad, "r"); err == nil || !strings.Contains(err.Error(), "r/a.yaml:3:") {
		t.Errorf("LoadRules error %v, want r/a.yaml:3:", err)
	}
	if _, err := rules.LoadRules(fsys, "missing"); err == nil {
		t.Error("missing folder gave no error")
	}
}

func TestProfileGenericSwitch(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		skip bool
	}{
		{"name: x\n", false},
		{"name: x\ngeneric_rules: true\n", false},
		{"name: x\ngeneric_rules: false\n", true},
	} {
		p, err := rules.Parse("x.yaml", []byte(tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if p.SkipGeneric != tt.skip {
			t.Errorf("%q: SkipGeneric %v, want %v", tt.yaml, p.SkipGeneric, tt.skip)
		}
	}
	if _, err := rules.Parse("x.yaml", []byte("name: x\ngeneric_rules: sometimes\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad switch: %v, want an error naming line 2", err)
	}
}

// TestShippedProfileMatchesThroughMarkup: the MoofLife profile knows its
// pages by their text, in dumps and in HTML however the explore row and
// the logo are marked up.
func TestShippedProfileMatchesThroughMarkup(t *testing.T) {
	set, err := rules.Load(os.DirFS("../configs"), "sites")
	if err != nil {
		t.Fatal(err)
	}
	for _, sample := range []string{
		"Title\n\nMoofLife logo\nText\nExplore the Life Moments of Ghana |",
		`<p><span>Explore the Life Moments of</span> <a href="/e/ghana">Ghana</a> |</p>`,
		`<div>Explore the Life Moments of <a href="/e/ghana">Ghana</a></div>`,
		`<a href="/"><img src="/l.svg" alt="MoofLife logo"></a>`,
	} {
		if p := set.Match("", sample); p == nil || p.Name != "mooflife" {
			t.Errorf("no profile for %q", sample)
		}
	}
	if p := set.Match("", `<p>Explore the Life Moments offered by the museum.</p>`); p != nil {
		t.Errorf("matched prose that only starts like the row: %s", p.Name)
	}
}
