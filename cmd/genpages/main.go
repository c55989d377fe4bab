// Command genpages writes synthetic news pages for soak and memory runs:
//
//	go run ./cmd/genpages -n 100000 -out /tmp/pages
//	go run ./cmd/genpages -n 100000 -sites 20000 -out /tmp/crawl
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/rinse-etl/rinse/internal/genpages"
)

func main() {
	n := flag.Int("n", 2000, "number of pages")
	out := flag.String("out", "", "directory to write")
	seed := flag.Uint64("seed", 1, "random seed")
	sites := flag.Int("sites", 8, "number of sites the pages come from (a crawl: about one per page)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "genpages: -out is required")
		os.Exit(2)
	}
	b, err := genpages.WriteSites(*out, *n, *sites, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genpages:", err)
		os.Exit(1)
	}
	fmt.Printf("%d pages from %d sites, %d bytes in %s\n", *n, max(*sites, 1), b, *out)
}
