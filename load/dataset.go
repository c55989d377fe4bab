package load

import (
	"context"
	"github.com/rinse-etl/rinse/internal/durable"

	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"go.uber.org/zap"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/minhash"
	"github.com/rinse-etl/rinse/internal/sorted"
)

// Dataset is the pipeline's sink. Rows arrive in input order and are held
// back, sorted, until the run commits: documents are then written sorted
// by partition, site and URL into files rolled by size; duplicates are
// resolved against this run and every earlier one; and the run's files,
// state and manifest are published at once (see Commit). It is owned by
// one goroutine, the pipeline's sink.
type Dataset struct {
	opts    DatasetOptions
	sp      space
	store   store
	mem     memory.Allocator
	staging string
	scratch string
	lock    *os.File
	state   *State
	runIdx  uint32
	gen     uint32
	started time.Time
	// layoutChanged says the last run wrote another format or partition
	// keys (prevFormat): the commit moves every row to the new layout.
	layoutChanged bool
	prevFormat    string

	seq    uint32 // rows (documents and quarantined pages) so far
	sigs   *sigWriter
	rows   *sorted.KVSorter // documents, by output order
	quar   *sorted.KVSorter // quarantined pages, by source
	inputs *sorted.Sorter   // one record per input that reached the sink
	hashes *sorted.Sorter   // content hash of each document, for exact dedup
	enc    encoder
}

// Staging and scratch names under the dataset root.
const (
	stagingDir = "_staging"
	scratchDir = "_scratch"
)

// Record sizes of the sorters fed while a run goes.
const (
	inputSize = 16 + 4 + 1  // key, seq, kind
	hashSize  = 16 + 4 + 16 // content hash, seq, key
)

// Kinds of input records.
const (
	inputRow   byte = 1 // a document or quarantined page: supersedes the old entry
	inputTouch byte = 2 // unchanged: keeps the old entry, seen by this run
	inputGone  byte = 3 // filtered or dropped: supersedes the old entry, no row
)

// touchSeq orders touches after rows of the same input.
const touchSeq = ^uint32(0)

// OpenDataset prepares opts.Dir for a run: it takes the dataset lock,
// finishes or removes what crashed runs left behind, reads the committed
// state (rebuilding it from the committed files when it is missing) and
// creates this run's staging directory.
func OpenDataset(opts DatasetOptions) (*Dataset, error) {
	opts = opts.withDefaults()
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating output: %w", err)
	}
	sp := space{dir: opts.Dir, label: opts.Shard}
	lock, err := durable.Lock(sp.lockPath())
	if err != nil {
		return nil, err
	}
	d := &Dataset{opts: opts, sp: sp, store: localStore{opts.Dir}, mem: memory.NewGoAllocator(), lock: lock, started: opts.Now()}
	if opts.Remote != "" {
		bs, err := newBucketStore(context.Background(), opts.Remote, opts.Dir)
		if err != nil {
			durable.Unlock(lock)
			return nil, err
		}
		d.store = bs
	}
	if err := d.open(); err != nil {
		if d.state != nil {
			d.state.Close()
		}
		d.removeStaging()
		durable.Unlock(lock)
		return nil, err
	}
	return d, nil
}

func (d *Dataset) open() error {
	if err := d.store.recover(d.sp, d.opts.Logger); err != nil {
		return err
	}
	d.staging = d.sp.staging(d.opts.RunID)
	d.scratch = filepath.Join(d.staging, scratchDir)
	if err := os.MkdirAll(d.scratch, 0o755); err != nil {
		return fmt.Errorf("creating staging directory: %w", err)
	}
	if err := d.loadState(); err != nil {
		return err
	}
	meta := d.state.meta
	d.runIdx = meta.RunIndex + 1
	d.gen = max(meta.Generation, 1)
	if d.opts.Full && !meta.FullPending {
		d.gen++ // a new rebuild; a pending one is continued
	}
	var err error
	if d.sigs, err = newSigWriter(d.staging, d.sp.stateRel(), d.runIdx); err != nil {
		return fmt.Errorf("starting signatures: %w", err)
	}
	mem := int(d.opts.SortBytes)
	d.rows = sorted.NewKVSorter(d.scratch, "rows", mem)
	d.quar = sorted.NewKVSorter(d.scratch, "quarantine", mem/8)
	d.inputs = sorted.NewSorter(d.scratch, "inputs", inputSize, mem/8)
	d.hashes = sorted.NewSorter(d.scratch, "hashes", hashSize, mem/8)
	return nil
}

// loadState reads the state of the last committed run; when it is missing
// or damaged it is rebuilt from the files readers see, so a lost state
// never duplicates rows (every input is then processed again).
func (d *Dataset) loadState() error {
	last, err := lastCommitted(d.sp)
	if err != nil {
		return err
	}
	if last == "" {
		d.state = emptyState()
		return nil
	}
	if err := d.compareLayout(last); err != nil {
		return err
	}
	st, err := openState(filepath.Join(d.opts.Dir, d.sp.stateRel(), last), last)
	if err == nil {
		d.state = st
		return nil
	}
	if !errors.Is(err, errNoState) {
		return err
	}
	d.opts.Logger.Warn("the dataset's state is missing or damaged; rebuilding it from the committed files (every input will be processed again)",
		zap.String("run", last), zap.Error(err))
	return d.rebuildState(last)
}

// compareLayout notes whether the last run wrote another layout.
func (d *Dataset) compareLayout(last string) error {
	m, err := readManifest(d.opts.Dir, last)
	if err != nil {
		return err
	}
	d.prevFormat = m.Format
	d.layoutChanged = m.Format != d.opts.Format || !slices.Equal(m.PartitionBy, d.opts.PartitionBy) &&
		!(len(m.PartitionBy) == 0 && len(d.opts.PartitionBy) == 0)
	return nil
}

// RunID is the id of the run this dataset is writing.
func (d *Dataset) RunID() string { return d.opts.RunID }

// Admit returns the incremental filter for this run's pages.
func (d *Dataset) Admit() *Admit {
	return &Admit{state: d.state, config: configKey(d.opts.ConfigHash), gen: d.gen}
}

// WriteDocument holds one document back for the commit.
func (d *Dataset) WriteDocument(doc *rinse.Document) error {
	key := rinse.SourceKey(doc.Source)
	seq, err := d.nextRow(key)
	if err != nil {
		return err
	}
	var sig *minhash.Signature
	if d.opts.Dedup == "near" {
		if s, ok := minhash.Compute(doc.Text); ok {
			sig = &s
		}
	}
	if err := d.sigs.write(key, sig); err != nil {
		return fmt.Errorf("writing signature: %w", err)
	}
	if d.opts.Dedup != "none" {
		var rec [hashSize]byte
		if h, ok := key16(doc.ContentHash); ok {
			copy(rec[:16], h[:])
		} else {
			h := rinse.SourceKey("content:" + doc.ContentHash)
			copy(rec[:16], h[:])
		}
		binary.BigEndian.PutUint32(rec[16:], seq)
		copy(rec[20:], key[:])
		if err := d.hashes.Add(rec[:]); err != nil {
			return err
		}
	}
	d.enc.b = append(d.enc.b[:0], rowDocument)
	d.enc.uint(uint64(seq))
	encodeDocument(&d.enc, doc)
	return d.rows.Add(d.sortKey(doc), d.enc.b)
}

// Row tags in the rows sorter. A document of this run carries its row
// sequence number; a row of an earlier run rejoining the commit carries
// its entry.
const (
	rowDocument  byte = 1
	rowPromoted  byte = 2 // a duplicate of an earlier run taking over its group
	rowRelocated byte = 3 // a row moving to the dataset's new layout
)

// addRejoined holds back a row of an earlier run, with its entry.
func (d *Dataset) addRejoined(tag byte, e *entry, doc *rinse.Document) error {
	var rec [entrySize]byte
	e.encode(rec[:])
	d.enc.b = append(append(d.enc.b[:0], tag), rec[:]...)
	encodeDocument(&d.enc, doc)
	return d.rows.Add(d.sortKey(doc), d.enc.b)
}

// sortKey orders rows in the output: partition, then site, then URL (and
// source, so equal URLs stay in a stable order). Files and row groups
// then cover narrow ranges of sites, which readers skip by statistics.
func (d *Dataset) sortKey(doc *rinse.Document) []byte {
	var k []byte
	if len(d.opts.PartitionBy) > 0 {
		k = append(append(k, partitionPath(d.opts.PartitionBy, doc)...), 0)
	}
	k = append(append(k, doc.Site...), 0)
	k = append(append(k, doc.URL...), 0)
	return append(k, doc.Source...)
}

// nextRow numbers a row and records its input.
func (d *Dataset) nextRow(key [16]byte) (uint32, error) {
	if d.seq == touchSeq {
		return 0, errors.New("load: too many rows in one run")
	}
	seq := d.seq
	d.seq++
	return seq, d.addInput(key, seq, inputRow)
}

func (d *Dataset) addInput(key [16]byte, seq uint32, kind byte) error {
	var rec [inputSize]byte
	copy(rec[:16], key[:])
	binary.BigEndian.PutUint32(rec[16:], seq)
	rec[20] = kind
	return d.inputs.Add(rec[:])
}

// WriteQuarantine holds one quarantined page back for the commit.
func (d *Dataset) WriteQuarantine(q *rinse.Quarantined) error {
	key := rinse.SourceKey(q.Source)
	seq, err := d.nextRow(key)
	if err != nil {
		return err
	}
	if err := d.sigs.write(key, nil); err != nil {
		return fmt.Errorf("writing signature: %w", err)
	}
	d.enc.b = binary.AppendUvarint(d.enc.b[:0], uint64(seq))
	encodeQuarantined(&d.enc, q)
	return d.quar.Add([]byte(q.Source), d.enc.b)
}

// Record hears of inputs that end without a row: "unchanged" ones keep
// their entry (and count as seen, for Prune), "filtered" and "duplicate"
// ones lose any row an earlier run gave them.
func (d *Dataset) Record(source, _ string, outcome string) error {
	key := rinse.SourceKey(source)
	switch outcome {
	case "unchanged":
		if !d.opts.Prune && !d.opts.Full {
			return nil // nothing needs to know it was seen
		}
		return d.addInput(key, touchSeq, inputTouch)
	default:
		return d.addInput(key, touchSeq-1, inputGone)
	}
}

// Abort drops everything this run wrote.
func (d *Dataset) Abort() error {
	defer durable.Unlock(d.lock)
	defer d.store.done()
	d.closeSorters()
	d.state.Close()
	d.removeStaging()
	return nil
}

func (d *Dataset) closeSorters() {
	if d.sigs != nil {
		_, _ = d.sigs.close()
		d.sigs = nil
	}
}

func (d *Dataset) removeStaging() {
	if d.staging != "" {
		_ = os.RemoveAll(d.staging)
		_ = os.Remove(d.sp.stagingRoot()) // when no other run is there
		_ = os.Remove(filepath.Join(d.opts.Dir, stagingDir))
	}
}

// NewRunID returns a run id that sorts by start time and is unique even
// for runs started in the same second.
func NewRunID(t time.Time) string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return t.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}
