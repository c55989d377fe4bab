package explain_test

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// ruleOf is how the page names the mooflife pattern whose source text
// starts with prefix: "mooflife: ACTION /RE/ (sites/mooflife.yaml:LINE)".
func ruleOf(t *testing.T, set *rules.Set, prefix string) (rule, comment string) {
	t.Helper()
	for _, p := range set.Get("mooflife").Patterns.Patterns() {
		if strings.HasPrefix(p.Re.String(), prefix) {
			return fmt.Sprintf("mooflife: %s /%s/ (%s)", p.Action, p.Re, p.Source), p.Comment
		}
	}
	t.Fatalf("no mooflife pattern starts with %q", prefix)
	return "", ""
}

// rowWith returns the first row whose text starts with prefix.
func rowWith(t *testing.T, rows []viewRow, prefix string) viewRow {
	t.Helper()
	for _, r := range rows {
		if strings.HasPrefix(r.text, prefix) {
			return r
		}
	}
	t.Fatalf("no row starts with %q", prefix)
	return viewRow{}
}

// wantRemoved checks that the row starting with prefix is struck
// through, wholly or (partial) in part, and that the run starting with
// cut names rule.
func wantRemoved(t *testing.T, rows []viewRow, prefix, fate, cut, rule string) {
	t.Helper()
	r := rowWith(t, rows, prefix)
	if r.fate != fate {
		t.Errorf("%q: fate %q, want %q", prefix, r.fate, fate)
	}
	for i, s := range r.removed {
		if strings.HasPrefix(s, cut) {
			if !strings.Contains(r.rules[i], rule) {
				t.Errorf("%q: removed by %q, want %q", prefix, r.rules[i], rule)
			}
			return
		}
	}
	t.Errorf("%q: no struck-through run starts with %q (struck: %q)", prefix, cut, r.removed)
}

func fieldFrom(fields []viewField, name string) (value, from string) {
	for _, f := range fields {
		if f.name == name {
			return f.value, f.from
		}
	}
	return "", ""
}

// TestMoofLifeTextDump is issue 14's acceptance on the bundled MoofLife
// text dump (the shape of the page that started the project): every
// line the profile removes is shown struck through with the profile
// line that removed it, and the metadata says where it came from.
func TestMoofLifeTextDump(t *testing.T) {
	st, set := stages(t)
	rows, fields := parseView(t, explainPage(t, st, "../testdata/pages/mooflife/voyager-1-launch-1977.txt", ""))
	drop, dropWhy := ruleOf(t, set, `^(?:MoofLife|`)
	author, _ := ruleOf(t, set, `^Updated By:`)
	tags, _ := ruleOf(t, set, `(?:^|\s)((?:#`)
	after, _ := ruleOf(t, set, `^Explore the Life Moments`)
	wantRemoved(t, rows, "MoofLife logo", "removed", "MoofLife logo", drop)
	wantRemoved(t, rows, "Top Moment feature icon", "removed", "Top Moment", drop)
	wantRemoved(t, rows, "Updated By: Space Chronicle Desk (SCD)", "removed", "Updated By:", author)
	wantRemoved(t, rows, "On 5 September 1977", "partial", "#Voyager1 #SpaceExploration", tags)
	wantRemoved(t, rows, "Explore the Life Moments of Voyager 1", "removed", "Explore the Life Moments", after)
	if why := rowWith(t, rows, "MoofLife logo").why; len(why) != 1 || !strings.Contains(why[0], dropWhy) {
		t.Errorf("the logo row does not give the rule's comment %q: %q", dropWhy, why)
	}
	if r := rowWith(t, rows, "On 5 September 1977"); !strings.HasSuffix(r.removed[0], "#MoofLife") || strings.Contains(r.text[:len(r.text)-len(r.removed[0])], "#") {
		t.Errorf("the hashtag run is not what is struck: %q", r.removed)
	}
	if v, from := fieldFrom(fields, "author"); v != "Space Chronicle Desk (SCD)" || !strings.Contains(from, "sites/mooflife.yaml:") {
		t.Errorf("author %q from %q", v, from)
	}
	if v, from := fieldFrom(fields, "title"); v != "Voyager 1 Leaves Cape Canaveral on a Journey Beyond the Planets" || from != "the text dump's first line" {
		t.Errorf("title %q from %q", v, from)
	}
}

// TestMoofLifeHTML checks the markup of a MoofLife page: there the
// extractor, not the profile's patterns, removes most of the furniture,
// and each row names the extractor's rule and its line.
func TestMoofLifeHTML(t *testing.T) {
	st, set := stages(t)
	page := explainPage(t, st, "../testdata/pages/mooflife/berlin-wall-opens-1989.html",
		"https://www.mooflife.com/moment/berlin-wall-opens-1989")
	rows, fields := parseView(t, page)
	tags, _ := ruleOf(t, set, `(?:^|\s)((?:#`)
	wantRemoved(t, rows, "[image] MoofLife logo", "removed", "[image] MoofLife logo", "<img> (extract/content_rules.go:")
	wantRemoved(t, rows, "Updated By: History Editorial Network (HEN)", "removed", "Updated By:", `class/id has the word "meta" (extract/content_rules.go:`)
	wantRemoved(t, rows, "On the evening of 9 November 1989", "partial", "#BerlinWall #ColdWar", tags)
	wantRemoved(t, rows, "Explore the Life Moments of Berlin", "removed", "Explore the Life Moments", `class/id contains "explore" (extract/content_rules.go:`)
	kept := 0
	for _, r := range rows {
		if r.fate != "removed" {
			kept++
		}
	}
	if kept != 1 {
		t.Errorf("%d rows keep text, want only the article's paragraph", kept)
	}
	if _, from := fieldFrom(fields, "title"); from != "meta og:title" {
		t.Errorf("title from %q", from)
	}
	golden(t, "testdata/berlin-wall-opens-1989.golden", summarize(rows))
}

// goLine hides the line numbers of Go sources in the golden file: they
// move with every edit of the code, and the tests above check the ones
// that matter. Rule files' lines stay.
var goLine = regexp.MustCompile(`\.go:\d+`)

// summarize writes one line per row: fate, kind, its text with removed
// runs in [-…-] (long texts shortened) and its reasons.
func summarize(rows []viewRow) string {
	var b strings.Builder
	for _, r := range rows {
		s := r.text
		for _, cut := range r.removed {
			if cut == "" {
				continue // spaces between struck runs
			}
			s = strings.Replace(s, cut, "[-"+cut+"-]", 1)
		}
		if len(s) > 90 {
			s = s[:40] + " … " + s[len(s)-40:]
		}
		fmt.Fprintf(&b, "%-7s %-4s %s\n", r.fate, r.kind, s)
		for _, w := range r.why {
			fmt.Fprintf(&b, "        why: %s\n", w)
		}
	}
	return goLine.ReplaceAllString(b.String(), ".go:N")
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -run %s -update rewrites it after review):\n%s", path, t.Name(), got)
	}
}

// TestSharedMoofLifeExample runs the acceptance on the workspace's
// shared example, the page that started the project, when it is there
// (the tests never need it).
func TestSharedMoofLifeExample(t *testing.T) {
	const example = "../../shared/examples/mooflife-north-korea-nam-1975.txt"
	if _, err := os.Stat(example); err != nil {
		t.Skip("shared example not present")
	}
	st, set := stages(t)
	rows, _ := parseView(t, explainPage(t, st, example, ""))
	drop, _ := ruleOf(t, set, `^(?:MoofLife|`)
	author, _ := ruleOf(t, set, `^Updated By:`)
	tags, _ := ruleOf(t, set, `(?:^|\s)((?:#`)
	after, _ := ruleOf(t, set, `^Explore the Life Moments`)
	wantRemoved(t, rows, "MoofLife logo", "removed", "MoofLife logo", drop)
	wantRemoved(t, rows, "Updated By: History Editorial Network (HEN)", "removed", "Updated By:", author)
	wantRemoved(t, rows, "On 1 August 1975", "partial", "#NorthKorea #NonAlignedMovement", tags)
	wantRemoved(t, rows, "Explore the Life Moments of North Korea", "removed", "Explore the Life Moments", after)
}
