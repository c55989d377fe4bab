package assemble_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/configs"
	"github.com/rinse-etl/rinse/decode"
	"github.com/rinse-etl/rinse/extract"
	"github.com/rinse-etl/rinse/internal/fixtures"
	"github.com/rinse-etl/rinse/rules"
	"github.com/rinse-etl/rinse/transform"
	"github.com/rinse-etl/rinse/transform/boilerplate"
	"github.com/rinse-etl/rinse/transform/language"
)

// extractPage runs decode, extract and boilerplate on one fixture file,
// as a run does, and reports the language the next stages (normalize,
// language) find in what is left.
func extractPage(t testing.TB, set *rules.Set, path string) (doc *rinse.Document, lang string, err error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, "", err
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, "", err
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
		return nil, "", err
	}
	if doc, err = extract.NewExtractor(extract.ExtractorOptions{Profiles: set}).Process(ctx, p); err != nil {
		return nil, "", err
	}
	generic, err := rules.LoadRules(configs.Rules, "rules")
	if err != nil {
		t.Fatal(err)
	}
	if doc, err = boilerplate.New(set, generic).Process(ctx, doc); err != nil {
		return nil, "", err
	}
	norm, err := transform.Normalize{}.Process(ctx, doc)
	if err != nil {
		return nil, "", err
	}
	detected, err := language.New(language.Options{}).Process(ctx, norm)
	if err != nil {
		return nil, "", err
	}
	return doc, detected.Language, nil
}

// TestBoilerplateFixtures runs the repository's fixture pages through
// decode, extract and boilerplate (and, for their language, normalize and
// language) and checks what expectations.json says.
func TestBoilerplateFixtures(t *testing.T) {
	exps, err := fixtures.Load("../testdata/expectations.json")
	if err != nil {
		t.Fatal(err)
	}
	set := shippedProfiles(t)
	for name, exp := range exps {
		if exp.Outcome == "skipped" || exp.Reason == "read-error" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			doc, lang, err := extractPage(t, set, filepath.Join("../testdata/pages", name))
			if exp.Outcome == "quarantined" {
				if err == nil || rinse.Reason(err) != exp.Reason {
					t.Fatalf("got err %v, want reason %q", err, exp.Reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			checkDoc(t, doc, lang, exp)
		})
	}
}

func checkDoc(t *testing.T, doc *rinse.Document, lang string, exp fixtures.Expectation) {
	t.Helper()
	for _, msg := range exp.Check(fixtures.Doc{Title: doc.Title, Author: doc.Author, Text: doc.Text, Site: doc.Site,
		Categories: doc.Categories, Tags: doc.Tags, Language: lang}) {
		t.Error(msg)
	}
	if t.Failed() {
		t.Logf("text:\n%s", doc.Text)
	}
}

func head(s string) string { return s[:min(len(s), 80)] }
func tail(s string) string { return s[max(0, len(s)-80):] }

// TestBoilerplateMoofLifeExample is the acceptance test of the MoofLife
// moment: the same page as a text dump and as HTML with hashed classes.
func TestBoilerplateMoofLifeExample(t *testing.T) {
	set := shippedProfiles(t)
	for _, file := range []string{"nam-1975.txt", "nam-1975.html"} {
		t.Run(file, func(t *testing.T) {
			doc, _, err := extractPage(t, set, "testdata/"+file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(doc.Text, "On 1 August 1975, North Korea officially joined") {
				t.Errorf("text starts %q", head(doc.Text))
			}
			if !strings.HasSuffix(doc.Text, "during the Cold War.") {
				t.Errorf("text ends %q", tail(doc.Text))
			}
			for _, bad := range []string{"logo", "icon", "Updated By", "min read", "Published:", "#", "Explore the Life Moments", "Non-Aligned Movement for Independent"} {
				if strings.Contains(doc.Text, bad) {
					t.Errorf("text contains %q", bad)
				}
			}
			want := map[string]string{
				"title":  "North Korea's Strategic Entry into Non-Aligned Movement for Independent Foreign Policy",
				"author": "History Editorial Network (HEN)",
			}
			if doc.Title != want["title"] {
				t.Errorf("title = %q", doc.Title)
			}
			if doc.Author != want["author"] {
				t.Errorf("author = %q", doc.Author)
			}
			if !slices.Equal(doc.Categories, []string{"Political"}) {
				t.Errorf("categories = %q", doc.Categories)
			}
			for _, tag := range []string{"NorthKorea", "ColdWarEra", "MoofLife"} {
				if !slices.Contains(doc.Tags, tag) {
					t.Errorf("tags %q lack %q", doc.Tags, tag)
				}
			}
			if doc.Profile != "mooflife" {
				t.Errorf("profile = %q", doc.Profile)
			}
		})
	}
}
