// Package zstdcodec replaces arrow's zstd codec, process-wide, with one
// whose encoders outlive garbage collections. Import it for its side
// effect, from a main package:
//
//	import _ "github.com/rinse-etl/rinse/load/zstdcodec"
//
// arrow pools its zstd encoders in a sync.Pool, which every GC empties; a
// run collects often, so most column chunks paid for a fresh encoder
// (megabytes of history and tables, allocated and cleared), a tenth of a
// whole run's time. The encoders here are made with the very options arrow
// uses, so the files are byte for byte the same. A library package must
// not change a process-wide registry unasked; this one exists so that a
// program can ask.
package zstdcodec
