package boilerplate_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/decode"
	"github.com/rinse-etl/rinse/extract"
	"github.com/rinse-etl/rinse/internal/fixtures"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/transform/boilerplate"
)

// extractPage runs decode, extract and boilerplate on one fixture file.
func bpExtractPage(t testing.TB, set *rules.Set, path string) (*rinse.Document, error) {
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
	p, err := decode.New(decode.Options{MaxBytes: 1 << 20}).Process(ctx, page)
	if err != nil {
		return nil, err
	}
	doc, err := extract.NewExtractor(extract.ExtractorOptions{Profiles: set}).Process(ctx, p)
	if err != nil {
		return nil, err
	}
	return boilerplate.New(set).Process(ctx, doc)
}

func bpProfiles(t testing.TB) *rules.Set {
	t.Helper()
	set, err := rules.Load(os.DirFS("../../configs"), "sites")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestBoilerplateFixtures runs the repository's fixture pages through
// decode, extract and boilerplate and checks what expectations.json says.
func TestBoilerplateFixtures(t *testing.T) {
	exps, err := fixtures.Load("../../testdata/expectations.json")
	if err != nil {
		t.Fatal(err)
	}
	set := bpProfiles(t)
	for name, exp := range exps {
		if exp.Outcome == "skipped" || exp.Reason == "read-error" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			doc, err := bpExtractPage(t, set, filepath.Join("../../testdata/pages", name))
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

func bpCheckDoc(t *testing.T, doc *rinse.Document, exp fixtures.Expectation) {
	t.Helper()
	// The language stage does not run here: its expectation is not checked.
	for _, msg := range exp.Check(fixtures.Doc{Title: doc.Title, Author: doc.Author, Text: doc.Text, Site: doc.Site,
		Categories: doc.Categories, Tags: doc.Tags, Language: exp.Language}) {
		t.Error(msg)
	}
	if t.Failed() {
		t.Logf("text:\n%s", doc.Text)
	}
}

func bpHead(s string) string { return s[:min(len(s), 80)] }
func bpTail(s string) string { return s[max(0, len(s)-80):] }
