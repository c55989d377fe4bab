// Command extractdir extracts every page of an evaluation suite with one
// Go extractor, one page after the other, and writes one JSON line per
// page: the Go side of python/run.py, with the same arguments and the
// same lines, so that compare -process runs every contender as a process
// of its own and scores them all from their output.
//
//	extractdir -suite DIR -tool NAME [-out FILE]
//
// Tools: go-trafilatura, go-trafilatura+fallback, go-readability, rinse
// (decode → extract → transforms, one page at a time, as compare's
// in-process rinse contender). Built with -tags gotrafilatura,
// goreadability or rinse, it has only that extractor (see tools). Pages are read from DIR/html in name
// order (gunzipped when the name ends in .gz), with their address from
// the suite's labels, or for the wild suite from the page's <text id=...>
// wrapper or the gold file's URL: line, as package evaluate reads them.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/rinse-etl/rinse/evaluate"
)

// Row is one page's line, shared with python/run.py (and read back by
// compare -process).
type Row struct {
	File       string   `json:"file"`
	Text       string   `json:"text,omitempty"`
	Title      string   `json:"title,omitempty"`
	Author     string   `json:"author,omitempty"`
	Date       string   `json:"date,omitempty"`
	Categories []string `json:"categories,omitempty"`
	Tags       []string `json:"tags,omitempty"`
	Error      string   `json:"error,omitempty"`
	Seconds    float64  `json:"seconds"`
}

// tools names the extractors this binary has. Each registers itself
// from a file of its own with a build constraint: built with no tag, the
// program has them all; built with -tags gotrafilatura, goreadability or
// rinse, it links that extractor only, so that its process pays no
// other's start-up (compare -process builds it so for each).
var tools = map[string]func() (evaluate.Func, error){}

func main() {
	suite := flag.String("suite", "", "suite folder (holding html/)")
	tool := flag.String("tool", "", "extractor: "+strings.Join(names(), ", "))
	out := flag.String("out", "", "JSON lines file to write (default: standard output)")
	flag.Parse()
	mk, ok := tools[*tool]
	if *suite == "" || !ok {
		fmt.Fprintf(os.Stderr, "usage: extractdir -suite DIR -tool {%s} [-out FILE]\n", strings.Join(names(), ","))
		os.Exit(2)
	}
	if err := run(*suite, mk, *out); err != nil {
		fmt.Fprintln(os.Stderr, "extractdir:", err)
		os.Exit(1)
	}
}

func names() []string {
	var ns []string
	for n := range tools {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

func run(suite string, mk func() (evaluate.Func, error), out string) error {
	fn, err := mk()
	if err != nil {
		return err
	}
	urls, err := labelURLs(suite)
	if err != nil {
		return err
	}
	files, err := os.ReadDir(filepath.Join(suite, "html"))
	if err != nil {
		return err
	}
	w := os.Stdout
	if out != "" {
		if w, err = os.Create(out); err != nil {
			return err
		}
		defer w.Close() // after the Close below, for the error paths
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	ctx := context.Background()
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		rel := "html/" + f.Name()
		row := Row{File: rel}
		raw, err := read(filepath.Join(suite, "html", f.Name()))
		if err != nil {
			row.Error = err.Error()
		} else {
			url, ok := urls[rel]
			if !ok {
				url = wildURL(suite, f.Name(), raw)
			}
			start := time.Now()
			got := fn(ctx, url, raw)
			row.Seconds = time.Since(start).Seconds()
			row.Text, row.Title, row.Author, row.Date = got.Text, got.Title, got.Author, got.Date
			row.Categories, row.Tags = got.Categories, got.Tags
			if got.Err != nil {
				row.Error = got.Err.Error()
			}
		}
		if err := enc.Encode(row); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if w != os.Stdout {
		return w.Close()
	}
	return nil
}

// labelURLs maps page files to addresses from the suite's labels file;
// the wild suite has none (empty map).
func labelURLs(suite string) (map[string]string, error) {
	urls := map[string]string{}
	for _, name := range []string{"ground-truth.json", "labels.json"} {
		data, err := os.ReadFile(filepath.Join(suite, name))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var labels map[string]struct{ URL, File string }
		if err := json.Unmarshal(data, &labels); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for key, l := range labels {
			if l.URL == "" {
				l.URL = key
			}
			urls[l.File] = l.URL
		}
		break
	}
	return urls, nil
}

var textWrapper = regexp.MustCompile(`(?i)<text\s+id="([^"]+)"`)

// wildURL finds a wild page's address as package evaluate does: its
// CleanEval <text id=...> wrapper, else the gold file's URL: line.
func wildURL(suite, file string, raw []byte) string {
	if m := textWrapper.FindSubmatch(raw[:min(len(raw), 2048)]); m != nil {
		return string(m[1])
	}
	name := strings.TrimSuffix(strings.TrimSuffix(file, ".gz"), ".html")
	gold, err := os.ReadFile(filepath.Join(suite, "gold", name+".txt"))
	if err != nil {
		return ""
	}
	url, _ := evaluate.WildGold(name, gold)
	return url
}

// read returns a file's bytes, gunzipped when its name ends in .gz.
func read(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return data, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	return io.ReadAll(zr)
}
