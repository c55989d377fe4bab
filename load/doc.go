// Package load writes rinse's datasets: the pipeline's sink (Dataset),
// its incremental filter (Admit), its state and its commit.
//
// A Dataset is owned by one goroutine, the pipeline's sink. It holds the
// run's rows back in bounded, sorted spills and, when the run commits,
// resolves duplicates against the run and every earlier one, writes the
// documents sorted by partition, site and URL into files rolled by size,
// rewrites the earlier files whose rows were superseded, merges the state
// tables, and publishes the result atomically: readers see the previous
// version whole or the new one whole. Memory and open files stay bounded
// whatever the number of inputs, sites or partitions.
//
// The schema and file formats are in load/table; docs/schema.md states the
// layout and the exactly-once rules this package keeps.
package load
