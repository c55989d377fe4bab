// Command trafdir extracts every page under a folder with go-trafilatura,
// one page after the other, and prints how many it read: go-trafilatura
// as a program over a folder, for compare's CPU comparison (-cpu), where
// it stands against a whole `rinse run` as a process of its own.
//
//	trafdir [-fallback] DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/markusmobius/go-trafilatura"
)

func main() {
	fallback := flag.Bool("fallback", false, "enable go-trafilatura's fallback extractors")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: trafdir [-fallback] DIR")
		os.Exit(2)
	}
	pages, texts := 0, 0
	err := filepath.WalkDir(flag.Arg(0), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := read(path)
		if err != nil {
			return err
		}
		pages++
		res, err := trafilatura.Extract(bytes.NewReader(raw), trafilatura.Options{EnableFallback: *fallback})
		if err == nil && res.ContentText != "" {
			texts++
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "trafdir:", err)
		os.Exit(1)
	}
	fmt.Printf("%d pages, %d with text\n", pages, texts)
}

// read returns a file's bytes, gunzipped when its name ends in .gz (with
// the gzip reader rinse uses, so neither side reads faster).
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
