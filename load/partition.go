package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rinse-etl/rinse"
)

// partitionKeys are the accepted Hive partition keys and how each reads
// its value from a document. Only keys with few values belong here: a
// directory per value, and so a file per value and run. site is the
// exception kept for compatibility; rows are written sorted by partition,
// so even a site per page holds one file open at a time.
var partitionKeys = map[string]func(*rinse.Document) string{
	"site":     func(d *rinse.Document) string { return d.Site },
	"language": func(d *rinse.Document) string { return d.Language },
	"year": func(d *rinse.Document) string {
		if d.PublishedAt.IsZero() {
			return ""
		}
		return strconv.Itoa(d.PublishedAt.UTC().Year())
	},
}

// PartitionKeys returns the accepted partition keys, sorted.
func PartitionKeys() []string {
	keys := make([]string, 0, len(partitionKeys))
	for k := range partitionKeys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// unknownPartition is the partition value of a document without one (no
// site, language or date). Hive's null directory would do, but
// pandas.read_parquet(dir) cannot read a dataset that has one.
const unknownPartition = "unknown"

// maxPartitionValue keeps directory names well under file-system limits.
const maxPartitionValue = 120

// EscapePartition turns any value into a safe Hive-style directory value:
// bytes outside [A-Za-z0-9.-_] are %XX-escaped, as are a leading '.' or
// '_' (hidden or ignored by readers), so no page content can name a path
// outside the dataset or an invalid file name.
func EscapePartition(v string) string {
	if v == "" {
		return unknownPartition
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		safe := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || (c == '.' || c == '_') && i > 0
		if safe {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
		if b.Len() > maxPartitionValue {
			return b.String()[:maxPartitionValue] + fmt.Sprintf("~%08x", fnv32(v))
		}
	}
	return b.String()
}

// partitionPath is the documents sub-directory for doc, e.g. "year=2024".
func partitionPath(keys []string, doc *rinse.Document) string {
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+EscapePartition(partitionKeys[k](doc)))
	}
	return strings.Join(parts, "/")
}

// ValidatePartitionKeys checks keys against PartitionKeys.
func ValidatePartitionKeys(keys []string) error {
	seen := map[string]bool{}
	for _, k := range keys {
		if _, ok := partitionKeys[k]; !ok {
			return fmt.Errorf("partition key %q: want one of %s (or none)", k, strings.Join(PartitionKeys(), ", "))
		}
		if seen[k] {
			return fmt.Errorf("partition key %q given twice", k)
		}
		seen[k] = true
	}
	return nil
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
