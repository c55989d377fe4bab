package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inspectDoc runs `rinse inspect` on a file and decodes its document.
func inspectDoc(t *testing.T, path string) map[string]any {
	t.Helper()
	code, stdout, stderr := runCLI(t, nil, "inspect", path)
	if code != 0 {
		t.Fatalf("inspect exited %d: %s", code, stderr)
	}
	var out struct {
		Document    map[string]any
		Quarantined map[string]any
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("inspect output: %v\n%s", err, stdout)
	}
	if out.Document == nil {
		t.Fatalf("inspect quarantined the page: %v", out.Quarantined)
	}
	return out.Document
}

func TestInspectBadInputs(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "inspect", "../../testdata/pages/bad/binary.html")
	if code != 0 || !strings.Contains(stdout, `"reason": "binary"`) {
		t.Errorf("inspect of a binary page: exit %d, %s", code, stdout)
	}
	if code, _, stderr := runCLI(t, nil, "inspect", "../../testdata/pages/nope.html"); code != exitUsage {
		t.Errorf("inspect of a missing file: exit %d, want %d (%s)", code, exitUsage, stderr)
	}
}

// TestSharedExample checks issue acceptance on the page that started the
// project, when the workspace's shared examples are present.
func TestSharedExample(t *testing.T) {
	const example = "../../../shared/examples/mooflife-north-korea-nam-1975.txt"
	if _, err := os.Stat(example); err != nil {
		t.Skip("shared example not present (tests never need it)")
	}
	d := inspectDoc(t, example)
	text := d["text"].(string)
	if !strings.HasPrefix(text, "On 1 August 1975, North Korea officially joined") || !strings.HasSuffix(text, "during the Cold War.") {
		t.Errorf("text = %.80q … %.80q", text, text[max(0, len(text)-80):])
	}
	for _, bad := range []string{"logo", "icon", "Updated By", "min read", "Published:", "#", "Explore the Life Moments"} {
		if strings.Contains(text, bad) {
			t.Errorf("text contains %q", bad)
		}
	}
	b, _ := json.Marshal(map[string]any{"dates": d["dates"], "entities": d["entities"]})
	got := string(b)
	for _, want := range []string{
		`"date":"1975-08-01","precision":"day"`, `"date":"1961-01-01","precision":"year"`,
		`"name":"North Korea","type":"country"`, `"name":"South Korea","type":"country"`,
		`"name":"United States","type":"country"`, `"name":"Soviet Union","type":"country"`,
		`"mentions":11,"name":"Non-Aligned Movement","type":"organization"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %s", want, got)
		}
	}
	for _, not := range []string{`"name":"Korea"`, `"name":"NAM"`} {
		if strings.Contains(got, not) {
			t.Errorf("unexpected %s", not)
		}
	}
	if d["author"] != "History Editorial Network (HEN)" || d["categories"].([]any)[0] != "Political" {
		t.Errorf("author %v, categories %v", d["author"], d["categories"])
	}
}

// TestInspectExplain writes the explain page of a bundled MoofLife text
// dump; explain's own tests check the page in detail.
func TestInspectExplain(t *testing.T) {
	out := filepath.Join(t.TempDir(), "explain.html")
	code, stdout, stderr := runCLI(t, nil, "inspect", "../../testdata/pages/mooflife/voyager-1-launch-1977.txt", "--explain", out)
	if code != 0 {
		t.Fatalf("inspect --explain exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `"document"`) {
		t.Errorf("inspect --explain no longer prints the document: %s", stdout)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", `data-fate="removed"`, "Explore the Life Moments of Voyager 1",
		"mooflife: drop-after", "sites/mooflife.yaml:"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the explain page lacks %q", want)
		}
	}
	if code, _, _ := runCLI(t, nil, "inspect", "../../testdata/pages/mooflife/voyager-1-launch-1977.txt",
		"--explain", filepath.Join(t.TempDir(), "no", "such", "dir.html")); code != exitUsage {
		t.Errorf("an unwritable --explain path: exit %d, want %d", code, exitUsage)
	}
}
