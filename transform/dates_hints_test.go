package transform

import (
	"testing"

	"github.com/rinse-etl/rinse"
)

func TestReadHint(t *testing.T) {
	tests := []struct {
		hint rinse.DateHint
		lang string
		want string // YYYY-MM-DD, "" = not read
	}{
		{rinse.DateHint{Value: "Stand: 03.08.2015", Origin: "text"}, "de", "2015-08-03"},
		{rinse.DateHint{Value: "Stand: 03.08.2015", Origin: "text"}, "", ""},   // ambiguous without a language
		{rinse.DateHint{Value: "Februar 2018 (12)", Origin: "text"}, "de", ""}, // an archive link, no day
		{rinse.DateHint{Value: "01-11-2023 10:29", Origin: "time"}, "de", "2023-11-01"},
		{rinse.DateHint{Value: "2018-02", Origin: "meta"}, "", "2018-02-01"}, // metadata may be coarse
		{rinse.DateHint{Value: "Posted on March 3, 2020 at 5:00 pm", Origin: "text"}, "en", "2020-03-03"},
	}
	for _, tc := range tests {
		got, ok := readHint(tc.hint, tc.lang)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tc.want {
			t.Errorf("readHint(%q, %q) = %q, want %q", tc.hint.Value, tc.lang, s, tc.want)
		}
	}
}
