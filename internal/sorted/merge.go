package sorted

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"os"
)

// cursor is one sorted run being merged: its current record's key, and
// the next record.
type cursor interface {
	key() []byte
	advance() (bool, error)
	file() *os.File
}

// merger yields the records of several sorted runs in order; records with
// equal keys come in run order, so a merge is stable. Both sorters merge
// with it.
type merger[C cursor] struct {
	h       entries[C]
	all     []C
	err     error
	onClose func()
}

type entry[C cursor] struct {
	c   C
	run int
}

type entries[C cursor] []entry[C]

func (h entries[C]) Len() int { return len(h) }
func (h entries[C]) Less(i, j int) bool {
	if c := bytes.Compare(h[i].c.key(), h[j].c.key()); c != 0 {
		return c < 0
	}
	return h[i].run < h[j].run
}
func (h entries[C]) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *entries[C]) Push(x any)   { *h = append(*h, x.(entry[C])) }
func (h *entries[C]) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// openMerger opens every run with open and reads its first record.
func openMerger[C cursor](paths []string, open func(*os.File) C) (*merger[C], error) {
	m := &merger[C]{}
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			m.close()
			return nil, fmt.Errorf("sorted: opening run: %w", err)
		}
		c := open(f)
		m.all = append(m.all, c)
		ok, err := c.advance()
		if err != nil {
			m.close()
			return nil, err
		}
		if ok {
			m.h = append(m.h, entry[C]{c, i})
		}
	}
	heap.Init(&m.h)
	return m, nil
}

// next hands the cursor holding the smallest record to take, then moves
// that cursor on.
func (m *merger[C]) next(take func(C)) bool {
	if m.err != nil || len(m.h) == 0 {
		return false
	}
	top := m.h[0].c
	take(top)
	ok, err := top.advance()
	if err != nil {
		m.err = err
		return false
	}
	if ok {
		heap.Fix(&m.h, 0)
	} else {
		heap.Pop(&m.h)
	}
	return true
}

func (m *merger[C]) close() error {
	var errs []error
	for _, c := range m.all {
		errs = append(errs, c.file().Close())
	}
	m.all, m.h = nil, nil
	if m.onClose != nil {
		m.onClose()
		m.onClose = nil
	}
	return errors.Join(errs...)
}

// passes merges runs FanIn at a time, with group merging one group into
// a new run, until at most FanIn are left.
func passes(runs []string, group func([]string) (string, error)) ([]string, error) {
	for len(runs) > FanIn {
		var next []string
		for i := 0; i < len(runs); i += FanIn {
			g := runs[i:min(i+FanIn, len(runs))]
			if len(g) == 1 {
				next = append(next, g[0])
				continue
			}
			name, err := group(g)
			for _, p := range g {
				_ = os.Remove(p)
			}
			if err != nil {
				return append(next, runs[i+len(g):]...), err
			}
			next = append(next, name)
		}
		runs = next
	}
	return runs, nil
}
