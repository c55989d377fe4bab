package rinse

import "time"

// Summary counts what a run did with its inputs. Every input ends up in
// exactly one of Documents, Quarantined, Duplicates or Skipped, so
// Inputs == Documents + Quarantined + Duplicates + Skipped + Filtered +
// Unchanged.
type Summary struct {
	Inputs      int64 `json:"inputs"`
	Documents   int64 `json:"documents"`
	Quarantined int64 `json:"quarantined"`
	Rejected    int64 `json:"rejected"` // the part of Quarantined that are rejections
	Duplicates  int64 `json:"duplicates"`
	Skipped     int64 `json:"skipped"`
	Filtered    int64 `json:"filtered"`
	// Unchanged counts inputs an incremental run found already in the
	// dataset with the same content and configuration.
	Unchanged int64 `json:"unchanged"`
	// Promoted counts rows of exact duplicates that took the place of a
	// row that changed or left: they are not inputs of this run.
	Promoted int64 `json:"promoted,omitempty"`
	// Reasons counts quarantined pages per reason.
	Reasons map[string]int64 `json:"reasons,omitempty"`
	// SkipReasons counts skipped inputs per reason (symlink, not-regular,
	// warc-request…): a skip leaves no row, so this is where a user sees
	// why an input was passed over.
	SkipReasons map[string]int64 `json:"skip_reasons,omitempty"`
	// Bytes is the raw input bytes read.
	Bytes    int64         `json:"bytes_read"`
	Started  time.Time     `json:"started_at"`
	Finished time.Time     `json:"finished_at"`
	Elapsed  time.Duration `json:"-"`
	// Interrupted is set when the run was cancelled before the source ended.
	Interrupted bool `json:"interrupted"`
	// Stages holds per-stage counts and busy time.
	Stages []StageStats `json:"stages,omitempty"`
}

// Balanced reports whether every input is accounted for.
func (s Summary) Balanced() bool {
	return s.Inputs == s.Documents+s.Quarantined+s.Duplicates+s.Skipped+s.Filtered+s.Unchanged
}

// StageStats describes one stage after a run: how many pages it processed,
// how many failed there, and the time its workers were busy. Busy divided
// by Workers and the run's elapsed time tells which stage bounds a run.
type StageStats struct {
	Name     string        `json:"name"`
	Workers  int           `json:"workers"`
	Pages    int64         `json:"pages"`
	Failures int64         `json:"failures"`
	Busy     time.Duration `json:"busy_ns"`
}
