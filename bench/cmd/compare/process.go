package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rinse-etl/rinse/evaluate"
)

// With -process, every contender runs as a program of its own over a
// suite's page folder, one page after the other (one worker), and writes
// one JSON line per page: cmd/extractdir for rinse and the Go ports,
// python/run.py (in the bench's own virtual environment) for the Python
// extractors. Each process is charged the CPU time (user + system) the
// operating system reports for it (rusage, via wait4), and its lines are
// scored with evaluate.Score, the code that scores the in-process
// contenders. `rinse run`, the CLI with every stage and a Parquet commit,
// is timed beside them and not scored (its extraction is rinse's).

// procContender is one program of the -process comparison.
type procContender struct {
	name string
	// lang is "go" (cmd/extractdir), "python" (python/run.py) or "cli"
	// (rinse run: timed, not scored).
	lang string
	// tag is the build tag of the Go extractor's extractdir binary.
	tag string
	// dates says the tool gives a publication date: the others sit out
	// the dates suite.
	dates bool
}

var procContenders = []procContender{
	{"rinse", "go", "rinse", true},
	{"rinse run", "cli", "", true},
	{"go-trafilatura", "go", "gotrafilatura", true},
	{"go-trafilatura+fallback", "go", "gotrafilatura", true},
	{"go-readability", "go", "goreadability", true},
	{"trafilatura", "python", "", true},
	{"trafilatura+precision", "python", "", true},
	{"trafilatura+recall", "python", "", true},
	{"resiliparse", "python", "", false},
	{"readability-lxml", "python", "", false},
	{"justext", "python", "", false},
}

// pickProcs filters the process contenders by name.
func pickProcs(only string) ([]procContender, error) {
	if only == "" {
		return procContenders, nil
	}
	var cs []procContender
	for _, name := range strings.Split(only, ",") {
		i := slices.IndexFunc(procContenders, func(c procContender) bool { return c.name == name })
		if i < 0 {
			var names []string
			for _, c := range procContenders {
				names = append(names, c.name)
			}
			return nil, fmt.Errorf("-only: unknown contender %q for -process (have %s)", name, strings.Join(names, ", "))
		}
		cs = append(cs, procContenders[i])
	}
	return cs, nil
}

// pythonEnv locates the bench's Python: the interpreter of its virtual
// environment and run.py. err says why it cannot be used.
type pythonEnv struct {
	python, runner string
	err            error
}

// findPython checks the interpreter given by -python, or else the one
// python/setup creates, beside run.py in the bench module's folder.
func findPython(python string) pythonEnv {
	dir, err := goOutput("", "list", "-m", "-f", "{{.Dir}}", "github.com/rinse-etl/rinse/bench")
	if err != nil {
		return pythonEnv{err: err}
	}
	env := pythonEnv{python: python, runner: filepath.Join(dir, "python", "run.py")}
	if env.python == "" {
		env.python = filepath.Join(dir, "python", ".venv", "bin", "python")
	}
	if _, err := os.Stat(env.python); err != nil {
		env.err = fmt.Errorf("no Python environment (%w): run python/setup first", err)
	}
	return env
}

// procResult is one contender's rounds on one suite.
type procResult struct {
	procContender
	scored bool
	report evaluate.Report // scored from the first round's lines
	// pages counts the pages the process went through (its lines, or
	// the files of the folder for rinse run).
	pages     int
	cpu, wall []time.Duration
	err       error
}

// command builds the argument list that runs c over suite, writing to out.
func (c procContender) command(t *cpuTools, py pythonEnv, suite, out string) ([]string, error) {
	switch c.lang {
	case "go":
		return []string{t.extractdir[c.tag], "-suite", suite, "-tool", c.name, "-out", out}, nil
	case "python":
		if py.err != nil {
			return nil, py.err
		}
		return []string{py.python, py.runner, "--suite", suite, "--tool", c.name, "--out", out}, nil
	}
	return []string{t.rinse, "run", "--input", filepath.Join(suite, "html"), "--output", out,
		"--workers", "1", "--progress", "never", "--log-level", "error"}, nil
}

// compareProcesses runs every contender rounds times over the suite,
// rotating the order, and scores each from its first round.
func compareProcesses(ctx context.Context, bs benchSuite, all []procContender, t *cpuTools, py pythonEnv, rounds int) []procResult {
	cs := all
	if bs.Kind == evaluate.Dates {
		cs = slices.DeleteFunc(slices.Clone(all), func(c procContender) bool { return !c.dates })
	}
	res := make([]procResult, len(cs))
	files, _ := os.ReadDir(bs.htmlDir)
	for i, c := range cs {
		res[i] = procResult{procContender: c, scored: c.lang != "cli"}
	}
	for round := range rounds {
		for k := range cs {
			i := (k + round) % len(cs)
			r := &res[i]
			if ctx.Err() != nil || r.err != nil {
				continue
			}
			fmt.Fprintf(os.Stderr, "process round %d/%d %s on %s...\n", round+1, rounds, r.name, bs.name)
			out, err := os.MkdirTemp(t.dir, "out-")
			if err != nil {
				r.err = err
				continue
			}
			lines := filepath.Join(out, "pages.jsonl")
			if r.lang == "cli" {
				lines = filepath.Join(out, "dataset")
			}
			args, err := r.command(t, py, bs.Dir, lines)
			if err == nil {
				var cpu, wall time.Duration
				cpu, wall, err = runProcess(ctx, args)
				r.cpu, r.wall = append(r.cpu, cpu), append(r.wall, wall)
			}
			switch {
			case err != nil:
				r.err = err
			case r.lang == "cli":
				r.pages = len(files)
			case round == 0:
				r.report, r.pages, r.err = scoreLines(bs.Suite, lines)
				r.report.Name = r.name
			}
			os.RemoveAll(out)
		}
	}
	return res
}

// runProcess runs a program to its end and returns the CPU time the
// operating system charged to it (user + system, its own children
// included) and the wall time.
func runProcess(ctx context.Context, args []string) (cpu, wall time.Duration, err error) {
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	if err != nil {
		return 0, wall, fmt.Errorf("%s: %w", strings.Join(args, " "), err)
	}
	st := cmd.ProcessState
	return st.UserTime() + st.SystemTime(), wall, nil
}

// line is one page's JSON line, as cmd/extractdir and python/run.py
// write it.
type line struct {
	File       string   `json:"file"`
	Text       string   `json:"text"`
	Title      string   `json:"title"`
	Author     string   `json:"author"`
	Date       string   `json:"date"`
	Categories []string `json:"categories"`
	Tags       []string `json:"tags"`
	Error      string   `json:"error"`
	Seconds    float64  `json:"seconds"`
}

// scoreLines reads a process's JSON lines, matches them to the suite's
// cases by file, and scores them with evaluate.Score. A case with no line
// is a failure; lines for pages the suite does not score (wild pages
// whose gold text has no word) only count as pages gone through.
func scoreLines(s evaluate.Suite, path string) (evaluate.Report, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return evaluate.Report{}, 0, err
	}
	defer f.Close()
	rows, err := readLines(f)
	if err != nil {
		return evaluate.Report{}, 0, fmt.Errorf("%s: %w", path, err)
	}
	got := make([]evaluate.Extracted, len(s.Cases))
	took := make([]time.Duration, len(s.Cases))
	for i, c := range s.Cases {
		l, ok := rows[c.File]
		if !ok {
			got[i].Err = errors.New("no line for this page")
			continue
		}
		got[i] = evaluate.Extracted{Text: l.Text, Title: l.Title, Author: l.Author, Date: l.Date,
			Categories: l.Categories, Tags: l.Tags}
		if l.Error != "" {
			got[i].Err = errors.New(l.Error)
		}
		took[i] = time.Duration(l.Seconds * float64(time.Second))
	}
	return evaluate.Score(s, got, took), len(rows), nil
}

// readLines decodes JSON lines keyed by file; a file given twice is an
// error, as it would make the scores depend on which line wins.
func readLines(r io.Reader) (map[string]line, error) {
	rows := map[string]line{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
	for n := 1; sc.Scan(); n++ {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if _, dup := rows[l.File]; dup || l.File == "" {
			return nil, fmt.Errorf("line %d: file %q missing or given twice", n, l.File)
		}
		rows[l.File] = l
	}
	return rows, sc.Err()
}

// perCore is pages per CPU second of the median round.
func (r procResult) perCore() float64 {
	if c := median(r.cpu).Seconds(); c > 0 {
		return float64(r.pages) / c
	}
	return 0
}

// inExtractor is pages per second of wall time inside the extraction
// calls, as the process measured it (the in-process tables' figure).
func (r procResult) inExtractor() float64 {
	if r.scored && r.report.Elapsed > 0 {
		return float64(r.report.Pages) / r.report.Elapsed.Seconds()
	}
	return 0
}

// printProcTable writes one suite's process comparison.
func printProcTable(w io.Writer, bs benchSuite, res []procResult, rounds int) {
	fmt.Fprintf(w, "\nsuite %s: %d scored pages, %.1f MB raw; whole processes, one worker each, CPU time = user + system of the median of %d rounds\n",
		bs.name, len(bs.Cases), float64(bs.Bytes())/1e6, rounds)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	width := 0
	for _, r := range res {
		width = max(width, len(r.name))
	}
	fmt.Fprintf(tw, "%-*s\tF1\tP\tR\taccuracy\terrors\t%spages\tCPU s\tpages/s/core\twall s\tin-extractor pages/s\t\n",
		width, "extractor", metaHeader(bs))
	for _, r := range res {
		rr := result{name: r.name, scored: r.scored && r.err == nil, report: r.report}
		fmt.Fprintf(tw, "%-*s\t%s%s", width, r.name, scores(rr), metaCells(bs, rr))
		if r.err != nil {
			fmt.Fprintf(tw, "error: %v\t\t\t\t\t\n", r.err)
			continue
		}
		inx := "-"
		if v := r.inExtractor(); v > 0 {
			inx = fmt.Sprintf("%.1f", v)
		}
		fmt.Fprintf(tw, "%d\t%.2f\t%.1f\t%.2f\t%s\t\n", r.pages, median(r.cpu).Seconds(), r.perCore(),
			median(r.wall).Seconds(), inx)
	}
	tw.Flush()
}

// procRecord is one row of the -results file, which python/report.py
// turns into the README's table and chart.
type procRecord struct {
	Suite     string             `json:"suite"`
	Name      string             `json:"name"`
	Scored    bool               `json:"scored"`
	Error     string             `json:"error,omitempty"`
	Pages     int                `json:"pages"`
	Errors    int                `json:"errors"`
	F1        float64            `json:"f1"`
	Precision float64            `json:"precision"`
	Recall    float64            `json:"recall"`
	Accuracy  *float64           `json:"accuracy,omitempty"`
	Meta      map[string]float64 `json:"meta,omitempty"`
	// Wild: the median F1 and each source set's mean F1.
	Median      float64            `json:"median,omitempty"`
	Sets        map[string]float64 `json:"sets,omitempty"`
	CPUSeconds  float64            `json:"cpu_seconds"`
	WallSeconds float64            `json:"wall_seconds"`
	PerCore     float64            `json:"pages_per_cpu_second"`
	InExtractor float64            `json:"in_extractor_pages_per_second,omitempty"`
	Rounds      int                `json:"rounds"`
}

func records(bs benchSuite, res []procResult, rounds int) []procRecord {
	var out []procRecord
	for _, r := range res {
		p := procRecord{Suite: bs.name, Name: r.name, Scored: r.scored && r.err == nil, Pages: r.pages, Rounds: rounds}
		if r.err != nil {
			p.Error = r.err.Error()
			out = append(out, p)
			continue
		}
		p.CPUSeconds, p.WallSeconds = median(r.cpu).Seconds(), median(r.wall).Seconds()
		p.PerCore, p.InExtractor = r.perCore(), r.inExtractor()
		if p.Scored {
			rep := r.report
			p.Errors, p.F1 = rep.Errors, rep.F1()
			acc := 0.0
			switch rep.Kind {
			case evaluate.Zyte:
				p.Precision, p.Recall, acc = rep.Zyte.Precision, rep.Zyte.Recall, rep.Zyte.Accuracy
				p.Accuracy = &acc
			case evaluate.Boilerplate:
				b := rep.Boilerplate
				p.Precision, p.Recall, acc = b.Precision, b.Recall, b.Accuracy
				p.Accuracy = &acc
				p.Meta = map[string]float64{}
				for _, f := range metaFields {
					if s, ok := b.Meta[f]; ok && s.NonEmpty > 0 {
						p.Meta[f] = s.NonEmptyRate()
					}
				}
			case evaluate.Dates:
				p.Precision, p.Recall, acc = rep.Dates.Precision, rep.Dates.Recall, rep.Dates.Accuracy
				p.Accuracy = &acc
			case evaluate.Wild:
				x := rep.Wild
				p.Precision, p.Recall, p.Median = x.Precision, x.Recall, x.Median
				p.Sets = map[string]float64{}
				for k, s := range x.Sets {
					p.Sets[k] = s.F1
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// writeRecords writes the -results file (a JSON array).
func writeRecords(path string, recs []procRecord) error {
	data, err := json.MarshalIndent(recs, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
