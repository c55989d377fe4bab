package load

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/cespare/xxhash/v2"

	"github.com/rinse-etl/rinse"
)

// stateDir holds the incremental state: one gzipped JSON-lines file per
// committed run, the newest of which is current.
const stateDir = "_state"

// Entry is what the dataset remembers about one input.
type Entry struct {
	Source string `json:"source"`
	// Digest identifies the raw content; Config the settings it was
	// processed with. Both equal means the input is unchanged.
	Digest string `json:"digest"`
	Config string `json:"config"`
	// Outcome is "document" or "quarantined".
	Outcome string `json:"outcome"`
	ID      string `json:"id,omitempty"`
	// File is the data file holding the row, without its extension
	// ("documents/site=a.com/part-<run>-00000"); "" for no row.
	File        string `json:"file,omitempty"`
	ContentHash string `json:"content_hash,omitempty"`
}

// State maps sources to entries. It is read once when a dataset opens and
// only read while the run is in flight, so it is safe for concurrent use.
type State struct {
	entries map[string]Entry
	run     string // the run whose state file this is
}

// Digest returns the content digest the state compares.
func Digest(body []byte) string { return strconv.FormatUint(xxhash.Sum64(body), 16) }

// readState loads the newest state file of a committed run.
func readState(dir string) (*State, error) {
	st := &State{entries: map[string]Entry{}}
	files, err := filepath.Glob(filepath.Join(dir, stateDir, "*.jsonl.gz"))
	if err != nil || len(files) == 0 {
		return st, err
	}
	sort.Strings(files) // run ids sort by start time
	newest := files[len(files)-1]
	f, err := os.Open(newest)
	if err != nil {
		return nil, fmt.Errorf("reading state: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading state %s: %w", newest, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var e Entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("reading state %s: %w", newest, err)
		}
		st.entries[e.Source] = e
	}
	st.run = filepath.Base(newest)
	return st, sc.Err()
}

// writeState writes entries sorted by source into the staging directory.
func writeState(staging, run string, entries map[string]Entry) (FileInfo, error) {
	rel := path.Join(stateDir, run+".jsonl.gz")
	p := filepath.Join(staging, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return FileInfo{}, err
	}
	f, err := os.Create(p)
	if err != nil {
		return FileInfo{}, err
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := gzip.NewWriter(bw)
	enc := json.NewEncoder(zw)
	for _, k := range keys {
		if err := enc.Encode(entries[k]); err != nil {
			f.Close()
			return FileInfo{}, err
		}
	}
	err = errors.Join(zw.Close(), bw.Flush())
	size, cerr := syncClose(f)
	return FileInfo{Path: rel, Format: "state", Rows: int64(len(keys)), Bytes: size}, errors.Join(err, cerr)
}

// Admit is the incremental filter: a pipeline page processor that stamps
// each page with its digest and turns away inputs the dataset already
// holds with the same content and configuration (rinse.ErrUnchanged).
type Admit struct {
	state  *State
	config string
}

// Process implements the pipeline's page-processor contract.
func (a *Admit) Process(_ context.Context, in *rinse.Page) (*rinse.Page, error) {
	p := *in
	p.Digest = Digest(in.Body)
	if a.state != nil {
		if e, ok := a.state.entries[in.Source]; ok && e.Digest == p.Digest && e.Config == a.config {
			return nil, fmt.Errorf("checking state: %w", rinse.ErrUnchanged)
		}
	}
	return &p, nil
}

// Seen returns the content hashes of rows already in the dataset and the
// ids that hold them, for cross-run exact dedup.
func (s *State) Seen() map[string]string {
	out := map[string]string{}
	for _, e := range s.entries {
		if e.File != "" && e.ContentHash != "" {
			out[e.ContentHash] = e.ID
		}
	}
	return out
}
