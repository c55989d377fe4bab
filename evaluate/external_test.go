package evaluate

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// Scoring extractions made elsewhere gives the report Run gives for the
// same extractions, down to every page's counts.
func TestScoreMatchesRun(t *testing.T) {
	for _, k := range Kinds {
		t.Run(string(k), func(t *testing.T) {
			suite := mustLoad(t, k)
			fn := fakeExtractor(fakeAnswers[k])
			want := Run(context.Background(), suite, fn)
			got := make([]Extracted, len(suite.Cases))
			took := make([]time.Duration, len(suite.Cases))
			for i, c := range suite.Cases {
				got[i], took[i] = fn(context.Background(), c.URL, c.Raw), time.Millisecond
			}
			rep := Score(suite, got, took)
			if rep.Elapsed != time.Duration(len(suite.Cases))*time.Millisecond {
				t.Errorf("elapsed %v", rep.Elapsed)
			}
			rep.Elapsed, want.Elapsed = 0, 0
			for i := range rep.Results {
				rep.Results[i].Elapsed, want.Results[i].Elapsed = 0, 0
			}
			if !reflect.DeepEqual(rep, want) {
				t.Errorf("Score differs from Run:\n got %+v\nwant %+v", rep, want)
			}
		})
	}
}

// A page the external run left out, or whose bytes could not be read,
// is a failure.
func TestScoreMissingAndUnreadable(t *testing.T) {
	suite := mustLoad(t, Zyte)
	rep := Score(suite, nil, nil)
	if rep.Errors != len(suite.Cases) || rep.Zyte.Recall != 0 || rep.Elapsed != 0 {
		t.Errorf("no rows: errors %d recall %v elapsed %v", rep.Errors, rep.Zyte.Recall, rep.Elapsed)
	}
	suite.Cases[0].ReadErr = errNoExtraction
	got := []Extracted{{Text: suite.Cases[0].Text}, {Text: suite.Cases[1].Text}}
	rep = Score(suite, got, nil)
	if rep.Errors != 1 || rep.Results[0].Got.Err == nil || rep.Results[1].Score != 1 {
		t.Errorf("unreadable page: errors %d results %+v", rep.Errors, rep.Results)
	}
}
