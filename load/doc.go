// Package load writes documents and quarantined pages as Parquet and Arrow
// IPC datasets. A writer is owned by a single goroutine (the pipeline's
// sink); it is not safe for concurrent use. Files are written under names
// that readers ignore and become visible only when the run commits.
package load
