package extract

import (
	"fmt"
	"slices"
)

// Where the two readings of a part read both ways (see domBound) do not
// meet again, such as a quoted attribute value or a comment in the markup
// reading that runs past the raw text's end, each reading goes on on its
// own: the bound keeps the markup reading and runs the raw-text reading
// from where it stood (fork) to the end of the page, and takes the larger
// of the two. Real pages do this (inline SVG icons with a <style>, a
// <noscript> holding stray quotes), so refusing them cost real pages; a
// page may part its readings maxForks times, each costing one more scan
// of the rest of it.

// snapshot copies the bound as it stands, for a fork to go on from.
func (b *bounder) snapshot() *bounder {
	c := *b
	c.meet, c.forks = nil, nil
	c.nest = slices.Clone(b.nest)
	for i := range c.active {
		c.active[i] = slices.Clone(b.active[i])
	}
	// A copy costs like bytes read again: a page of many raw-text parts
	// deep in nested markup is too complex once copies pass the budget.
	b.rescanned += 16 * (len(b.nest) + b.activeLen())
	return &c
}

func (b *bounder) activeLen() int {
	n := 0
	for _, a := range b.active {
		n += len(a)
	}
	return n
}

// popMeet drops the first meet, the readings having met there.
func (b *bounder) popMeet() {
	b.meet, b.forks = b.meet[1:], b.forks[1:]
}

// fork runs the raw-text reading of the first meet on its own from where
// its raw text ends, and lets this bound go on in the markup reading.
func (b *bounder) fork() error {
	at, f := b.meet[0], b.forks[0]
	b.popMeet()
	if *b.forksLeft <= 0 {
		return fmt.Errorf("markup read two ways differs past byte %d: %w", at, errTooComplex)
	}
	*b.forksLeft--
	f.z.pos, f.z.raw = at, ""
	f.rescanned += len(f.z.s) - at
	if err := f.run(f.ctx); err != nil {
		return err
	}
	b.altNodes = max(b.altNodes, f.nodes, f.altNodes)
	b.altText = max(b.altText, f.textBytes(), f.altText)
	b.rescanned = max(b.rescanned, f.rescanned)
	return nil
}
