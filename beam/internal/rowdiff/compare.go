package rowdiff

import (
	"fmt"
	"slices"
)

// maxPerTable bounds the differences listed for one table: past a few,
// more lines say nothing new.
const maxPerTable = 20

// Compare lists the differences between a and b, table by table: rows
// only one side has, columns that differ, repeated keys, unsorted files.
// None means the same rows.
func Compare(a, b *Dataset) []string {
	var out []string
	for _, p := range [][2]*Table{{a.Documents, b.Documents}, {a.Duplicates, b.Duplicates}, {a.Quarantine, b.Quarantine}} {
		out = append(out, compareTable(p[0], p[1])...)
	}
	return out
}

func compareTable(a, b *Table) []string {
	var out []string
	add := func(format string, v ...any) { out = append(out, fmt.Sprintf(a.Name+": "+format, v...)) }
	for _, t := range []*Table{a, b} {
		for _, k := range t.Repeated {
			add("key %s on more than one row", k)
		}
		for _, f := range t.Unsorted {
			add("file %s is not sorted", f)
		}
	}
	for _, k := range sortedKeys(a.Rows) {
		rb, ok := b.Rows[k]
		if !ok {
			add("%s only in the first (source %s)", k, a.Rows[k]["source"])
			continue
		}
		for _, c := range sortedKeys(a.Rows[k]) {
			if !Ignored[c] && a.Rows[k][c] != rb[c] {
				add("%s column %s: %.120q != %.120q", k, c, a.Rows[k][c], rb[c])
			}
		}
	}
	for _, k := range sortedKeys(b.Rows) {
		if _, ok := a.Rows[k]; !ok {
			add("%s only in the second (source %s)", k, b.Rows[k]["source"])
		}
	}
	if len(out) > maxPerTable {
		out = append(out[:maxPerTable], fmt.Sprintf("%s: … %d differences in all", a.Name, len(out)))
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
