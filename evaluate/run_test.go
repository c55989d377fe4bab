package evaluate

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fakeExtractor answers from a table keyed by URL, as a real extractor's
// mixed results would: some right, some partly wrong, one failure.
func fakeExtractor(answers map[string]Extracted) Func {
	return func(_ context.Context, url string, raw []byte) Extracted {
		if len(raw) == 0 {
			return Extracted{Err: errors.New("no bytes")}
		}
		return answers[url]
	}
}

var fakeAnswers = map[Kind]map[string]Extracted{
	Zyte: {
		"https://news.example.com/harbour-fire": {Text: "Home | World | Sport\nThe harbour fire burned for three days before crews contained it.\nOfficials said no one was hurt."},
		"https://city.example.ru/budget":        {Err: fmt.Errorf("decoding: %w", rinse.ErrUndecodable)},
	},
	Boilerplate: {
		"https://blog.example.org/gardening": {Text: "Tomatoes need plenty of sun.\nWater them at dawn.\nShare this post",
			Title: "Notes on gardening", Author: "Ann Lee", Date: "2021-04-02", Categories: []string{"Garden"}},
		"https://shop.example.com/sale": {Text: "All bikes are 20% off this week.", Title: "Spring sale", Author: "Eli Ross;Dee Park"},
	},
	Wild: {
		// Link row kept: 2 words too many, none missed.
		"http://www.example.org/river": {Text: "Home | News\nRiver rises\nThe river rose two metres overnight after the storm, and the ferry stopped."},
		// The Dragnet page has no address: the extractor fails on it.
		"": {Err: errors.New("no main content")},
	},
	Dates: {
		"https://news.example.ua/story": {Date: "2020-09-21"},
		"https://example.net/about":     {Date: "2024-01-01"},
	},
}

func TestRunGolden(t *testing.T) {
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			rep := Run(context.Background(), mustLoad(t, k), fakeExtractor(fakeAnswers[k]))
			rep.Name = "fake"
			if rep.Pages != 2 || rep.Bytes == 0 {
				t.Fatalf("pages %d bytes %d", rep.Pages, rep.Bytes)
			}
			// Timing varies from run to run; the golden file pins the rest.
			rep.Elapsed = 2 * time.Second
			for i := range rep.Results {
				rep.Results[i].Elapsed = time.Millisecond
			}
			var buf bytes.Buffer
			rep.Print(&buf)
			rep.PrintWorst(&buf, 5)
			golden(t, filepath.Join("testdata", "report-"+string(k)+".golden"), buf.Bytes())
		})
	}
}

func TestRunScores(t *testing.T) {
	z := Run(context.Background(), mustLoad(t, Zyte), fakeExtractor(fakeAnswers[Zyte]))
	// Page a1 predicts 3 boilerplate tokens too many: 3 FP shingles of 17;
	// page b2 failed, so it is out of the precision mean.
	if z.Errors != 1 || z.Zyte.PrecisionPages != 1 || !near(z.Zyte.Precision, 14.0/17) || !near(z.Zyte.Recall, 0.5) {
		t.Errorf("zyte %+v errors %d", z.Zyte, z.Errors)
	}
	if w := z.Worst(1); len(w) != 1 || w[0].Case.ID != "b2" {
		t.Errorf("worst page should be the failed one: %+v", w)
	}
	b := Run(context.Background(), mustLoad(t, Boilerplate), fakeExtractor(fakeAnswers[Boilerplate]))
	if b.Boilerplate.TP != 3 || b.Boilerplate.FP != 1 || b.Boilerplate.TN != 2 || b.Boilerplate.FN != 0 {
		t.Errorf("boilerplate %+v", b.Boilerplate)
	}
	if a := b.Boilerplate.Meta[FieldAuthor]; a.Labelled != 2 || a.Correct != 1 {
		t.Errorf("author %+v", a)
	}
	w := Run(context.Background(), mustLoad(t, Wild), fakeExtractor(fakeAnswers[Wild]))
	// river: 15 gold words, 17 predicted, all gold found; harbour failed.
	river := harmonic(15.0/17, 1)
	if w.Errors != 1 || w.Unscored != 1 || !near(w.Wild.Precision, 15.0/17/2) || !near(w.Wild.Recall, 0.5) ||
		!near(w.Wild.F1, river/2) || !near(w.Wild.Median, river/2) {
		t.Errorf("wild %+v errors %d unscored %d", w.Wild, w.Errors, w.Unscored)
	}
	if c, d := w.Wild.Sets["cleaneval"], w.Wild.Sets["dragnet"]; c.Pages != 1 || !near(c.F1, river) || d.Pages != 1 || d.F1 != 0 {
		t.Errorf("wild sets %+v", w.Wild.Sets)
	}
	d := Run(context.Background(), mustLoad(t, Dates), fakeExtractor(fakeAnswers[Dates]))
	if d.Dates.TP != 1 || d.Dates.FP != 1 || !near(d.Dates.Accuracy, 0.5) {
		t.Errorf("dates %+v", d.Dates)
	}
}

func TestRunReadErrorAndCancel(t *testing.T) {
	s := mustLoad(t, Dates)
	s.Cases[1].ReadErr = rinse.ErrRead
	called := 0
	rep := Run(context.Background(), s, func(context.Context, string, []byte) Extracted {
		called++
		return Extracted{}
	})
	if called != 1 || rep.Errors != 1 || rep.Dates.FN != 1 {
		t.Errorf("unreadable page: called %d, errors %d, %+v", called, rep.Errors, rep.Dates)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rep = Run(ctx, s, func(context.Context, string, []byte) Extracted {
		cancel()
		return Extracted{}
	})
	if !rep.Interrupted || rep.Pages != 1 {
		t.Errorf("cancelled run: interrupted %v, pages %d", rep.Interrupted, rep.Pages)
	}
}

func TestRinseAdapter(t *testing.T) {
	published := time.Date(2020, 9, 21, 0, 30, 0, 0, time.FixedZone("EEST", 3*3600))
	tests := []struct {
		name    string
		doc     *rinse.Document
		err     error
		want    Extracted
		wantErr error
	}{
		{
			name: "document fields",
			doc: &rinse.Document{Text: "Body", Title: "T", Author: "A; B", PublishedAt: published,
				PublishedDate: time.Date(2020, 9, 21, 0, 0, 0, 0, time.UTC), Categories: []string{"c"}, Tags: []string{"t"}},
			// The published_date column: the day as the page wrote it,
			// not the UTC instant's (2020-09-20).
			want: Extracted{Text: "Body", Title: "T", Author: "A; B", Date: "2020-09-21", Categories: []string{"c"}, Tags: []string{"t"}},
		},
		{name: "unknown date stays empty", doc: &rinse.Document{Text: "Body"}, want: Extracted{Text: "Body"}},
		{name: "rejection is an error", err: fmt.Errorf("checking length: %w", rinse.ErrTooShort), wantErr: rinse.ErrRejected},
		{name: "filtered is an error", wantErr: errFiltered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen *rinse.Page
			fn := Rinse(func(_ context.Context, p *rinse.Page) (*rinse.Document, error) {
				seen = p
				return tt.doc, tt.err
			})
			got := fn(context.Background(), "https://x.example/a", []byte("<p>raw</p>"))
			if seen.URL != "https://x.example/a" || string(seen.Body) != "<p>raw</p>" || seen.Kind != rinse.KindHTML {
				t.Errorf("page handed to the stages: %+v", seen)
			}
			if tt.wantErr != nil {
				if !errors.Is(got.Err, tt.wantErr) {
					t.Errorf("err %v, want %v", got.Err, tt.wantErr)
				}
				return
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s:\n%s", path, diffLines(string(want), string(got)))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}
