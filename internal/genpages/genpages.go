// Package genpages writes synthetic but realistic news pages for soak,
// kill and memory tests: many sites, boilerplate around the article, a
// share of exact duplicates, deterministic for a given seed.
package genpages

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var (
	sites = []string{"harbour-times.com", "valley-post.net", "metro-daily.org", "coastal-wire.com",
		"riverside-herald.co.uk", "summit-news.com", "plains-gazette.com", "island-echo.net"}
	subjects = []string{"The council", "A local charity", "The new school board", "Residents", "The football club",
		"Engineers", "The museum", "Farmers in the valley", "The transport authority", "A group of volunteers"}
	verbs   = []string{"approved", "criticised", "announced", "delayed", "celebrated", "funded", "rejected", "reviewed"}
	objects = []string{"a plan to extend the tram line", "the budget for next year", "a new cycle path along the river",
		"the restoration of the old mill", "a festival in the town square", "plans for affordable housing",
		"the closure of the branch library", "a study of air quality near the port"}
	tails = []string{"after a long debate on Tuesday evening.", "despite objections from neighbours.",
		"following months of consultation.", "in a vote that surprised many observers.",
		"with support from regional government.", "although the details remain unclear."}
)

// Write creates n pages from the 8 built-in sites under dir; see WriteSites.
func Write(dir string, n int, seed uint64) (int64, error) { return WriteSites(dir, n, 0, seed) }

// WriteSites creates n pages under dir (site/section/page-N.html) and
// returns the number of bytes written. Pages go round-robin over
// nsites sites (at most 8 distinct names when nsites <= 8, else
// generated names: a crawl, where nearly every page has a site of its
// own). Every 50th page repeats an earlier one.
func WriteSites(dir string, n, nsites int, seed uint64) (int64, error) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var total int64
	var prev string
	for i := range n {
		site := SiteName(i, nsites)
		page := Page(r, site, i)
		if i%50 == 49 && prev != "" {
			page = prev
		}
		prev = page
		p := filepath.Join(dir, site, fmt.Sprintf("s%02d", i%17), fmt.Sprintf("page-%06d.html", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return total, err
		}
		if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
			return total, err
		}
		total += int64(len(page))
	}
	return total, nil
}

// SiteName is the site of page i when pages go round-robin over nsites.
func SiteName(i, nsites int) string {
	if nsites <= 0 {
		nsites = len(sites)
	}
	if nsites <= len(sites) {
		return sites[i%nsites]
	}
	base := sites[i%len(sites)]
	return fmt.Sprintf("s%06d-%s", i%nsites, base)
}

// Page renders one article page.
func Page(r *rand.Rand, site string, i int) string {
	title := fmt.Sprintf("%s %s %s", pick(r, subjects), pick(r, verbs), pick(r, objects))
	var body strings.Builder
	for p := range 4 + r.IntN(5) {
		body.WriteString("<p>")
		for range 3 + r.IntN(4) {
			fmt.Fprintf(&body, "%s %s %s %s ", pick(r, subjects), pick(r, verbs), pick(r, objects), pick(r, tails))
		}
		fmt.Fprintf(&body, "Report %d, paragraph %d.</p>\n", i, p)
	}
	day := 1 + i%28
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s | %s</title>
<meta property="og:site_name" content="%s">
<meta property="article:published_time" content="2024-03-%02dT09:30:00+01:00">
<link rel="canonical" href="https://%s/news/%d"></head>
<body><header><a href="/"><img src="/logo.png" alt="%s logo"></a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article><h1>%s</h1><p class="byline">By Staff Reporter</p>
%s</article>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another story</a></li></ul></aside></main>
<footer><p>© 2024 %s. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>
`, title, site, site, day, site, i, site, title, body.String(), site)
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }
