package entities

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/rinse-etl/rinse"
)

var (
	testEntitiesOnce sync.Once
	testEntitiesVal  *Entities
	testEntitiesErr  error
)

// testEntities compiles the bundled gazetteers once for all tests.
func testEntities(t testing.TB) *Entities {
	t.Helper()
	testEntitiesOnce.Do(func() {
		testEntitiesVal, testEntitiesErr = New(Options{Bundled: os.DirFS("../../configs")})
	})
	if testEntitiesErr != nil {
		t.Fatal(testEntitiesErr)
	}
	return testEntitiesVal
}

func entityMap(es []rinse.Entity) map[string]rinse.Entity {
	m := map[string]rinse.Entity{}
	for _, e := range es {
		m[e.Name] = e
	}
	return m
}

func formatEntities(es []rinse.Entity) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%s/%s×%d; ", e.Name, e.Type, e.Mentions)
	}
	return b.String()
}

func TestEntitiesNAMPage(t *testing.T) {
	text, err := os.ReadFile("testdata/nam-1975.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := &rinse.Document{Text: string(text)}
	out, err := testEntities(t).Process(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if in.Entities != nil {
		t.Error("input document mutated")
	}
	got := entityMap(out.Entities)
	t.Logf("entities: %s", formatEntities(out.Entities))
	want := []struct {
		name, typ string
		mentions  int32
	}{
		{"North Korea", rinse.EntityCountry, 11},
		{"South Korea", rinse.EntityCountry, 2},
		{"United States", rinse.EntityCountry, 1},
		{"Soviet Union", rinse.EntityCountry, 1},
		{"Non-Aligned Movement", rinse.EntityOrganization, 11},
	}
	for _, w := range want {
		e, ok := got[w.name]
		if !ok || e.Type != w.typ || e.Mentions != w.mentions {
			t.Errorf("%s: got %+v, want type %s with %d mentions", w.name, e, w.typ, w.mentions)
		}
	}
	for _, bad := range []string{"Korea", "NAM", "MoofLife", "Namibia", "Cold War", "Korean Peninsula"} {
		if e, ok := got[bad]; ok && e.Type != rinse.EntityPlace {
			t.Errorf("unexpected entity %+v", e)
		}
	}
	if len(out.Entities) == 0 || out.Entities[0].Name != "North Korea" {
		t.Errorf("entities not in order of first mention: %s", formatEntities(out.Entities))
	}
}
