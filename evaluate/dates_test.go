package evaluate

import "testing"

func TestCompareDate(t *testing.T) {
	tests := []struct {
		name       string
		label, got string
		want       DateOutcome
	}{
		{"same day", "2020-09-21", "2020-09-21", DateTP},
		{"timestamp cut to the day", "2020-09-21", "2020-09-21T23:59:00+03:00", DateTP},
		{"off by one day", "2020-09-21", "2020-09-22", DateFP},
		{"same month is not enough", "2020-09-21", "2020-09", DateFP},
		{"nothing extracted", "2020-09-21", "", DateFN},
		{"null label, nothing extracted", "", "", DateTN},
		{"null label, something extracted", "", "2019-01-01", DateFP},
		{"spaces trimmed", " 2020-09-21", "2020-09-21 ", DateTP},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CompareDate(tt.label, tt.got); got != tt.want {
				t.Errorf("CompareDate(%q, %q) = %v, want %v", tt.label, tt.got, got, tt.want)
			}
		})
	}
}

func TestScoreDates(t *testing.T) {
	s := ScoreDates([]DateOutcome{DateTP, DateTP, DateTP, DateFP, DateFN, DateTN})
	want := DateScore{TP: 3, FP: 1, FN: 1, TN: 1, Accuracy: 4.0 / 6, Precision: 0.75, Recall: 0.75, F1: 0.75}
	if s.TP != want.TP || s.FP != want.FP || s.FN != want.FN || s.TN != want.TN ||
		!near(s.Accuracy, want.Accuracy) || !near(s.Precision, want.Precision) ||
		!near(s.Recall, want.Recall) || !near(s.F1, want.F1) {
		t.Errorf("ScoreDates = %+v, want %+v", s, want)
	}
	if z := ScoreDates(nil); z != (DateScore{}) {
		t.Errorf("no pages: %+v", z)
	}
}
