package load

import (
	"github.com/rinse-etl/rinse/load/table"

	"fmt"
	"slices"
	"strings"
	"time"

	"go.uber.org/zap"
)

// Formats returns the accepted DatasetOptions.Format values.
func Formats() []string { return []string{"parquet", "arrow", "both"} }

// DedupModes returns the accepted DatasetOptions.Dedup values: "exact"
// writes exact duplicates (same text up to case and spacing) once and
// counts the rest; "near" also marks near-duplicates with duplicate_of;
// "none" keeps every row.
func DedupModes() []string { return []string{"exact", "near", "none"} }

// DatasetOptions configure a Dataset.
type DatasetOptions struct {
	// Dir is the dataset root (OUTPUT); with Remote, the local directory
	// that holds the run's staging and a mirror of the state.
	Dir string
	// Remote, when set, is the object-store bucket URL (s3://bucket/path,
	// gs://…, azblob://…) the dataset's files live in (see OpenBucket).
	Remote string
	// Format is "parquet" (default), "arrow" or "both".
	Format string
	// PartitionBy lists Hive partition keys (see PartitionKeys); empty,
	// the default, writes flat files whose rows are sorted by site.
	PartitionBy []string
	// RunID names this run's files and manifest; NewRunID makes one.
	RunID string
	File  table.FileOptions
	// FileBytes rolls to a new file once a file reaches it.
	FileBytes int64
	// SortBytes is the memory for holding rows back to sort them; more
	// spills to staging files, merged at commit.
	SortBytes int64
	// Version and ConfigHash go into file metadata, the manifest and the
	// state: an input processed with another ConfigHash is processed again.
	Version    string
	ConfigHash string
	// Dedup is "near" (default), "exact" or "none"; see DedupModes.
	Dedup string
	// NearThreshold is the estimated Jaccard similarity at which a
	// document is marked as a near-duplicate. Default 0.8.
	NearThreshold float64
	// Full rebuilds the dataset: every input is processed again, and once
	// the rebuild completes, rows of inputs it did not see are removed.
	Full bool
	// Prune removes the rows of inputs this run did not see (when it
	// completes); by default they are kept.
	Prune bool
	// Shard, when set (ShardLabel), makes this writer one shard of a
	// sharded job: it commits into the dataset beside the other shards,
	// each with its own state, without a lock between them. Job names the
	// job in the manifest (rinse stats groups shards by it).
	Shard, Job string
	Logger     *zap.Logger
	// Now is the clock for manifests; tests fix it.
	Now func() time.Time
	// failAfterLinks, when positive, makes publishing stop (as if the
	// process died) after that many file links: for crash tests.
	failAfterLinks int
}

// Defaults of DatasetOptions; the configuration's are these.
const (
	DefaultFormat        = "parquet"
	DefaultFileBytes     = 256 << 20
	DefaultRowGroupBytes = 32 << 20
	DefaultCompression   = "zstd"
	DefaultDedup         = "near"
	// DefaultNearThreshold is the estimated Jaccard similarity from which
	// a document is a near-duplicate, when NearThreshold is not set.
	DefaultNearThreshold = 0.8
	defaultSortBytes     = 32 << 20
)

func (o DatasetOptions) withDefaults() DatasetOptions {
	if o.Format == "" {
		o.Format = DefaultFormat
	}
	o.Format = strings.ToLower(o.Format)
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.RunID == "" {
		o.RunID = NewRunID(o.Now())
	}
	if o.FileBytes <= 0 {
		o.FileBytes = DefaultFileBytes
	}
	if o.File.RowGroupBytes <= 0 {
		o.File.RowGroupBytes = DefaultRowGroupBytes
	}
	if o.SortBytes <= 0 {
		o.SortBytes = defaultSortBytes
	}
	if o.Dedup == "" {
		o.Dedup = DefaultDedup
	}
	if o.NearThreshold <= 0 {
		o.NearThreshold = DefaultNearThreshold
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	return o
}

func (o DatasetOptions) validate() error {
	if !slices.Contains(Formats(), o.Format) {
		return fmt.Errorf("format %q: want one of %s", o.Format, strings.Join(Formats(), ", "))
	}
	if !slices.Contains(DedupModes(), o.Dedup) {
		return fmt.Errorf("dedup %q: want one of %s", o.Dedup, strings.Join(DedupModes(), ", "))
	}
	if err := ValidatePartitionKeys(o.PartitionBy); err != nil {
		return err
	}
	return table.CheckCompression(o.File.Compression)
}
