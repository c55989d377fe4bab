package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"

	"github.com/rinse-etl/rinse"
)

// Formats lists the accepted DatasetOptions.Format values.
var Formats = []string{"parquet", "arrow", "both"}

// DatasetOptions configure a Dataset.
type DatasetOptions struct {
	// Dir is the dataset root (OUTPUT).
	Dir string
	// Format is "parquet" (default), "arrow" or "both".
	Format string
	// PartitionBy lists partition keys (see PartitionKeys); empty writes
	// every file directly under documents/.
	PartitionBy []string
	// RunID names this run's files and manifest; NewRunID makes one.
	RunID string
	File  FileOptions
	// FileBytes rolls to a new file once a file reaches it.
	FileBytes int64
	// BatchRows and BatchBytes bound the rows held in Arrow builders per
	// partition before they go to the file writers.
	BatchRows  int
	BatchBytes int64
	// MaxBuffered bounds the (uncompressed) bytes buffered across all open
	// partitions; past it the largest partition flushes its row group. Together with the pipeline's
	// bounded channels it keeps memory flat on any number of pages.
	MaxBuffered int64
	// Version and ConfigHash go into file metadata and the manifest.
	Version    string
	ConfigHash string
	// Full rebuilds the dataset: every earlier file is replaced by this
	// run's. Otherwise the run is incremental (see Admit).
	Full   bool
	Logger *zap.Logger
}

func (o DatasetOptions) withDefaults() DatasetOptions {
	if o.Format == "" {
		o.Format = "parquet"
	}
	if o.RunID == "" {
		o.RunID = NewRunID(time.Now())
	}
	if o.FileBytes <= 0 {
		o.FileBytes = 256 << 20
	}
	if o.File.RowGroupBytes <= 0 {
		o.File.RowGroupBytes = 64 << 20
	}
	if o.BatchRows <= 0 {
		o.BatchRows = 512
	}
	if o.BatchBytes <= 0 {
		o.BatchBytes = 4 << 20
	}
	if o.MaxBuffered <= 0 {
		o.MaxBuffered = 48 << 20
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	return o
}

// Dataset is the pipeline's sink: it writes documents into partitioned
// Parquet and/or Arrow files and quarantined pages into quarantine/, all
// under a staging directory, and publishes them atomically on Commit.
type Dataset struct {
	opts    DatasetOptions
	mem     memory.Allocator
	staging string
	lock    *os.File
	parts   map[string]*partition
	order   []string // partition paths in first-seen order
	quar    *quarantine
	files   []FileInfo
	started time.Time
	state   *State // what earlier runs left (empty when Full)
	states  *stateWriter
	// superseded marks the old entries this run processed again; drop
	// lists, per old data file, the sources whose rows must leave it.
	superseded map[string]bool
	drop       map[string]map[string]bool
}

// OpenDataset prepares opts.Dir for a run: it takes the dataset lock,
// finishes or removes what crashed runs left behind, and creates this
// run's staging directory.
func OpenDataset(opts DatasetOptions) (*Dataset, error) {
	opts = opts.withDefaults()
	if !slices.Contains(Formats, opts.Format) {
		return nil, fmt.Errorf("format %q: want parquet, arrow or both", opts.Format)
	}
	if err := ValidatePartitionKeys(opts.PartitionBy); err != nil {
		return nil, err
	}
	if _, err := parquetCodec(opts.File.Compression); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output: %w", err)
	}
	lock, err := lockDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	if err := Recover(opts.Dir, opts.Logger); err != nil {
		unlockDir(lock)
		return nil, err
	}
	staging := filepath.Join(opts.Dir, stagingDir, opts.RunID)
	if err := os.MkdirAll(staging, 0o755); err != nil {
		unlockDir(lock)
		return nil, fmt.Errorf("creating staging directory: %w", err)
	}
	state := &State{entries: map[string]entry{}}
	if !opts.Full {
		if state, err = readState(opts.Dir); err != nil {
			unlockDir(lock)
			return nil, err
		}
	}
	return &Dataset{
		opts: opts, mem: memory.NewGoAllocator(), staging: staging, lock: lock,
		parts: map[string]*partition{}, started: time.Now(), state: state,
		superseded: map[string]bool{}, drop: map[string]map[string]bool{},
	}, nil
}

// Admit returns the incremental filter for this run's pages: it stamps
// digests and, unless the run is Full, turns away unchanged inputs.
func (d *Dataset) Admit() *Admit { return &Admit{state: d.state, config: d.opts.ConfigHash} }

// Seen returns the content hashes of rows kept from earlier runs, for
// exact dedup across runs.
func (d *Dataset) Seen() map[string]string { return d.state.Seen() }

// RunID is the id of the run this dataset is writing.
func (d *Dataset) RunID() string { return d.opts.RunID }

// WriteDocument buffers doc in its partition, flushing as sizes require.
func (d *Dataset) WriteDocument(doc *rinse.Document) error {
	key := partitionPath(d.opts.PartitionBy, doc)
	p, ok := d.parts[key]
	if !ok {
		p = &partition{path: key, b: newDocBuilder(d.mem), ds: d}
		d.parts[key] = p
		d.order = append(d.order, key)
		if err := d.prepare(p); err != nil {
			return err
		}
	}
	p.b.append(doc)
	p.pending = append(p.pending, Entry{
		Source: doc.Source, Digest: doc.InputDigest, Config: d.opts.ConfigHash,
		Outcome: "document", ID: doc.ID, ContentHash: doc.ContentHash,
		ETag: doc.InputETag, LastModified: doc.InputLastModified,
	})
	if p.b.rows >= d.opts.BatchRows || p.b.bytes >= d.opts.BatchBytes {
		if err := p.flushBatch(); err != nil {
			return err
		}
		return d.bound()
	}
	return nil
}

// prepare creates a new partition's directory and files, and this run's
// state file, when its first row arrives rather than when its first batch
// is flushed: a small run flushes only at Commit, and the sink runs
// beside the extract worker while Commit keeps the run waiting.
func (d *Dataset) prepare(p *partition) error {
	if d.states == nil {
		w, err := newStateWriter(d.staging, d.opts.RunID)
		if err != nil {
			return fmt.Errorf("starting state file: %w", err)
		}
		d.states = w
	}
	return p.open()
}

// bound flushes the partitions holding the most memory until the total
// buffered is under MaxBuffered.
func (d *Dataset) bound() error {
	for range len(d.parts) {
		var total int64
		var big *partition
		for _, p := range d.parts {
			n := p.buffered()
			total += n
			if big == nil || n > big.buffered() {
				big = p
			}
		}
		if total <= d.opts.MaxBuffered || big == nil || big.buffered() == 0 {
			return nil
		}
		if err := big.flushAll(); err != nil {
			return err
		}
	}
	return nil
}

// WriteQuarantine records a failed or rejected page.
func (d *Dataset) WriteQuarantine(q *rinse.Quarantined) error {
	if d.quar == nil {
		d.quar = &quarantine{ds: d}
	}
	if q.InputDigest != "" {
		if err := d.record(Entry{Source: q.Source, Digest: q.InputDigest, Config: d.opts.ConfigHash, Outcome: "quarantined"}); err != nil {
			return err
		}
	}
	return d.quar.add(q)
}

// fileName is the name of the n-th file of this run in a partition.
func (d *Dataset) fileName(n int, ext string) string {
	return "part-" + d.opts.RunID + "-" + fmt.Sprintf("%05d", n) + ext
}

func (d *Dataset) metadata() map[string]string {
	return map[string]string{
		"rinse.schema_version": strconv.Itoa(SchemaVersion),
		"rinse.version":        d.opts.Version,
		"rinse.run_id":         d.opts.RunID,
	}
}

// closeAll flushes and closes every open file, recording what was written.
func (d *Dataset) closeAll() error {
	var errs []error
	for _, key := range d.order {
		errs = append(errs, d.parts[key].close())
	}
	if d.quar != nil {
		errs = append(errs, d.quar.close())
	}
	return errors.Join(errs...)
}

// Record remembers an input that ended without a row (a duplicate), so an
// incremental rerun does not process it again.
func (d *Dataset) Record(source, digest, outcome string) {
	// A failure to record only costs reprocessing the input next time.
	_ = d.record(Entry{Source: source, Digest: digest, Config: d.opts.ConfigHash, Outcome: outcome})
}

// record streams one input's new entry into this run's state file and
// notes what it supersedes: an earlier row of the same input must leave
// the file that holds it.
func (d *Dataset) record(e Entry) error {
	if d.states == nil {
		w, err := newStateWriter(d.staging, d.opts.RunID)
		if err != nil {
			return fmt.Errorf("starting state file: %w", err)
		}
		d.states = w
	}
	if old, ok := d.state.entries[e.Source]; ok && !d.superseded[e.Source] {
		d.superseded[e.Source] = true
		if old.file != "" {
			if d.drop[old.file] == nil {
				d.drop[old.file] = map[string]bool{}
			}
			d.drop[old.file][e.Source] = true
		}
	}
	if err := d.states.write(e); err != nil {
		return fmt.Errorf("writing state: %w", err)
	}
	return nil
}
