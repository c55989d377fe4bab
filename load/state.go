package load

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rinse-etl/rinse/internal/sorted"
)

// stateDir holds the incremental state of the dataset: a directory per
// committed run (the newest is current) and the signature segments:
//
//	_state/<run>/meta.json        run index, rebuild generation, file table
//	_state/<run>/entries.tbl      one entry per input, by source key
//	_state/<run>/hashes.tbl       content hash → the row holding it and its duplicates
//	_state/<run>/bands.tbl        near-duplicate band key → the first row that has it
//	_state/<run>/validators.tbl   HTTP validators of fetched pages
//	_state/sig/<index>.sig        id and signature of each row of run <index>
//
// Tables are sorted files (package sorted): a run reads them in order at
// commit and merges them with its own, so memory stays flat however many
// inputs the dataset holds.
const stateDir = "_state"

const stateFormat = 1

// stateMeta is _state/<run>/meta.json.
type stateMeta struct {
	Format   int    `json:"format"`
	Run      string `json:"run"`
	RunIndex uint32 `json:"run_index"`
	// Generation rises with each --full; entries of an older generation
	// are processed again. FullPending is set while a rebuild is unfinished.
	Generation  uint32 `json:"generation"`
	FullPending bool   `json:"full_pending,omitempty"`
	// Files maps file numbers to the data files (path without extension)
	// that entries point at.
	Files    map[uint32]string `json:"files"`
	NextFile uint32            `json:"next_file"`
}

// State is the committed state a run starts from. It is read-only: the
// admit stage reads it from a worker while the sink writes the new one.
type State struct {
	dir        string
	meta       stateMeta
	entries    *sorted.Table
	hashes     *sorted.Table
	bands      *sorted.Table
	validators *sorted.Table
}

const (
	entriesTable    = "entries.tbl"
	hashesTable     = "hashes.tbl"
	bandsTable      = "bands.tbl"
	validatorsTable = "validators.tbl"
	metaFile        = "meta.json"
)

// emptyState is the state of a dataset with no committed run.
func emptyState() *State {
	return &State{meta: stateMeta{Format: stateFormat, Files: map[uint32]string{}}}
}

// errNoState says the state of the last committed run is missing or
// unreadable; the dataset rebuilds it from the committed files.
var errNoState = errors.New("state missing")

// openState opens the state of run in sdir (_state/<run>).
func openState(sdir, run string) (*State, error) {
	b, err := os.ReadFile(filepath.Join(sdir, metaFile))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errNoState, err)
	}
	st := &State{dir: sdir}
	if err := json.Unmarshal(b, &st.meta); err != nil || st.meta.Format != stateFormat || st.meta.Run != run {
		return nil, fmt.Errorf("%w: %s is not a state of run %s", errNoState, sdir, run)
	}
	if st.meta.Files == nil {
		st.meta.Files = map[uint32]string{}
	}
	for name, t := range map[string]**sorted.Table{entriesTable: &st.entries, hashesTable: &st.hashes,
		bandsTable: &st.bands, validatorsTable: &st.validators} {
		if *t, err = sorted.Open(filepath.Join(sdir, name)); err != nil {
			st.Close()
			return nil, fmt.Errorf("%w: %w", errNoState, err)
		}
	}
	return st, nil
}

// Close closes the tables.
func (s *State) Close() error {
	var errs []error
	for _, t := range []*sorted.Table{s.entries, s.hashes, s.bands, s.validators} {
		if t != nil {
			errs = append(errs, t.Close())
		}
	}
	return errors.Join(errs...)
}

// lookup returns the entry of a source key.
func (s *State) lookup(key [16]byte) (entry, bool) {
	if s.entries == nil {
		return entry{}, false
	}
	rec, ok, err := s.entries.Get(key[:])
	if err != nil || !ok {
		return entry{}, false
	}
	return decodeEntry(rec), true
}

// scan iterates a table of the state, or nothing when it has none.
func scan(t *sorted.Table) sorted.Iter {
	if t == nil {
		return sorted.Empty()
	}
	return t.Scan()
}

// validator is one record of the validators table: the HTTP validators of
// a fetched page, for a conditional request next run. Values longer than
// their field are not kept (the page is then fetched unconditionally).
const (
	maxETag         = 96
	maxLastModified = 38
	validatorSize   = 16 + 1 + maxETag + 1 + maxLastModified
)

func encodeValidator(b []byte, key [16]byte, etag, lastMod string) bool {
	if len(etag) > maxETag || len(lastMod) > maxLastModified {
		return false
	}
	clear(b)
	copy(b, key[:])
	b[16] = byte(len(etag))
	copy(b[17:], etag)
	b[17+maxETag] = byte(len(lastMod))
	copy(b[18+maxETag:], lastMod)
	return true
}

func decodeValidator(b []byte) (etag, lastMod string) {
	etag = string(b[17 : 17+int(b[16])])
	lm := b[18+maxETag:]
	return etag, string(lm[:int(b[17+maxETag])])
}

// validators returns the stored HTTP validators of a source key.
func (s *State) validatorsOf(key [16]byte) (etag, lastMod string) {
	if s.validators == nil {
		return "", ""
	}
	rec, ok, err := s.validators.Get(key[:])
	if err != nil || !ok {
		return "", ""
	}
	return decodeValidator(rec)
}
