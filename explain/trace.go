package explain

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

// Class groups reasons for the view: each class has a tint and a line
// in the legend.
type Class string

// The classes of reasons, in the order the legend lists them.
const (
	Tag       Class = "tag"       // an element that never holds main text (<script>, <img>, <button>)
	Hidden    Class = "hidden"    // an element the page does not show
	Profile   Class = "profile"   // a site profile's drop selector
	Furniture Class = "furniture" // the extractor's page-furniture rules
	Content   Class = "content"   // outside the main content the extractor chose
	Links     Class = "links"     // link rows and link-dense blocks
	Pattern   Class = "pattern"   // a site profile's text pattern
	Generic   Class = "generic"   // a generic boilerplate rule (configs/rules)
	Title     Class = "title"     // the headline, kept as the title field
	Other     Class = "other"     // absent from the result, for no recorded reason
)

// Reason says what removed a piece of text.
type Reason struct {
	Class Class
	// Rule names what decided, in a few words: "<nav>",
	// `class/id contains "share"`, "pattern ^Updated By:…".
	Rule string
	// Source is where the rule is written ("file:line"), when it is.
	Source string
	// Why is the rule's own comment, a score or a threshold.
	Why string
}

// Choice is the extractor's choice of main content.
type Choice struct {
	// Top is the best-scoring candidate element and Score its score.
	Top   *html.Node
	Score float64
	// Core are the elements whose blocks make the content; Wide, when
	// set, an ancestor the content was widened to (prose before the
	// core kept from it).
	Core []*html.Node
	Wide *html.Node
	// Fallback: the candidate held too little, and the whole page's
	// blocks that are not mostly links were taken instead.
	Fallback bool
}

// Edit is what a block-level rule did to one block of the extractor's
// output (the boilerplate stage's patterns, the title).
type Edit struct {
	// Text is the block as the rule saw it; Start and End bound what
	// the rule removed from it.
	Text       string
	Start, End int
	// Kept: the block survives, as Rest. After: every later block goes
	// too (drop-after).
	Kept  bool
	Rest  string
	After bool
	Why   Reason
}

// Trace records one page's decisions. The zero value is not ready: use
// New.
type Trace struct {
	mu        sync.Mutex
	seq       int
	marks     map[*html.Node]mark
	units     []unit
	choice    *Choice
	filtered  []filtered
	extracted *rinse.Document
	edits     []Edit
	origins   []origin
	notes     []string
}

// mark is a DOM-level reason with the order it was recorded in: of the
// marks on a node's ancestors, the first recorded is the one that took
// the node away.
type mark struct {
	seq int
	why Reason
}

// filtered is a block the extractor dropped after collecting it.
type filtered struct {
	text string
	why  Reason
}

// origin is one value a page offers for a field, and where from.
type origin struct {
	field, value, from string
}

// New returns an empty Trace.
func New() *Trace { return &Trace{marks: map[*html.Node]mark{}} }

type key struct{}

// With returns ctx carrying t.
func With(ctx context.Context, t *Trace) context.Context {
	return context.WithValue(ctx, key{}, t)
}

// From returns the Trace ctx carries, or nil: stages record only when it
// is not nil.
func From(ctx context.Context) *Trace {
	t, _ := ctx.Value(key{}).(*Trace)
	return t
}

// Original records the page's body and its blocks as the extractor's
// collector reads them, before anything is removed from it: the view
// shows these. Call it before the tree changes.
func (t *Trace) Original(body *html.Node, blocks []rinse.Block) {
	units := align(body, blocks)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.units = units
}

// Drop records that n, with its subtree, was removed or skipped for why.
// A node keeps the first reason recorded for it.
func (t *Trace) Drop(n *html.Node, why Reason) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.marks[n]; !ok {
		t.seq++
		t.marks[n] = mark{seq: t.seq, why: why}
	}
}

// Choose records the main-content choice; a later choice (a second
// pass) replaces an earlier one.
func (t *Trace) Choose(c Choice) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.choice = &c
}

// Filter records the blocks of before that are missing from after (a
// subsequence of it) as removed for why.
func (t *Trace) Filter(before, after []rinse.Block, why Reason) {
	t.mu.Lock()
	defer t.mu.Unlock()
	j := 0
	for _, b := range before {
		if j < len(after) && after[j] == b {
			j++
			continue
		}
		t.filtered = append(t.filtered, filtered{text: b.Text, why: why})
	}
}

// Extracted records the extractor's document.
func (t *Trace) Extracted(d *rinse.Document) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.extracted = d
}

// Edit records a block-level rule's effect, in the order rules ran.
func (t *Trace) Edit(e Edit) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.edits = append(t.edits, e)
}

// Origin records a value the page offers for a field (title, author,
// description, site_name, url, site, language, categories, tags) and
// where it says it. Record them in the order the stages trust them: the
// view names the first that holds a field's final value.
func (t *Trace) Origin(field, value, from string) {
	if value == "" {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.origins = append(t.origins, origin{field, value, from})
}

// Note records a remark on the page as a whole ("content read from
// <noscript> markup").
func (t *Trace) Note(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.notes = append(t.notes, s)
}

// Without returns ctx with no Trace: for work whose decisions are not
// the page's (a second parse of its <noscript> markup).
func Without(ctx context.Context) context.Context {
	if From(ctx) == nil {
		return ctx
	}
	return With(ctx, nil)
}

// SourceOf locates a function for a Reason's Source, as its file in the
// module and line ("extract/content_main.go:215"): for decisions made in
// code rather than in a rule file.
func SourceOf(f any) string {
	fn := runtime.FuncForPC(reflect.ValueOf(f).Pointer())
	if fn == nil {
		return ""
	}
	file, line := fn.FileLine(fn.Entry())
	name := fn.Name() // "github.com/rinse-etl/rinse/extract.dropLinkRows"
	slash := max(strings.LastIndexByte(name, '/'), 0)
	pkg := name[:slash+strings.IndexByte(name[slash:], '.')]
	dir := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
	return fmt.Sprintf("%s:%d", path.Join(dir, filepath.Base(file)), line)
}

// module is the import path the Sources are relative to.
const module = "github.com/rinse-etl/rinse"
