package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestCountriesUpToDate fails when configs/entities/countries.yaml no
// longer matches what the generator writes (a renames edit or a module
// bump without regenerating).
func TestCountriesUpToDate(t *testing.T) {
	want, err := render(build())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../configs/entities/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("countries.yaml is stale: run go run ./tools/gengazetteer -o configs/entities/countries.yaml")
	}
}

func TestRenames(t *testing.T) {
	out, err := render(build())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"- name: North Korea\n  type: country\n  aliases: [Democratic People's Republic of Korea]\n  codes: [KP, PRK]",
		"- name: Iran\n",
		"- name: Antarctica\n  type: place",
	} {
		if !strings.Contains(string(out), s) {
			t.Errorf("output lacks %q", s)
		}
	}
	if strings.Contains(string(out), "(Islamic Republic of)") {
		t.Error("catalogue name with parentheses kept as an alias")
	}
}
