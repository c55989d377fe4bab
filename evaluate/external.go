package evaluate

import (
	"errors"
	"time"
)

// errNoExtraction marks a case that an external run gave no result for.
var errNoExtraction = errors.New("no extraction for this page")

// Score scores extractions made outside this process (another program,
// another language) exactly as Run scores a Func: got[i] is the
// extraction of suite.Cases[i], and took[i], when took is not nil, the
// time the extractor spent on it (summed into Report.Elapsed). A case
// whose page could not be read counts as failed, as in Run; a case with
// no extraction (i past the end of got) is a failure too.
func Score(suite Suite, got []Extracted, took []time.Duration) Report {
	rep := Report{Kind: suite.Kind, Unscored: suite.Unscored, Results: make([]PageResult, 0, len(suite.Cases))}
	for i := range suite.Cases {
		c := &suite.Cases[i]
		var e Extracted
		var d time.Duration
		switch {
		case c.ReadErr != nil:
			e.Err = c.ReadErr
		case i < len(got):
			e = got[i]
		default:
			e.Err = errNoExtraction
		}
		if i < len(took) {
			d = took[i]
		}
		rep.Elapsed += d
		rep.Bytes += int64(len(c.Raw))
		if e.Err != nil {
			rep.Errors++
		}
		rep.Results = append(rep.Results, score(suite.Kind, c, e, d))
	}
	rep.Pages = len(rep.Results)
	rep.aggregate()
	return rep
}
