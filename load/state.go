package load

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// Entry is what the dataset remembers about one input (one line of a
// state file).
type Entry struct {
	Source string `json:"source"`
	// Digest identifies the raw content; Config the settings it was
	// processed with. Both equal means the input is unchanged.
	Digest string `json:"digest"`
	Config string `json:"config"`
	// Outcome is "document", "quarantined" or "duplicate".
	Outcome string `json:"outcome"`
	ID      string `json:"id,omitempty"`
	// File is the data file holding the row, without its extension
	// ("documents/site=a.com/part-<run>-00000"); "" for no row.
	File        string `json:"file,omitempty"`
	ContentHash string `json:"content_hash,omitempty"`
	// ETag and LastModified are the HTTP validators of a fetched page.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// entry is Entry as held in memory: a state can hold millions, so the
// hashes are packed and the strings shared by many entries are interned.
type entry struct {
	digest  uint64
	id      [16]byte
	hash    [16]byte
	hasHash bool
	config  string // interned
	file    string // interned
	outcome string // interned
	// etag and lastMod are set for fetched pages only.
	etag, lastMod string
}

// State maps sources to what earlier runs did with them. It is read once
// when a dataset opens and never written afterwards, so the admit stage
// may read it while the sink goroutine runs.
type State struct {
	entries map[string]entry
}

// Digest returns the content digest the state compares.
func Digest(body []byte) string { return strconv.FormatUint(xxhash.Sum64(body), 16) }

func pack(e Entry, intern map[string]string) entry {
	in := func(s string) string {
		if v, ok := intern[s]; ok {
			return v
		}
		intern[s] = s
		return s
	}
	p := entry{config: in(e.Config), file: in(e.File), outcome: in(e.Outcome), etag: e.ETag, lastMod: e.LastModified}
	p.digest, _ = strconv.ParseUint(e.Digest, 16, 64)
	_, _ = hex.Decode(p.id[:], []byte(e.ID))
	if _, err := hex.Decode(p.hash[:], []byte(e.ContentHash)); err == nil && e.ContentHash != "" {
		p.hasHash = true
	}
	return p
}

func (p entry) unpack(source string) Entry {
	e := Entry{Source: source, Digest: strconv.FormatUint(p.digest, 16), Config: p.config, Outcome: p.outcome, File: p.file,
		ETag: p.etag, LastModified: p.lastMod}
	if p.id != ([16]byte{}) {
		e.ID = hex.EncodeToString(p.id[:])
	}
	if p.hasHash {
		e.ContentHash = hex.EncodeToString(p.hash[:])
	}
	return e
}

// readState loads the newest state file of a committed run.
func readState(dir string) (*State, error) {
	st := &State{entries: map[string]entry{}}
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
	zr, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading state %s: %w", newest, err)
	}
	intern := map[string]string{}
	dec := json.NewDecoder(zr)
	for {
		var e Entry
		if err := dec.Decode(&e); errors.Is(err, io.EOF) {
			return st, nil
		} else if err != nil {
			return nil, fmt.Errorf("reading state %s: %w", newest, err)
		}
		st.entries[e.Source] = pack(e, intern)
	}
}

// stateWriter streams this run's entries into its state file in staging,
// so a run's memory does not grow with the inputs it records.
type stateWriter struct {
	f   *os.File
	bw  *bufio.Writer
	zw  *gzip.Writer
	enc *json.Encoder
	rel string
	n   int64
}

func newStateWriter(staging, run string) (*stateWriter, error) {
	rel := path.Join(stateDir, run+".jsonl.gz")
	p := filepath.Join(staging, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	zw := gzip.NewWriter(bw)
	return &stateWriter{f: f, bw: bw, zw: zw, enc: json.NewEncoder(zw), rel: rel}, nil
}

func (w *stateWriter) write(e Entry) error {
	w.n++
	return w.enc.Encode(e)
}

func (w *stateWriter) close() (FileInfo, error) {
	err := errors.Join(w.zw.Close(), w.bw.Flush())
	size, cerr := syncClose(w.f)
	return FileInfo{Path: w.rel, Format: "state", Rows: w.n, Bytes: size}, errors.Join(err, cerr)
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
	sum := xxhash.Sum64(in.Body)
	p.Digest = strconv.FormatUint(sum, 16)
	if in.Header != nil {
		p.ETag, p.LastModified = in.Header.Get("ETag"), in.Header.Get("Last-Modified")
	}
	if a.state != nil {
		if e, ok := a.state.entries[in.Source]; ok && e.digest == sum && e.config == a.config {
			return nil, fmt.Errorf("checking state: %w", rinse.ErrUnchanged)
		}
	}
	return &p, nil
}

// Conditional returns the HTTP validators an earlier run stored for a
// fetched URL (its source), for a conditional request; "" when none, or
// when the configuration changed (the page must then be processed again).
func (a *Admit) Conditional(url string) (etag, lastModified string) {
	if a.state == nil {
		return "", ""
	}
	e, ok := a.state.entries[url]
	if !ok || e.config != a.config || e.outcome != "document" {
		return "", ""
	}
	return e.etag, e.lastMod
}

// Seen returns the content hashes of rows already in the dataset and the
// ids that hold them, for cross-run exact dedup.
func (s *State) Seen() map[string]string {
	out := map[string]string{}
	for _, e := range s.entries {
		if e.file != "" && e.hasHash {
			out[hex.EncodeToString(e.hash[:])] = hex.EncodeToString(e.id[:])
		}
	}
	return out
}
