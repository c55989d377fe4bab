package transform

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
)

const article = `The city council voted on Tuesday to extend the river promenade by two kilometres,
ending a debate that began when the old harbour warehouses were demolished in the spring.
Supporters said the new path would connect the northern districts to the centre, while
shop owners on the quay worried about months of construction noise and lost trade.
The mayor promised that work would pause during the summer festival and that the
council would publish a timetable for each section before the first trees are moved.
Cyclists' groups welcomed the plan but asked for a separate lane, pointing to the
crowded weekends on the existing stretch near the ferry terminal. Engineers expect the
first section to open next autumn if the river stays low enough for the pile drivers.`

func TestDedup(t *testing.T) {
	near := strings.Replace(article, "two kilometres", "three kilometres", 1)
	other := "A completely different story about a bakery that opened its doors on a quiet morning in the old town square."
	docs := []*rinse.Document{
		{Source: "a", Text: article},
		{Source: "b", Text: strings.ToUpper(article)}, // exact up to case
		{Source: "c", Text: near},
		{Source: "d", Text: other},
	}
	name := map[string]string{}
	for _, in := range docs {
		in.ID = DocumentID(in.Source)
		name[in.ID] = in.Source
	}
	d := NewDedup(DedupOptions{Mode: DedupNear})
	var got []string
	for _, in := range docs {
		in.ContentHash = ContentHash(in.Text)
		out, err := d.Process(context.Background(), in)
		switch {
		case errors.Is(err, rinse.ErrDuplicate):
			got = append(got, in.Source+"=dup")
		case err != nil:
			t.Fatal(err)
		case out.DuplicateOf != "":
			got = append(got, in.Source+"~"+name[out.DuplicateOf])
		default:
			got = append(got, in.Source)
		}
	}
	if want := "a b=dup c~a d"; strings.Join(got, " ") != want {
		t.Errorf("dedup = %q, want %q", strings.Join(got, " "), want)
	}
	if docs[2].DuplicateOf != "" {
		t.Error("Dedup mutated its input")
	}
}

func TestDedupExactOnlyAndNone(t *testing.T) {
	if NewDedup(DedupOptions{Mode: DedupNone}) != nil {
		t.Error("none must disable dedup")
	}
	d := NewDedup(DedupOptions{Mode: DedupExact})
	a := &rinse.Document{ID: "a", Text: article, ContentHash: ContentHash(article)}
	c := &rinse.Document{ID: "c", Text: article + " Extra.", ContentHash: ContentHash(article + " Extra.")}
	d.Process(context.Background(), a)
	out, err := d.Process(context.Background(), c)
	if err != nil || out.DuplicateOf != "" {
		t.Errorf("exact mode must not mark near-duplicates: %v %q", err, out.DuplicateOf)
	}
}
