package evaluate

import "strings"

// DateOutcome classifies one page of the dates suite the way htmldate's
// evaluation does, with "a date was extracted" as the positive class.
type DateOutcome uint8

// Date outcomes.
const (
	// DateTN: no label and nothing extracted (correct).
	DateTN DateOutcome = iota
	// DateTP: the extracted day equals the label (correct).
	DateTP
	// DateFP: a date was extracted but it is wrong, or the page has none.
	DateFP
	// DateFN: the page has a date and nothing was extracted.
	DateFN
)

// Correct reports whether the outcome counts towards accuracy.
func (o DateOutcome) Correct() bool { return o == DateTN || o == DateTP }

func (o DateOutcome) String() string {
	return [...]string{"TN", "TP", "FP", "FN"}[o]
}

// CompareDate classifies an extracted date against the label, both as
// YYYY-MM-DD ("" for none). A longer timestamp is cut to its day, since
// the suite scores day precision.
func CompareDate(label, got string) DateOutcome {
	label, got = day(label), day(got)
	switch {
	case got == "" && label == "":
		return DateTN
	case got == "":
		return DateFN
	case got == label:
		return DateTP
	default:
		return DateFP
	}
}

// day keeps the YYYY-MM-DD part of a date string.
func day(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > len("2006-01-02") {
		s = s[:len("2006-01-02")]
	}
	return s
}

// DateScore aggregates the dates suite.
type DateScore struct {
	TP, FP, FN, TN int
	Accuracy       float64
	Precision      float64
	Recall         float64
	F1             float64
}

// ScoreDates aggregates per-page outcomes.
func ScoreDates(pages []DateOutcome) DateScore {
	var s DateScore
	for _, o := range pages {
		switch o {
		case DateTP:
			s.TP++
		case DateFP:
			s.FP++
		case DateFN:
			s.FN++
		default:
			s.TN++
		}
	}
	s.Accuracy, _ = ratio(s.TP+s.TN, len(pages))
	s.Precision, _ = ratio(s.TP, s.TP+s.FP)
	s.Recall, _ = ratio(s.TP, s.TP+s.FN)
	s.F1 = harmonic(s.Precision, s.Recall)
	return s
}
