package evaluate

import (
	"context"
	"time"
)

// Extracted is what an extractor returned for one page.
type Extracted struct {
	Text, Title, Author string
	// Date is the publication date as YYYY-MM-DD, "" when none was found.
	Date             string
	Categories, Tags []string
	// Err is set when the extractor failed or rejected the page; the page
	// is then scored as an empty extraction (every with snippet missed,
	// every without snippet leaked).
	Err error
}

// Func extracts one page given its address and raw bytes (as published,
// any charset). It is called from one goroutine at a time.
type Func func(ctx context.Context, url string, raw []byte) Extracted

// PageResult is one page's outcome, kept for the worst-pages dump.
type PageResult struct {
	Case *Case
	Got  Extracted
	// Score ranks pages, 0 worst, 1 best: the page's F1 (zyte), its share
	// of correct snippet decisions (boilerplate), 0 or 1 (dates).
	Score   float64
	Elapsed time.Duration

	Shingles ShingleCounts
	Words    WordCounts
	Snippets SnippetCounts
	Meta     map[string]bool
	Date     DateOutcome
}

// Report is a scored, timed run of one extractor over one suite.
type Report struct {
	Kind  Kind
	Name  string // the extractor's name, for printing
	Pages int
	// Unscored counts the suite's pages left out of the scores (see
	// Suite.Unscored).
	Unscored int
	// Errors counts pages the extractor failed or rejected, or that could
	// not be read.
	Errors int
	// Bytes sums the raw page sizes; Elapsed is the wall time spent in the
	// extractor, reading the suite excluded.
	Bytes       int64
	Elapsed     time.Duration
	Interrupted bool

	Zyte        ZyteScore
	Boilerplate BoilerplateScore
	Dates       DateScore
	Wild        WildScore

	Results []PageResult
}

// PagesPerSec is the extraction throughput in pages.
func (r Report) PagesPerSec() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Pages) / r.Elapsed.Seconds()
}

// MBPerSec is the extraction throughput in raw megabytes (10^6 bytes).
func (r Report) MBPerSec() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Bytes) / 1e6 / r.Elapsed.Seconds()
}

// F1 is the suite's headline figure: shingle F1, snippet F1, date F1 or
// the mean of the wild pages' word F1.
func (r Report) F1() float64 {
	switch r.Kind {
	case Zyte:
		return r.Zyte.F1
	case Boilerplate:
		return r.Boilerplate.F1
	case Wild:
		return r.Wild.F1
	default:
		return r.Dates.F1
	}
}

// Run calls fn on every page of the suite in order, on the calling
// goroutine, and scores the results. Cancelling ctx stops the run early;
// the report then covers the pages done and is marked Interrupted.
func Run(ctx context.Context, suite Suite, fn Func) Report {
	rep := Report{Kind: suite.Kind, Unscored: suite.Unscored, Results: make([]PageResult, 0, len(suite.Cases))}
	for i := range suite.Cases {
		if ctx.Err() != nil {
			rep.Interrupted = true
			break
		}
		c := &suite.Cases[i]
		var got Extracted
		var took time.Duration
		if c.ReadErr != nil {
			got.Err = c.ReadErr
		} else {
			start := time.Now()
			got = fn(ctx, c.URL, c.Raw)
			took = time.Since(start)
		}
		rep.Elapsed += took
		rep.Bytes += int64(len(c.Raw))
		if got.Err != nil {
			rep.Errors++
		}
		rep.Results = append(rep.Results, score(suite.Kind, c, got, took))
	}
	rep.Pages = len(rep.Results)
	rep.aggregate()
	return rep
}

// score compares one extraction with its case's labels.
func score(kind Kind, c *Case, got Extracted, took time.Duration) PageResult {
	pr := PageResult{Case: c, Got: got, Elapsed: took}
	failed := got.Err != nil
	switch kind {
	case Zyte:
		text := got.Text
		if failed {
			text = ""
		}
		pr.Shingles = CompareShingles(c.Text, text)
		pr.Score = pr.Shingles.F1()
	case Wild:
		text := got.Text
		if failed {
			text = "" // a page with no row scores 0
		}
		pr.Words = CompareWords(c.Text, text)
		pr.Score = pr.Words.F1()
	case Boilerplate:
		pr.Snippets = CompareSnippets(c.With, c.Without, got.Text, failed)
		pr.Meta = MetaMatches(c.Meta, got)
		pr.Score = pr.Snippets.Accuracy()
	case Dates:
		date := got.Date
		if failed {
			// A rejected page is quarantined: no row, so no date
			// reaches the dataset, whatever its metadata said.
			date = ""
		}
		pr.Date = CompareDate(c.Date, date)
		if pr.Date.Correct() {
			pr.Score = 1
		}
	}
	return pr
}

// aggregate fills the suite score from the page results.
func (r *Report) aggregate() {
	switch r.Kind {
	case Zyte:
		pages := make([]ShingleCounts, len(r.Results))
		for i, pr := range r.Results {
			pages[i] = pr.Shingles
		}
		r.Zyte = ScoreZyte(pages)
	case Wild:
		pages := make([]WordCounts, len(r.Results))
		sets := make([]string, len(r.Results))
		for i, pr := range r.Results {
			pages[i], sets[i] = pr.Words, SourceSet(pr.Case.ID)
		}
		r.Wild = ScoreWild(pages, sets)
	case Boilerplate:
		pages := make([]SnippetCounts, len(r.Results))
		labels := make([]map[string][]string, len(r.Results))
		metas := make([]map[string]bool, len(r.Results))
		for i, pr := range r.Results {
			pages[i], labels[i], metas[i] = pr.Snippets, pr.Case.Meta, pr.Meta
		}
		r.Boilerplate = ScoreBoilerplate(pages, labels, metas)
	case Dates:
		pages := make([]DateOutcome, len(r.Results))
		for i, pr := range r.Results {
			pages[i] = pr.Date
		}
		r.Dates = ScoreDates(pages)
	}
}
