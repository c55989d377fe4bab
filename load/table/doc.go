// Package table is the shape of rinse's tables and how rows get in and
// out of files: the documents and quarantine schemas with their column
// documentation, Document to Arrow rows and back, and the Parquet and Arrow
// IPC writers (row groups and files closed by size) and readers. It knows
// nothing of runs, state or publishing; package load does.
package table
