package dates

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// dateLabel is one line of testdata/labels.jsonl: a sentence, the
// page language, the publication date ("" when unknown) and the dates a
// reader finds in it (none for the negatives).
type dateLabel struct {
	Lang  string `json:"lang"`
	Ref   string `json:"ref"`
	Text  string `json:"text"`
	Dates []struct {
		Text      string `json:"text"`
		Date      string `json:"date"`
		Precision string `json:"precision"`
	} `json:"dates"`
}

// TestDateLabels scores Find on the labelled set. A found date counts
// as correct when its text, day and precision all match a label.
func TestDateLabels(t *testing.T) {
	f, err := os.Open("testdata/labels.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var found, labelled, correct int
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		var l dateLabel
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
		var ref time.Time
		if l.Ref != "" {
			if ref, err = time.Parse("2006-01-02", l.Ref); err != nil {
				t.Fatalf("line %d: %v", line, err)
			}
		}
		want := map[string]bool{}
		for _, d := range l.Dates {
			want[d.Text+"|"+d.Date+"|"+d.Precision] = true
		}
		got := dateStrings(Find(l.Text, l.Lang, ref))
		for _, g := range got {
			if want[g] {
				correct++
				delete(want, g)
			} else {
				t.Logf("line %d: extra %q in %q", line, g, l.Text)
			}
		}
		for w := range want {
			t.Logf("line %d: missed %q in %q", line, w, l.Text)
		}
		found += len(got)
		labelled += len(l.Dates)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if labelled < 150 {
		t.Fatalf("only %d labelled dates, want at least 150", labelled)
	}
	p := float64(correct) / float64(max(found, 1))
	r := float64(correct) / float64(labelled)
	t.Logf("date labels: precision %.3f (%d/%d), recall %.3f (%d/%d)", p, correct, found, r, correct, labelled)
	if p < 0.95 || r < 0.90 {
		t.Errorf("precision %.3f, recall %.3f; want at least 0.95 and 0.90", p, r)
	}
}
