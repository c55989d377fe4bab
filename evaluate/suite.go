package evaluate

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rinse-etl/rinse"
)

// Kind names a suite and so the way it is scored.
type Kind string

// Suite kinds.
const (
	// Zyte scores main text by 4-token shingles against a full transcript.
	Zyte Kind = "zyte"
	// Boilerplate scores main text by snippets it must and must not
	// contain, and metadata by exact match.
	Boilerplate Kind = "boilerplate"
	// Dates scores the publication date at day precision.
	Dates Kind = "dates"
	// Wild scores main text as bags of words against gold text, on
	// older and varied pages (CleanEval, Dragnet, CleanPortalEval).
	Wild Kind = "wild"
)

// Kinds lists the known suites in a stable order.
var Kinds = []Kind{Zyte, Boilerplate, Dates, Wild}

// labelFiles is where each suite keeps its labels, relative to its folder.
var labelFiles = map[Kind]string{
	Zyte:        "ground-truth.json",
	Boilerplate: "labels.json",
	Dates:       "labels.json",
}

// Suite is a loaded suite: its labels and the raw bytes of every page.
type Suite struct {
	Kind  Kind
	Dir   string
	Cases []Case
	// Unscored counts the pages left out because their labels give
	// nothing to score (a wild page whose gold text has no token).
	Unscored int
}

// Case is one labelled page.
type Case struct {
	// ID is the label's key: a hash for zyte, the URL for the others.
	ID   string
	URL  string
	File string // path relative to the suite folder
	// Raw holds the page exactly as published (gunzipped, any charset).
	Raw []byte
	// ReadErr is set when the page could not be read; Run scores the page
	// as if the extractor had failed on it.
	ReadErr error

	// Text is the zyte transcript of the main text, or the wild gold
	// text (markers and comments already removed).
	Text string
	// With and Without are the boilerplate snippets.
	With, Without []string
	// Meta holds the boilerplate metadata labels by field (see MetaFields);
	// a field missing from the map is not labelled for this page.
	Meta map[string][]string
	// Date is the dates label as YYYY-MM-DD, "" when the page has none.
	Date string
}

// Bytes sums the raw sizes of the suite's pages.
func (s Suite) Bytes() int64 {
	var n int64
	for _, c := range s.Cases {
		n += int64(len(c.Raw))
	}
	return n
}

// Load reads a suite folder: its labels (for wild, its gold texts) and
// every page, gunzipped. A page that cannot be read is kept with ReadErr
// set; a missing folder or unreadable labels file is an error.
func Load(kind Kind, dir string) (Suite, error) {
	if kind == Wild {
		return loadWild(dir)
	}
	name, ok := labelFiles[kind]
	if !ok {
		return Suite{}, fmt.Errorf("loading suite: unknown suite %q (want one of %v)", kind, Kinds)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return Suite{}, fmt.Errorf("loading suite %s: %w: %w", kind, rinse.ErrRead, err)
	}
	cases, err := parseLabels(kind, data)
	if err != nil {
		return Suite{}, fmt.Errorf("loading suite %s: %w", kind, err)
	}
	for i := range cases {
		cases[i].Raw, cases[i].ReadErr = readPage(filepath.Join(dir, filepath.FromSlash(cases[i].File)))
	}
	return Suite{Kind: kind, Dir: dir, Cases: cases}, nil
}

// readPage returns the page's bytes, gunzipped when the name says so.
func readPage(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading page: %w: %w", rinse.ErrRead, err)
	}
	if !strings.HasSuffix(path, ".gz") {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gunzipping page: %w: %w", rinse.ErrRead, err)
	}
	defer zr.Close()
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzipping page: %w: %w", rinse.ErrRead, err)
	}
	return raw, nil
}

// rawLabel is the union of the three suites' label records.
type rawLabel struct {
	URL         string          `json:"url"`
	File        string          `json:"file"`
	ArticleBody string          `json:"articleBody"`
	With        []string        `json:"with"`
	Without     []string        `json:"without"`
	Date        *string         `json:"date"`
	Title       *string         `json:"title"`
	Author      json.RawMessage `json:"author"` // a string or a list
	Categories  *[]string       `json:"categories"`
	Tags        *[]string       `json:"tags"`
}

// parseLabels decodes a labels file into cases sorted by ID, so runs and
// reports are reproducible whatever the map order.
func parseLabels(kind Kind, data []byte) ([]Case, error) {
	var m map[string]rawLabel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("parsing labels: %w: %w", rinse.ErrParse, err)
	}
	cases := make([]Case, 0, len(m))
	for id, l := range m {
		if id == "" {
			return nil, fmt.Errorf("parsing labels: %w: empty key", rinse.ErrParse)
		}
		// A labels file only names pages inside its own folder.
		if !filepath.IsLocal(filepath.FromSlash(l.File)) {
			return nil, fmt.Errorf("parsing labels: %w: entry %q: file %q is not inside the suite", rinse.ErrParse, id, l.File)
		}
		c := Case{ID: id, URL: l.URL, File: l.File}
		if c.URL == "" {
			c.URL = id
		}
		switch kind {
		case Zyte:
			c.Text = l.ArticleBody
		case Boilerplate:
			c.With, c.Without = l.With, l.Without
			meta, err := l.meta()
			if err != nil {
				return nil, fmt.Errorf("parsing labels of %q: %w", id, err)
			}
			c.Meta = meta
		case Dates:
			if l.Date != nil {
				c.Date = strings.TrimSpace(*l.Date)
			}
		}
		cases = append(cases, c)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].ID < cases[j].ID })
	return cases, nil
}

// meta gathers the labelled metadata fields; absent fields stay absent so
// that each field is scored only over the pages that label it.
func (l rawLabel) meta() (map[string][]string, error) {
	meta := map[string][]string{}
	if l.Title != nil {
		meta[FieldTitle] = []string{*l.Title}
	}
	if l.Date != nil {
		meta[FieldDate] = []string{*l.Date}
	}
	if l.Categories != nil {
		meta[FieldCategories] = *l.Categories
	}
	if l.Tags != nil {
		meta[FieldTags] = *l.Tags
	}
	if len(l.Author) > 0 && string(l.Author) != "null" {
		var one string
		var many []string
		switch {
		case json.Unmarshal(l.Author, &one) == nil:
			meta[FieldAuthor] = []string{one}
		case json.Unmarshal(l.Author, &many) == nil:
			meta[FieldAuthor] = many
		default:
			return nil, fmt.Errorf("parsing author: %w: %s", rinse.ErrParse, l.Author)
		}
	}
	return meta, nil
}
