package transform_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"

	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/extract"
	"github.com/rinse-etl/rinse/profile"
	"github.com/rinse-etl/rinse/transform"
)

// bpExpectation is one entry of testdata/expectations.json (see its README).
type bpExpectation struct {
	Outcome        string   `json:"outcome"`
	Reason         string   `json:"reason"`
	Title          *string  `json:"title"`
	Author         *string  `json:"author"`
	Categories     []string `json:"categories"`
	Tags           []string `json:"tags"`
	Site           string   `json:"site"`
	TextStartsWith string   `json:"text_starts_with"`
	TextEndsWith   string   `json:"text_ends_with"`
	TextContains   []string `json:"text_contains"`
	TextNotContain []string `json:"text_not_contains"`
}

// extractPage runs decode, extract and boilerplate on one fixture file.
func bpExtractPage(t testing.TB, set *profile.Set, path string) (*rinse.Document, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
		path = strings.TrimSuffix(path, ".gz")
	}
	page := &rinse.Page{Source: path, Body: data}
	if strings.HasSuffix(path, ".txt") {
		page.Kind = rinse.KindText
	}
	ctx := context.Background()
	p, err := extract.NewDecoder(extract.DecoderOptions{MaxBytes: 1 << 20}).Process(ctx, page)
	if err != nil {
		return nil, err
	}
	doc, err := extract.NewExtractor(extract.ExtractorOptions{Profiles: set}).Process(ctx, p)
	if err != nil {
		return nil, err
	}
	return transform.NewBoilerplate(set).Process(ctx, doc)
}

func bpProfiles(t testing.TB) *profile.Set {
	t.Helper()
	set, err := profile.Load(os.DirFS("../configs"), "sites")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestBoilerplateFixtures runs the repository's fixture pages through
// decode, extract and boilerplate and checks what expectations.json says.
func TestBoilerplateFixtures(t *testing.T) {
	raw, err := os.ReadFile("../testdata/expectations.json")
	if err != nil {
		t.Fatal(err)
	}
	var exps map[string]bpExpectation
	if err := json.Unmarshal(raw, &exps); err != nil {
		t.Fatal(err)
	}
	set := bpProfiles(t)
	for name, exp := range exps {
		if exp.Outcome == "skipped" || exp.Reason == "read-error" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			doc, err := bpExtractPage(t, set, filepath.Join("../testdata/pages", name))
			if exp.Outcome == "quarantined" {
				if err == nil || rinse.Reason(err) != exp.Reason {
					t.Fatalf("got err %v, want reason %q", err, exp.Reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			bpCheckDoc(t, doc, exp)
		})
	}
}

func bpCheckDoc(t *testing.T, doc *rinse.Document, exp bpExpectation) {
	t.Helper()
	text := doc.Text
	if exp.Title != nil && doc.Title != *exp.Title {
		t.Errorf("title = %q, want %q", doc.Title, *exp.Title)
	}
	if exp.Author != nil && doc.Author != *exp.Author {
		t.Errorf("author = %q, want %q", doc.Author, *exp.Author)
	}
	if exp.Categories != nil && !bpSameSet(doc.Categories, exp.Categories) {
		t.Errorf("categories = %q, want %q", doc.Categories, exp.Categories)
	}
	if exp.Tags != nil && !bpSameSet(doc.Tags, exp.Tags) {
		t.Errorf("tags = %q, want %q", doc.Tags, exp.Tags)
	}
	if exp.Site != "" && doc.Site != exp.Site {
		t.Errorf("site = %q, want %q", doc.Site, exp.Site)
	}
	if !strings.HasPrefix(text, exp.TextStartsWith) {
		t.Errorf("text starts with %q, want %q", bpHead(text), exp.TextStartsWith)
	}
	if !strings.HasSuffix(text, exp.TextEndsWith) {
		t.Errorf("text ends with %q, want %q", bpTail(text), exp.TextEndsWith)
	}
	for _, s := range exp.TextContains {
		if !strings.Contains(text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	for _, s := range exp.TextNotContain {
		if strings.Contains(text, s) {
			t.Errorf("text contains %q", s)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func bpSameSet(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.EqualFold(g, w) }) {
			return false
		}
	}
	return true
}

func bpHead(s string) string { return s[:min(len(s), 80)] }
func bpTail(s string) string { return s[max(0, len(s)-80):] }
