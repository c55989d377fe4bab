package dates

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

func TestHeadOf(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abcdef", 3, "abc"},
		{"aé", 2, "a"}, // é is two bytes: not split
		{"日本", 4, "日"},
		{"日本", 0, ""},
	}
	for _, tc := range tests {
		if got := headOf(tc.s, tc.n); got != tc.want {
			t.Errorf("headOf(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

// TestDatesBudgetIsInBytes: which dates a long page gives depends on its
// text, never on how long the search took.
func TestDatesBudgetIsInBytes(t *testing.T) {
	filler := strings.Repeat("The council met again and talked about the ferry. ", 200) // 10 KB
	text := "It opened on 3 March 2021. " + filler + "It closed on 9 June 2022."
	x := New(Options{MaxTextBytes: len(filler)})
	d, err := x.Process(context.Background(), &rinse.Document{Text: text, Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, dt := range d.Dates {
		got = append(got, dt.Text)
	}
	if len(got) != 1 || got[0] != "3 March 2021" {
		t.Errorf("dates %q, want only the one inside the budget", got)
	}
}

// TestDatesReadBritishEnglishDayFirst: 02/10/2020 is 2 October on a page
// from Britain and 10 February on one from the US.
func TestDatesReadBritishEnglishDayFirst(t *testing.T) {
	tests := []struct{ region, want string }{
		{"GB", "2020-10-02"},
		{"AU", "2020-10-02"},
		{"US", "2020-02-10"},
		{"", "2020-02-10"},
	}
	x := New(Options{})
	for _, tc := range tests {
		in := &rinse.Document{Language: "en", Region: tc.region, DateHints: []rinse.DateHint{{Value: "Published 02/10/2020", Field: "published", Origin: "text"}}}
		d, err := x.Process(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.PublishedAt.Format("2006-01-02"); got != tc.want {
			t.Errorf("region %q: published %s, want %s", tc.region, got, tc.want)
		}
	}
}

// TestLocalMidnightOnlyInCentralEurope: 23:00 UTC sharp is a stored
// midnight on a German page, an evening post on an American one.
func TestLocalMidnightOnlyInCentralEurope(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	hints := []rinse.DateHint{pubHint("2022-11-06T23:00:00Z", "meta")}
	for lang, want := range map[string]string{"de": "2022-11-07", "en": "2022-11-06", "": "2022-11-06"} {
		if got := hintDate(hints, "published", lang, now).Format("2006-01-02"); got != want {
			t.Errorf("lang %q: %s, want %s", lang, got, want)
		}
	}
}
