package rules_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/rules"
)

const traceProfile = `name: t
drop:
  - '.share'
fields:
  categories: '.cat a'
patterns:
  - pattern: '^Updated By:\s*(.+)$'
    action: author
    comment: editor line
  - pattern: '(?:^|\s)((?:#\w+\s*)+)$'
    action: tags
  - pattern: '^\d+ min read$'
    comment: badge
  - pattern: '^Explore\b'
    action: drop-after
`

func TestSourcesNameFileAndLine(t *testing.T) {
	p, err := rules.Parse("t.yaml", []byte(traceProfile))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"t.yaml:3"}; !reflect.DeepEqual(p.DropSources, want) {
		t.Errorf("DropSources = %v, want %v", p.DropSources, want)
	}
	if want := map[string]string{"categories": "t.yaml:5"}; !reflect.DeepEqual(p.FieldSources, want) {
		t.Errorf("FieldSources = %v, want %v", p.FieldSources, want)
	}
	var got []string
	for _, pt := range p.Patterns.Patterns() {
		got = append(got, pt.Source)
	}
	if want := []string{"t.yaml:7", "t.yaml:10", "t.yaml:12", "t.yaml:14"}; !reflect.DeepEqual(got, want) {
		t.Errorf("pattern sources = %v, want %v", got, want)
	}
}

func TestLoadFilesRelabelsSources(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "t.yaml"), []byte(traceProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := rules.LoadFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := set.Get("t")
	want := filepath.Join(dir, "t.yaml") + ":7"
	if got := p.Patterns.Patterns()[0].Source; got != want {
		t.Errorf("pattern source = %q, want %q", got, want)
	}
	if got := p.DropSources[0]; got != filepath.Join(dir, "t.yaml")+":3" {
		t.Errorf("drop source = %q", got)
	}
}

func TestTraceReportsEveryMatch(t *testing.T) {
	p, err := rules.Parse("t.yaml", []byte(traceProfile))
	if err != nil {
		t.Fatal(err)
	}
	blocks := []rinse.Block{
		{Text: "Updated By: Desk"},
		{Text: "5 min read"},
		{Text: "Body text. #One #Two"},
		{Text: "Explore the moments"},
		{Text: "Footer"},
	}
	type seen struct {
		source, cut, value, rest string
		kept                     bool
	}
	var got []seen
	var l rules.Lifted
	out := p.Patterns.Trace(blocks, &l, func(m rules.Match) {
		got = append(got, seen{m.Pattern.Source, m.Text[m.Start:m.End], m.Value, m.Rest, m.Kept})
	})
	want := []seen{
		{"t.yaml:7", "Updated By: Desk", "Desk", "", false},
		{"t.yaml:12", "5 min read", "", "", false},
		{"t.yaml:10", " #One #Two", "#One #Two", "Body text.", true},
		{"t.yaml:14", "Explore", "", "", false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("matches:\n got %+v\nwant %+v", got, want)
	}
	var l2 rules.Lifted
	if plain := p.Patterns.Apply(blocks, &l2); !reflect.DeepEqual(out, plain) || !reflect.DeepEqual(l, l2) {
		t.Errorf("Trace and Apply differ: %+v / %+v", out, plain)
	}
}
