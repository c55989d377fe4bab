package main

import (
	"context"
	"strings"
	"testing"
)

// page is a small hand-made article with the usual chrome around it.
const page = `<!DOCTYPE html><html lang="en"><head><title>Harbour fire contained</title>
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2021-04-02T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour fire contained</h1>
<p>The harbour fire burned for three days before crews finally contained it on Sunday morning,
officials said, after wind pushed the flames towards the old warehouses along the quay.</p>
<p>No one was hurt, but several fishing boats were lost and the ferry service stays suspended
until engineers have inspected the pier and the fuel lines that run beneath it.</p>
<p>The mayor thanked the volunteers who carried water from the river through the night and
promised that the town would help the families whose boats and sheds burned down.</p>
</article>
<footer>Copyright 2021 Harbour Gazette. All rights reserved. Privacy policy.</footer>
</body></html>`

func TestBaselines(t *testing.T) {
	for _, c := range contenders {
		if c.fn == nil {
			continue // timed only
		}
		t.Run(c.name, func(t *testing.T) {
			got := c.fn(context.Background(), "https://gazette.example.com/fire", []byte(page))
			if got.Err != nil {
				t.Fatal(got.Err)
			}
			for _, want := range []string{"burned for three days", "ferry service stays suspended", "carried water"} {
				if !strings.Contains(strings.Join(strings.Fields(got.Text), " "), want) {
					t.Errorf("text misses %q:\n%s", want, got.Text)
				}
			}
			for _, bad := range []string{"All rights reserved", "Sport"} {
				if strings.Contains(got.Text, bad) {
					t.Errorf("text keeps boilerplate %q", bad)
				}
			}
			if got.Title != "Harbour fire contained" || got.Date != "2021-04-02" {
				t.Errorf("title %q date %q", got.Title, got.Date)
			}
		})
	}
}

func TestPick(t *testing.T) {
	cs, err := pick("go-readability,go-trafilatura")
	if err != nil || len(cs) != 2 || cs[0].name != "go-readability" {
		t.Errorf("pick: %v %v", cs, err)
	}
	if _, err := pick("nope"); err == nil || !strings.Contains(err.Error(), "go-trafilatura") {
		t.Errorf("unknown name: %v", err)
	}
}
