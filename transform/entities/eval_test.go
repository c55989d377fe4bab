package entities

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/rinse-etl/rinse"
)

// labelledCase is one line of testdata/labelled.jsonl: a short
// text written for these tests and the entities a careful reader finds.
type labelledCase struct {
	Text     string         `json:"text"`
	Entities []rinse.Entity `json:"entities"`
}

func (e *labelledCase) UnmarshalJSON(b []byte) error {
	var raw struct {
		Text     string `json:"text"`
		Entities []struct {
			Name     string `json:"name"`
			Type     string `json:"type"`
			Mentions int32  `json:"mentions"`
		} `json:"entities"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	e.Text = raw.Text
	for _, x := range raw.Entities {
		e.Entities = append(e.Entities, rinse.Entity{Name: x.Name, Type: x.Type, Mentions: x.Mentions})
	}
	return nil
}

func readLabelled(t *testing.T) []labelledCase {
	f, err := os.Open("testdata/labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []labelledCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c labelledCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("line %d: %v", len(cases)+1, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestEntitiesLabelled scores the recognizer on the labelled set. Scores
// are per mention over (name, type) pairs: for each pair the correct
// mentions are min(found, expected); precision divides their sum by all
// mentions found, recall by all mentions expected. A mention found under
// the wrong name or type is both a false positive and a miss.
func TestEntitiesLabelled(t *testing.T) {
	e := testEntities(t)
	var correct, found, expected int32
	for i, c := range readLabelled(t) {
		got := e.Find(c.Text)
		ok, f, x := scoreEntities(got, c.Entities)
		correct, found, expected = correct+ok, found+f, expected+x
		if ok != f || ok != x {
			t.Logf("line %d: got %s\n\twant %s", i+1, formatEntities(got), formatEntities(c.Entities))
		}
	}
	if expected < 100 {
		t.Fatalf("labelled set has %d mentions, want at least 100", expected)
	}
	p := float64(correct) / float64(max(found, 1))
	r := float64(correct) / float64(expected)
	t.Logf("precision %.3f (%d/%d), recall %.3f (%d/%d)", p, correct, found, r, correct, expected)
	if p < 0.95 || r < 0.90 {
		t.Errorf("precision %.3f / recall %.3f below 0.95 / 0.90", p, r)
	}
}

func scoreEntities(got, want []rinse.Entity) (correct, found, expected int32) {
	type key struct{ name, typ string }
	w := map[key]int32{}
	for _, e := range want {
		w[key{e.Name, e.Type}] += e.Mentions
		expected += e.Mentions
	}
	for _, e := range got {
		found += e.Mentions
		correct += min(e.Mentions, w[key{e.Name, e.Type}])
	}
	return correct, found, expected
}
