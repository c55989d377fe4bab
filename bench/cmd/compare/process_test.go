package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse/evaluate"
)

// testSuites are package evaluate's hand-made suites (two or three pages
// each), laid out as the shared ones are.
var testSuites = filepath.Join("..", "..", "..", "evaluate", "testdata", "suites")

func loadTestSuite(t *testing.T, k evaluate.Kind) evaluate.Suite {
	t.Helper()
	s, err := evaluate.Load(k, filepath.Join(testSuites, string(k)))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestScoreLines(t *testing.T) {
	s := loadTestSuite(t, evaluate.Zyte)
	path := filepath.Join(t.TempDir(), "pages.jsonl")
	// a1 is extracted exactly; b2 has no line; a page the suite does not
	// score counts as gone through.
	data := `{"file":"html/a1.html.gz","text":"The harbour fire burned for three days before crews contained it.\n\nOfficials said no one was hurt.","seconds":0.5}
{"file":"html/extra.html.gz","text":"","seconds":0.1}
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, pages, err := scoreLines(s, path)
	if err != nil {
		t.Fatal(err)
	}
	if pages != 2 || rep.Pages != 2 || rep.Errors != 1 || rep.Elapsed.Seconds() != 0.5 {
		t.Fatalf("pages %d report pages %d errors %d elapsed %v", pages, rep.Pages, rep.Errors, rep.Elapsed)
	}
	for _, pr := range rep.Results {
		switch pr.Case.File {
		case "html/a1.html.gz":
			if pr.Score != 1 || !pr.Shingles.Exact {
				t.Errorf("a1 scored %v %+v", pr.Score, pr.Shingles)
			}
		default:
			if pr.Got.Err == nil || !strings.Contains(pr.Got.Err.Error(), "no line") {
				t.Errorf("%s: want a missing-line error, got %v", pr.Case.File, pr.Got.Err)
			}
		}
	}
}

func TestScoreLinesErrors(t *testing.T) {
	s := loadTestSuite(t, evaluate.Dates)
	dir := t.TempDir()
	for name, data := range map[string]string{
		"twice":    `{"file":"html/1.html.gz"}` + "\n" + `{"file":"html/1.html.gz"}` + "\n",
		"no file":  `{"text":"x"}` + "\n",
		"not json": "{\n",
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		os.WriteFile(path, []byte(data), 0o644)
		if _, _, err := scoreLines(s, path); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// An error line is a failed page: no date reaches the score.
	path := filepath.Join(dir, "failed")
	os.WriteFile(path, []byte(`{"file":"html/1.html.gz","date":"2020-09-21","error":"boom"}`+"\n"), 0o644)
	rep, _, err := scoreLines(s, path)
	if err != nil || rep.Errors != 2 || rep.Dates.TP != 0 {
		t.Errorf("errors %d dates %+v err %v", rep.Errors, rep.Dates, err)
	}
}

func TestPickProcs(t *testing.T) {
	cs, err := pickProcs("justext,rinse run")
	if err != nil || len(cs) != 2 || cs[0].lang != "python" || cs[1].lang != "cli" {
		t.Errorf("pickProcs: %v %v", cs, err)
	}
	if _, err := pickProcs("go-trafilatura,nope"); err == nil || !strings.Contains(err.Error(), "resiliparse") {
		t.Errorf("unknown name: %v", err)
	}
}

// Every program of the -process comparison goes over package evaluate's
// small suites and writes a line per page that scores without error:
// cmd/extractdir always, python/run.py when python/setup has been run.
func TestProcessesEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	bin := filepath.Join(t.TempDir(), "extractdir")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/rinse-etl/rinse/bench/cmd/extractdir").CombinedOutput(); err != nil {
		t.Fatalf("building extractdir: %v\n%s", err, out)
	}
	py := findPython("")
	for _, c := range procContenders {
		if c.lang == "cli" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			if c.lang == "python" && py.err != nil {
				t.Skip(py.err)
			}
			tools := &cpuTools{extractdir: map[string]string{c.tag: bin}}
			for _, k := range evaluate.Kinds {
				s := loadTestSuite(t, k)
				out := filepath.Join(t.TempDir(), "pages.jsonl")
				args, err := c.command(tools, py, s.Dir, out)
				if err != nil {
					t.Fatal(err)
				}
				if _, _, err := runProcess(context.Background(), args); err != nil {
					t.Fatal(err)
				}
				rep, pages, err := scoreLines(s, out)
				if err != nil {
					t.Fatal(err)
				}
				files, _ := os.ReadDir(filepath.Join(s.Dir, "html"))
				if pages != len(files) || rep.Pages != len(s.Cases) {
					t.Errorf("%s: %d lines for %d files, %d scored pages for %d cases", k, pages, len(files), rep.Pages, len(s.Cases))
				}
				if k == evaluate.Zyte && c.name != "justext" {
					// The English page is a plain article every tool
					// reads, but for jusText, whose paragraphs must be
					// 70 characters long to count as text.
					for _, pr := range rep.Results {
						if pr.Case.ID == "a1" && !strings.Contains(pr.Got.Text, "harbour fire burned") {
							t.Errorf("a1: text %q err %v", pr.Got.Text, pr.Got.Err)
						}
					}
				}
			}
		})
	}
}
