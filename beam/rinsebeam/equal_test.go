package rinsebeam_test

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/assemble"
	"github.com/rinse-etl/rinse/beam/internal/rowdiff"
	"github.com/rinse-etl/rinse/internal/genpages"
	"github.com/rinse-etl/rinse/source"
)

// bundled are the pages the repository ships (testdata/pages): articles,
// blogs, international pages and the bad ones that are quarantined.
const bundled = "../../testdata/pages"

// The contract: on the same pages and configuration, rinse-beam writes
// the rows rinse run writes, whatever the duplicate handling.
func TestBundledPagesSameRowsAsRinseRun(t *testing.T) {
	for _, dedup := range []string{"near", "exact", "none"} {
		t.Run(dedup, func(t *testing.T) {
			cfg := config(t, bundled, func(c *assemble.Config) { c.Dataset.Dedup = dedup })
			cli, _ := same(t, cfg, 3)
			if len(cli.Documents.Rows) == 0 || len(cli.Quarantine.Rows) == 0 {
				t.Fatalf("the bundled pages gave %s: want documents and quarantine rows", cli.Counts())
			}
		})
	}
}

// generatedPages is the number of generated pages of the many-sites test:
// BEAM_TEST_PAGES=20000 for the measured run (see beam/README.md; not a
// RINSE_ name, which the configuration loader would refuse as unknown).
func generatedPages(t *testing.T) int {
	n := 2000
	if v := os.Getenv("BEAM_TEST_PAGES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatalf("BEAM_TEST_PAGES=%q: %v", v, err)
		}
	}
	return n
}

// Pages from many sites, every 50th an exact repeat: the exact duplicates
// are decided across the whole corpus, keeping the first by input order.
func TestGeneratedPagesSameRowsAsRinseRun(t *testing.T) {
	n := generatedPages(t)
	dir := t.TempDir()
	if _, err := genpages.WriteSites(dir, n, n/5, 17); err != nil {
		t.Fatal(err)
	}
	cli, bm := same(t, config(t, dir, nil), 0)
	if len(cli.Duplicates.Rows) < n/60 {
		t.Errorf("%d exact duplicates among %d pages: the test no longer covers deduplication", len(cli.Duplicates.Rows), n)
	}
	if len(bm.Documents.Rows)+len(bm.Duplicates.Rows)+len(bm.Quarantine.Rows) != n {
		t.Errorf("rinse-beam: %s, for %d pages", bm.Counts(), n)
	}
}

// WARC archives, split into records that spread over the workers, beside
// loose pages: exact and near-duplicates across archives are decided by
// input order (archive, then record), as rinse run decides them.
func TestArchivesSameRowsAsRinseRun(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(3, 5))
	var pages []string
	for i := range 300 {
		pages = append(pages, genpages.Page(r, genpages.SiteName(i, 40), i))
	}
	// A near-duplicate: the same article with one sentence changed.
	near := strings.Replace(pages[7], "<p>", "<p>A correction was added on Friday. ", 1)
	writeWARC(t, filepath.Join(dir, "a.warc.gz"), append(pages[:150:150], bundledHTML(t)...))
	writeWARC(t, filepath.Join(dir, "b.warc.gz"), append(pages[150:], pages[3], near, pages[7]))
	if err := os.WriteFile(filepath.Join(dir, "loose.html"), []byte(pages[5]), 0o644); err != nil {
		t.Fatal(err)
	}
	cli, _ := same(t, config(t, dir, nil), 2)
	marked := 0
	for _, d := range cli.Documents.Rows {
		if d["duplicate_of"] != "<null>" {
			marked++
		}
	}
	if len(cli.Duplicates.Rows) < 3 || marked == 0 {
		t.Errorf("%s, %d near-duplicates: the test no longer covers both kinds", cli.Counts(), marked)
	}
}

// bundledHTML is the body of every HTML page of the bundled pages.
func bundledHTML(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(bundled, func(p string, e os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		out = append(out, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeWARC writes pages as response records, one gzip member each.
func writeWARC(t *testing.T, name string, pages []string) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a := source.NewArchiver(f)
	for i, body := range pages {
		err := a.WritePage(&rinse.Page{URL: "https://archive.example/" + filepath.Base(name) + "/" + strconv.Itoa(i),
			Body: []byte(body), HTTPStatus: 200, FetchedAt: time.Date(2026, 11, 2, 3, 4, 5, 0, time.UTC),
			Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// A URL list, fetched by the workers: the same URL twice keeps its first
// row, failures are quarantined at the fetch stage as rinse run does.
func TestURLListSameRowsAsRinseRun(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(bundled)))
	defer srv.Close()
	list := []string{"/news/", "/missing.html", "/news/", "/blogs/", "# a comment", "not a url"}
	var urls []string
	err := filepath.WalkDir(bundled, func(p string, e os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			urls = append(urls, srv.URL+"/"+filepath.ToSlash(strings.TrimPrefix(p, bundled+"/")))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range list {
		if strings.HasPrefix(u, "/") {
			u = srv.URL + u
		}
		urls = append(urls, u)
	}
	urls = append(urls, urls[0]) // a repeat of a page
	file := filepath.Join(t.TempDir(), "urls.txt")
	if err := os.WriteFile(file, []byte(strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config(t, "", func(c *assemble.Config) {
		c.URLs = file
		c.Fetch.AllowPrivateNetworks, c.Fetch.RespectRobots, c.Fetch.Retries = true, false, 0
		c.Fetch.PerHostRate, c.Fetch.PerHostBurst = 1000, 1000
	})
	cli := runCLI(t, *cfg)
	bm, _ := runBeam(t, *cfg, 2)
	// When a page was fetched is the moment of each run.
	for _, d := range []*rowdiff.Dataset{cli, bm} {
		for _, tb := range []*rowdiff.Table{d.Documents, d.Duplicates} {
			for _, r := range tb.Rows {
				delete(r, "fetched_at")
			}
		}
	}
	for _, d := range rowdiff.Compare(cli, bm) {
		t.Error(d)
	}
	if len(cli.Documents.Rows) == 0 || len(cli.Quarantine.Rows) == 0 {
		t.Errorf("the URL list gave %s: want documents and quarantine rows", cli.Counts())
	}
	t.Logf("%s", cli.Counts())
}
