package evaluate

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestLoad(t *testing.T) {
	t.Run("zyte", func(t *testing.T) {
		s := mustLoad(t, Zyte)
		if len(s.Cases) != 2 || s.Cases[0].ID != "a1" || s.Cases[1].ID != "b2" {
			t.Fatalf("cases not sorted by id: %+v", ids(s))
		}
		a := s.Cases[0]
		if a.URL != "https://news.example.com/harbour-fire" || !strings.Contains(a.Text, "Officials said") {
			t.Errorf("zyte label not read: %+v", a)
		}
		if !bytes.Contains(a.Raw, []byte("<article>")) {
			t.Errorf("page not gunzipped: %q", a.Raw)
		}
		// The windows-1251 page must reach extractors as published: the
		// decoder under test is theirs, not ours.
		if b := s.Cases[1].Raw; !bytes.Contains(b, []byte{0xc3, 0xee, 0xf0}) || bytes.Contains(b, []byte("Город")) {
			t.Errorf("non-UTF-8 page was altered: %q", b)
		}
		if s.Bytes() != int64(len(s.Cases[0].Raw)+len(s.Cases[1].Raw)) {
			t.Errorf("Bytes() = %d", s.Bytes())
		}
	})
	t.Run("boilerplate", func(t *testing.T) {
		s := mustLoad(t, Boilerplate)
		blog := s.Cases[0]
		if blog.URL != "https://blog.example.org/gardening" || len(blog.With) != 2 || len(blog.Without) != 2 {
			t.Fatalf("snippets not read: %+v", blog)
		}
		if got := blog.Meta[FieldAuthor]; !slices.Equal(got, []string{"Ann Lee; Bo Chen"}) {
			t.Errorf("author %q", got)
		}
		if tags, ok := blog.Meta[FieldTags]; !ok || len(tags) != 0 {
			t.Errorf("an empty tags label must stay labelled: %q %v", tags, ok)
		}
		shop := s.Cases[1]
		if got := shop.Meta[FieldAuthor]; !slices.Equal(got, []string{"Dee Park", "Eli Ross"}) {
			t.Errorf("list author %q", got)
		}
		if _, ok := shop.Meta[FieldDate]; ok {
			t.Error("date is not labelled on the shop page")
		}
	})
	t.Run("dates", func(t *testing.T) {
		s := mustLoad(t, Dates)
		if s.Cases[0].Date != "" || s.Cases[1].Date != "2020-09-21" {
			t.Errorf("dates %q %q", s.Cases[0].Date, s.Cases[1].Date)
		}
	})
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(Zyte, filepath.Join(t.TempDir(), "absent")); !errors.Is(err, rinse.ErrRead) {
		t.Errorf("missing folder: %v", err)
	}
	if _, err := Load("tables", "testdata/suites/zyte"); err == nil {
		t.Error("unknown suite accepted")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "labels.json"), `{"u": {"file": "html/gone.html.gz", "date": null}}`)
	s, err := Load(Dates, dir)
	if err != nil || len(s.Cases) != 1 || !errors.Is(s.Cases[0].ReadErr, rinse.ErrRead) {
		t.Errorf("a missing page should be kept with ReadErr: %+v %v", s, err)
	}
	write(t, filepath.Join(dir, "html", "bad.html.gz"), "not gzip")
	write(t, filepath.Join(dir, "labels.json"), `{"u": {"file": "html/bad.html.gz"}}`)
	if s, _ := Load(Dates, dir); s.Cases[0].ReadErr == nil {
		t.Error("a corrupt gzip page should be kept with ReadErr")
	}
	for _, bad := range []string{
		`{"u": {"date": "2020-01-01"}}`,            // no file
		`{"u": {"file": "../../etc/passwd"}}`,      // escapes the suite
		`{"u": {"file": "/etc/passwd"}}`,           // absolute
		`{"": {"file": "html/a.html.gz"}}`,         // no key to report it by
		`{"u": {"file": "f", "author": {"a": 1}}}`, // author neither string nor list
	} {
		write(t, filepath.Join(dir, "labels.json"), bad)
		if _, err := Load(Boilerplate, dir); !errors.Is(err, rinse.ErrParse) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// FuzzParseLabels feeds arbitrary labels files: parsing must not panic,
// and every case it accepts names a file.
func FuzzParseLabels(f *testing.F) {
	f.Add(`{"a": {"url": "https://x", "file": "html/a.html.gz", "articleBody": "text"}}`)
	f.Add(`{"https://x": {"file": "f", "with": ["a"], "without": [], "author": ["A", "B"], "tags": null}}`)
	f.Add(`{"https://x": {"file": "f", "author": 3}}`)
	f.Add(`{"u": {"file": "f", "date": null}}`)
	f.Add(`[1, 2]`)
	for _, k := range Kinds {
		if b, err := os.ReadFile(filepath.Join("testdata/suites", string(k), labelFiles[k])); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, data string) {
		for _, k := range Kinds {
			cases, err := parseLabels(k, []byte(data))
			if err != nil {
				continue
			}
			for _, c := range cases {
				if !filepath.IsLocal(c.File) || c.URL == "" {
					t.Fatalf("%s: accepted a case without file or url: %+v", k, c)
				}
			}
		}
	})
}

func mustLoad(t *testing.T, k Kind) Suite {
	t.Helper()
	s, err := Load(k, filepath.Join("testdata", "suites", string(k)))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range s.Cases {
		if c.ReadErr != nil {
			t.Fatalf("%s: %v", c.File, c.ReadErr)
		}
	}
	return s
}

func ids(s Suite) []string {
	var out []string
	for _, c := range s.Cases {
		out = append(out, c.ID)
	}
	return out
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
