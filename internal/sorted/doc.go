// Package sorted sorts and looks up fixed-size binary records with memory
// bounded by the caller, whatever the number of records: the building
// block of the dataset's state, which must hold millions of inputs on a
// small machine.
//
// A Sorter buffers records up to a byte budget, sorts the buffer and
// spills it to a file once it is full; Sort merges the spilled runs, at
// most FanIn files at a time (in several passes when there are more), so
// the open files stay bounded too. Records compare as plain bytes: put the
// key first, big-endian.
//
// A Table is a sorted file of records with a checksum, written once
// (Writer) and then scanned in order (Scan) or probed by key prefix (Get)
// through a small in-memory index of every blockRecords-th key and one
// positioned read per probe.
package sorted
