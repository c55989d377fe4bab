package evaluate

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/rinse-etl/rinse"
)

// The wild suite keeps its pages as html/NAME.html.gz and their gold text
// as gold/NAME.txt; the part of NAME before "__" names the source set
// (cleaneval, cleanevaldev, cleanportaleval, dragnet).

// loadWild reads a wild suite folder: one case per gold file whose text
// has a token, in name order. Pages whose gold text has none are not
// scored, so they are left out (Suite.Unscored counts them).
func loadWild(dir string) (Suite, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "gold", "*.txt"))
	if err != nil || len(golds) == 0 {
		return Suite{}, fmt.Errorf("loading suite %s: %w: no gold/*.txt in %s", Wild, rinse.ErrRead, dir)
	}
	sort.Strings(golds)
	s := Suite{Kind: Wild, Dir: dir}
	for _, g := range golds {
		data, err := os.ReadFile(g)
		if err != nil {
			return Suite{}, fmt.Errorf("loading suite %s: %w: %w", Wild, rinse.ErrRead, err)
		}
		name := strings.TrimSuffix(filepath.Base(g), ".txt")
		url, text := WildGold(name, data)
		if len(Tokens(text)) == 0 {
			s.Unscored++
			continue
		}
		c := Case{ID: name, File: "html/" + name + ".html.gz", Text: text}
		c.Raw, c.ReadErr = readPage(filepath.Join(dir, filepath.FromSlash(c.File)))
		c.URL = pageURL(c.Raw)
		if c.URL == "" {
			c.URL = url
		}
		s.Cases = append(s.Cases, c)
	}
	return s, nil
}

// SourceSet names the source set of a wild case: its ID up to "__".
func SourceSet(id string) string {
	set, _, ok := strings.Cut(id, "__")
	if !ok {
		return ""
	}
	return set
}

var (
	// marker is a CleanEval structure marker: a one- or two-letter
	// lower-case tag (<p>, <h>, <l>).
	marker = regexp.MustCompile(`</?[a-z]{1,2}>`)
	// textWrapper is CleanEval's <text id="URL" ...> around a page.
	textWrapper = regexp.MustCompile(`(?i)<text\s+id="([^"]+)"`)
)

// WildGold reads a gold file as the suite's README says: the address on a
// first line starting "URL:" (blank lines before it allowed) is returned
// apart, CleanEval's structure markers are dropped, and a Dragnet file
// ends at its "!@#$%^&*()  COMMENTS" line. The bytes are decoded from
// UTF-16 or UTF-8 (with or without a byte-order mark), or else read as
// Windows-1252.
func WildGold(name string, data []byte) (url, text string) {
	lines := strings.Split(strings.ReplaceAll(decodeGold(data), "\r\n", "\n"), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if u, ok := strings.CutPrefix(strings.TrimSpace(l), "URL:"); ok {
			url = strings.TrimSpace(u)
			lines = lines[i+1:]
		}
		break
	}
	if SourceSet(name) == "dragnet" {
		if i := slices.IndexFunc(lines, commentsLine); i >= 0 {
			lines = lines[:i]
		}
	}
	return url, marker.ReplaceAllString(strings.Join(lines, "\n"), " ")
}

// commentsLine recognises Dragnet's comment separator, typed by hand in
// a few variants ("!@#$%^&*()  COMMENTS", "!!@#$%^&*()  COMMENTS").
func commentsLine(l string) bool {
	rest, ok := strings.CutSuffix(strings.TrimSpace(l), "COMMENTS")
	rest = strings.TrimSpace(rest)
	return ok && rest != "" && strings.Trim(rest, "!@#$%^&*() \t") == ""
}

// decodeGold turns a gold file into text.
func decodeGold(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		d := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := d.Bytes(data); err == nil {
			return string(out)
		}
	case bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}):
		return string(data[3:])
	case utf8.Valid(data):
		return string(data)
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(data)
	return string(out)
}

// pageURL reads the address of a CleanEval page from its <text id=...>
// wrapper, "" when there is none.
func pageURL(raw []byte) string {
	head := raw[:min(len(raw), 2048)]
	if m := textWrapper.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// WordCounts is the per-page outcome of the wild scoring: bags of
// lower-cased \w+ tokens.
type WordCounts struct {
	// TP is the size of the multiset intersection; Pred and Gold the
	// sizes of the two bags.
	TP, Pred, Gold int
}

// CompareWords scores a predicted main text against the gold text.
func CompareWords(gold, pred string) WordCounts {
	bag := map[string]int{}
	g := Tokens(strings.ToLower(gold))
	for _, t := range g {
		bag[t]++
	}
	c := WordCounts{Gold: len(g)}
	for _, t := range Tokens(strings.ToLower(pred)) {
		c.Pred++
		if bag[t] > 0 {
			bag[t]--
			c.TP++
		}
	}
	return c
}

// Precision is TP over the predicted tokens, 0 when nothing is predicted.
func (c WordCounts) Precision() float64 { p, _ := ratio(c.TP, c.Pred); return p }

// Recall is TP over the gold tokens.
func (c WordCounts) Recall() float64 { r, _ := ratio(c.TP, c.Gold); return r }

// F1 is the page's F1, 0 when precision and recall are both 0.
func (c WordCounts) F1() float64 { return harmonic(c.Precision(), c.Recall()) }

// WildScore aggregates pages: means of the per-page precision, recall and
// F1, the median F1, and the mean F1 of each source set.
type WildScore struct {
	Pages                         int
	Precision, Recall, F1, Median float64
	// Sets holds each source set's pages and mean F1, by name.
	Sets map[string]SetScore
}

// SetScore is one source set's share of a wild score.
type SetScore struct {
	Pages int
	F1    float64
}

// ScoreWild aggregates per-page counts; sets[i] names page i's source set.
func ScoreWild(pages []WordCounts, sets []string) WildScore {
	s := WildScore{Pages: len(pages), Sets: map[string]SetScore{}}
	if len(pages) == 0 {
		return s
	}
	f1s := make([]float64, len(pages))
	for i, c := range pages {
		f1s[i] = c.F1()
		s.Precision += c.Precision()
		s.Recall += c.Recall()
		s.F1 += f1s[i]
		set := s.Sets[sets[i]]
		set.Pages++
		set.F1 += f1s[i]
		s.Sets[sets[i]] = set
	}
	n := float64(len(pages))
	s.Precision, s.Recall, s.F1 = s.Precision/n, s.Recall/n, s.F1/n
	for k, set := range s.Sets {
		set.F1 /= float64(set.Pages)
		s.Sets[k] = set
	}
	slices.Sort(f1s)
	if m := len(f1s) / 2; len(f1s)%2 == 1 {
		s.Median = f1s[m]
	} else {
		s.Median = (f1s[m-1] + f1s[m]) / 2
	}
	return s
}

// SetNames returns the source sets in name order.
func (s WildScore) SetNames() []string {
	names := make([]string, 0, len(s.Sets))
	for k := range s.Sets {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
