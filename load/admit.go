package load

import (
	"context"
	"fmt"
	"strconv"

	"github.com/cespare/xxhash/v2"

	"github.com/rinse-etl/rinse"
)

// Admit is the incremental filter: a pipeline page processor that stamps
// each page with its digest and turns away inputs the dataset already
// holds with the same content, configuration and rebuild generation
// (rinse.ErrUnchanged). Pages quarantined for a transient reason are
// always let through: they are retried by the next run.
type Admit struct {
	state  *State
	config [8]byte
	gen    uint32
}

// Process implements the pipeline's page-processor contract. A page the
// source could not read comes with a stand-in digest (rinse.StatDigest):
// it is unchanged, or it fails again with its own error.
func (a *Admit) Process(_ context.Context, in *rinse.Page) (*rinse.Page, error) {
	if in.Err != nil {
		if in.Digest != "" && a.unchanged(in.Source, parseDigest(in.Digest)) {
			return nil, fmt.Errorf("checking state: %w", rinse.ErrUnchanged)
		}
		return nil, in.Err
	}
	p := *in
	sum := xxhash.Sum64(in.Body)
	p.Digest = strconv.FormatUint(sum, 16)
	if in.Header != nil {
		p.ETag, p.LastModified = in.Header.Get("ETag"), in.Header.Get("Last-Modified")
	}
	if a.unchanged(in.Source, sum) {
		return nil, fmt.Errorf("checking state: %w", rinse.ErrUnchanged)
	}
	return &p, nil
}

func (a *Admit) unchanged(source string, digest uint64) bool {
	if a.state == nil {
		return false
	}
	e, ok := a.state.lookup(rinse.SourceKey(source))
	return ok && a.current(e) && e.digest == digest
}

// current reports whether e was processed with this configuration and
// generation and may stand.
func (a *Admit) current(e entry) bool {
	return e.config == a.config && e.gen >= a.gen &&
		!(e.outcome == outcomeQuarantined && e.flags&flagTransient != 0)
}

// Conditional returns the HTTP validators an earlier run stored for a
// fetched URL (its source), for a conditional request; "" when none, or
// when the page must be processed again anyway.
func (a *Admit) Conditional(url string) (etag, lastModified string) {
	if a.state == nil {
		return "", ""
	}
	key := rinse.SourceKey(url)
	e, ok := a.state.lookup(key)
	if !ok || !a.current(e) || e.outcome != outcomeDocument || e.flags&flagValidators == 0 {
		return "", ""
	}
	return a.state.validatorsOf(key)
}
