package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

// A page's cost is its parse tree, not its bytes: 7 MB of "<p>w " is
// 2.9 million nodes, some 340 MB of tree and seconds of work, and a few
// kilobytes of misnested formatting tags make the parser clone elements
// for every paragraph ("<p><b id=1>…<b id=400><p>x<p>x…": 60 kB, 2 million
// nodes). So before a page is parsed its markup is tokenized once to
// bound the tree the parser will build: a page whose bound passes the
// limits is quarantined as too complex, without being parsed. The parse
// itself reads through the page's context, so the page's time budget also
// stops a parse.

// Default DOM limits, from measurements (configs/rinse.yaml,
// pipeline.max_dom_nodes): a node costs a run about 210 bytes of memory
// and 3 µs through extraction, so six pages at the limit in six workers
// peak under 300 MB; of 13,500 real pages the bound passes 200,000 for 22
// documentation pages of 2 to 8 MB (the 99th percentile of real pages is
// 56,000 nodes, and the bound overestimates by 1.35 in the median).
const (
	// DefaultMaxDOMNodes bounds the elements, text nodes, comments and
	// attributes of a page's tree.
	DefaultMaxDOMNodes = 200_000
	// DefaultMaxDOMText bounds the bytes of text of a page's tree (with
	// its scripts): text costs a run about 6 bytes a byte, and the default
	// max_page_bytes keeps pages under it.
	DefaultMaxDOMText = 12 << 20
)

// DOMLimits bound the parse tree of one page; zero fields take the
// defaults.
type DOMLimits struct {
	MaxNodes int
	MaxText  int
}

func (l DOMLimits) withDefaults() DOMLimits {
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultMaxDOMNodes
	}
	if l.MaxText <= 0 {
		l.MaxText = DefaultMaxDOMText
	}
	return l
}

// checkDOM fails with rinse.ErrTooComplex when the tree body parses to,
// with scripting on or off, may pass the limits, and with
// rinse.ErrTimeout when ctx ends first. It reads the page as it came:
// emptying its scripts (emptyScripts) only takes text away, and takes as
// long as this check on hostile markup.
func (e *Extractor) checkDOM(ctx context.Context, body string) error {
	l := e.opts.DOM.withDefaults()
	_, _, err := domBound(ctx, body, l)
	switch {
	case err == errTooComplex:
		return fmt.Errorf("parsing html: the tree may pass %d nodes or %d bytes of text: %w", l.MaxNodes, l.MaxText, rinse.ErrTooComplex)
	case errors.Is(err, errTooComplex):
		return fmt.Errorf("parsing html: %s: %w", strings.TrimSuffix(err.Error(), ": "+errTooComplex.Error()), rinse.ErrTooComplex)
	case err != nil:
		return fmt.Errorf("parsing html: %w: %w", rinse.ErrTimeout, err)
	}
	return nil
}

// parse parses markup (a page checkDOM passed) under the page's time
// budget. Its errors are rinse.ErrTimeout or rinse.ErrParse.
func (e *Extractor) parse(ctx context.Context, markup string, opts ...html.ParseOption) (*html.Node, error) {
	root, err := html.ParseWithOptions(&ctxReader{ctx: ctx, s: markup}, opts...)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("parsing html: %w: %w", rinse.ErrTimeout, ctx.Err())
		}
		return nil, fmt.Errorf("parsing html: %v: %w", err, rinse.ErrParse)
	}
	return root, nil
}

// inBudget fails with rinse.ErrTimeout once the page's time is up: the
// passes over a tree between the parse and the scoring do not look.
func inBudget(ctx context.Context, doing string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w: %w", doing, rinse.ErrTimeout, err)
	}
	return nil
}

// ctxReader feeds the parser in small reads and fails once ctx is done,
// so a parse stops within one read of its deadline.
type ctxReader struct {
	ctx context.Context
	s   string
	off int
}

// ctxReadSize is the most one read hands the parser: a few hundred
// microseconds of parsing at worst.
const ctxReadSize = 16 << 10

func (r *ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	if r.off >= len(r.s) {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), ctxReadSize)], r.s[r.off:])
	r.off += n
	return n, nil
}

// errTooComplex is returned by domBound once a limit is passed.
var errTooComplex = errors.New("over the limit")

// domBound returns an upper bound of the nodes (elements, text, comments,
// doctype, and attributes, which weigh about as much) and of the text
// bytes of the tree html.Parse builds from markup, with scripting on or
// off. It stops with errTooComplex as soon as a bound passes its limit.
// FuzzDOMBound checks that the bounds hold.
//
// The parser may add elements the markup does not hold: html, head and
// body, the tbody and tr a table cell implies, a p for a stray </p> and,
// the costly case, clones of the formatting elements (<b>, <a>, <font> …)
// still active when a tag closed them implicitly: each text or tag that
// follows may reopen them all ("reconstruct the active formatting
// elements"), with their attributes, and a misnested end tag may clone
// them once for each block it crosses, up to eight times (the adoption
// agency). So each token is charged the formatting elements that may be
// active at the time, and a formatting end tag as much again for each
// block it may cross.
//
// Where the parser's reading may differ, the bound takes both: the
// content of <noscript> (raw text with scripting on, markup without) and
// of a raw-text element or CDATA section that may sit in SVG or MathML
// content (markup there). Both readings must meet again where the raw
// text ends; markup that reads differently past that point is too
// complex (no real page has a comment or a quoted attribute running out
// of a <noscript>).
func domBound(ctx context.Context, markup string, l DOMLimits) (nodes, text int, err error) {
	forks := maxForks
	b := bounder{z: scanner{s: markup}, limits: l, nodes: 4, ctx: ctx, forksLeft: &forks} // document, html, head, body
	// A NUL may become U+FFFD (3 bytes); a character reference at most
	// 6/5 of its bytes ("&nGt;").
	b.nul = 2 * strings.Count(markup, "\x00")
	err = b.run(ctx)
	return max(b.nodes, b.altNodes), max(b.textBytes(), b.altText), err
}

// bounder holds domBound's state.
type bounder struct {
	z      scanner
	limits DOMLimits
	nodes  int
	text   int // bytes of text tokens
	nul    int
	// active holds the formatting elements that may be active, by tag;
	// weight is their elements and attributes in all.
	active [len(formattingNames)][]activeFormat
	weight int
	// popEpoch counts the tags that may pop elements; fresh is the weight
	// of the active elements opened since the last: those are open, and
	// no text or tag reopens them.
	popEpoch, fresh int
	// blocks and scopes count the special elements and the scope
	// boundaries opened so far.
	blocks, scopes int
	// inForeign counts the <svg> and <math> open in nest. Past a break
	// after one, the parser may be in foreign content anywhere
	// (brokenForeign): an end tag nest closes may leave an <svg> open
	// ("</svg>" in a <select> in an SVG <desc>); with markup that nests,
	// it closes what nest does.
	inForeign                  int
	seenForeign, brokenForeign bool
	// quirky is set by a foreign element named as the parser's modes are
	// (html, td, template …): the parser matches those names whatever
	// the namespace, and may then add a body, a tbody or a tr before any
	// token.
	quirky bool
	// meet holds, in order, where raw text read both ways ends: the
	// markup reading must have a token boundary there. meetFrom is the
	// number of the first token of the part read both ways.
	meet []int
	// forks holds, for each meet, the bound as it stood where that raw
	// text began: where the readings do not meet, it goes on alone in the
	// raw-text reading (fork).
	forks    []*bounder
	meetFrom int
	// meetNest is len(nest) when the part read two ways began: what it
	// closes of that, the other reading leaves open.
	meetNest int
	tokens   int // tokens so far
	// prev are the last two tokens, newest first: a scope boundary
	// closed right after it opened ("<td>x</td>", "<title>x</title>")
	// bounds nothing.
	prev [2]prevToken
	// svg and math count the <svg> and <math> that may be open, and
	// pops the tags that may have popped elements since the outermost
	// one opened. A text in an SVG <title> may reopen formatting
	// elements popped there, which keeps the <title> open.
	svg, math, pops int
	// nest holds the start tags not closed yet, as written; breaks counts
	// the end tags that did not close the last one (and nesting past
	// maxNest). Up to an end tag that closes a formatting element with
	// nothing open above it and no break since it opened, the markup
	// nests as a tree does, and so does the parser's tree: the adoption
	// agency finds no block to clone for.
	nest     []nestedTag
	breaks   int
	specials int // special start tags so far
	// rescanned counts the bytes read twice; more than a few times the
	// page is too complex.
	rescanned int
	ctx       context.Context
	// forksLeft is how many readings may still part (shared by a page's
	// forks); alt is the largest bound a parted reading reached.
	forksLeft         *int
	altNodes, altText int
}

// maxForks is how many times a page's readings may part for good.
const maxForks = 8

type prevToken struct {
	kind tokenKind
	name string // of a known tag
}

type activeFormat struct {
	weight         int // the element and its attributes
	blocks, scopes int // as when it opened
	token          int // the start tag's token number
	// depth and breaks are len(nest) and breaks after it opened.
	depth, breaks int
	epoch         int // popEpoch when it opened
}

// nestedTag is an open tag of the markup: where its name is, and the
// special start tags and breaks before it.
type nestedTag struct{ name, nameLen, specials, breaks int32 }

// maxNest is how deep nesting is followed; the parser stops at 512.
const maxNest = 1024

// adoptionRounds is the most times the adoption agency clones the active
// formatting elements for one end tag.
const adoptionRounds = 8

func (b *bounder) textBytes() int { return b.text + b.text/5 + b.nul }

func (b *bounder) run(ctx context.Context) error {
	for n := 0; ; n++ {
		if n&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		t := b.z.next()
		if err := b.step(t); err != nil || t.kind == tokEOF {
			return err
		}
	}
}

// step charges one token.
func (b *bounder) step(t token) error {
	b.tokens++
	var info tagInfo
	for len(b.meet) > 0 && b.meet[0] <= t.start {
		if t.rawText { // the readings meet in different states
			if err := b.fork(); err != nil {
				return err
			}
			continue
		}
		b.popMeet()
	}
	// The other reading goes on with text where this one reads text:
	// both end it where markup starts.
	for len(b.meet) > 0 && b.meet[0] < t.end && t.kind == tokText && !t.rawText {
		b.popMeet()
	}
	for len(b.meet) > 0 && b.meet[0] < t.end {
		if err := b.fork(); err != nil {
			return err
		}
	}
	switch t.kind {
	case tokText:
		b.textToken(t.end - t.start)
	case tokComment:
		b.nodes++
		if b.foreign() && strings.HasPrefix(b.z.s[t.start:], "<![CDATA[") {
			// In foreign content a CDATA section is text.
			b.both(t.start, cdataEnd(b.z.s, t.start+len("<![CDATA[")))
		}
	case tokStart:
		info = tagInfoOf(t.name)
		b.startTag(t, info)
	case tokEnd:
		info = tagInfoOf(t.name)
		b.endTag(t, info)
	}
	b.prev[1], b.prev[0] = b.prev[0], prevToken{t.kind, info.name}
	if b.nodes > b.limits.MaxNodes || b.textBytes() > b.limits.MaxText {
		return errTooComplex
	}
	if b.rescanned > 8*len(b.z.s)+1<<16 {
		return fmt.Errorf("markup read more than eight times: %w", errTooComplex)
	}
	return nil
}

// quirks is what a token may add when the parser's mode may be odd.
func (b *bounder) quirks() int {
	if b.quirky {
		return 2
	}
	return 0
}

// textToken charges a text token of n bytes: one node, two when leading
// white space may stay in the head while the rest goes to the body.
func (b *bounder) textToken(n int) {
	b.nodes += 1 + b.weight - b.fresh + b.quirks()
	if n > 0 && isSpace(b.z.s[b.z.pos-n]) {
		b.nodes++
	}
	b.text += n
}

// both charges the raw-text reading of s[from:end], whose markup reading
// follows, and notes where the two readings must meet.
func (b *bounder) both(from, end int) {
	if end <= from {
		return
	}
	b.textToken(0)
	b.text += end - from
	b.rescanned += end - from
	if len(b.meet) == 0 {
		b.meetFrom, b.meetNest = b.tokens+1, len(b.nest)
	}
	i := len(b.meet)
	for i > 0 && b.meet[i-1] > end {
		i--
	}
	b.meet = append(b.meet, 0)
	copy(b.meet[i+1:], b.meet[i:])
	b.meet[i] = end
	b.forks = append(b.forks, nil)
	copy(b.forks[i+1:], b.forks[i:])
	b.forks[i] = b.snapshot()
}

func (b *bounder) startTag(t token, info tagInfo) {
	if info.modeName && b.foreign() {
		b.quirky = true
	}
	if info.name == "a" || info.name == "nobr" {
		// A second <a> (or <nobr>) first closes the one still active.
		b.adopt(info.format)
	}
	if info.special || info.name == "a" || info.name == "nobr" || info.pops {
		b.pops++
		b.popped() // before the element opens
	}
	if info.special {
		b.specials++
	}
	// Some tags pop elements, then reopen them (<a>, <option>, <xmp>).
	b.nodes += 1 + t.attrs + info.implied + b.weight - b.fresh + b.quirks()
	if !info.void && !(t.selfClosing && !info.special) {
		// A self-closing tag stays open unless in foreign content, where
		// only an element that is not special can be: open or not, it
		// bounds nothing.
		if len(b.nest) < maxNest {
			b.nest = append(b.nest, nestedTag{int32(t.start + 1), int32(len(t.name)), int32(b.specials), int32(b.breaks)})
			if info.name == "svg" || info.name == "math" {
				b.inForeign++
			}
		} else {
			b.broke()
		}
	}
	switch {
	case info.format >= 0:
		b.active[info.format] = append(b.active[info.format], activeFormat{1 + t.attrs, b.blocks, b.scopes, b.tokens, len(b.nest), b.breaks, b.popEpoch})
		b.weight += 1 + t.attrs
		b.fresh += 1 + t.attrs
	case info.special && !info.void || info.implied > 0:
		b.blocks++
	}

	if info.scope {
		b.scopes++
	}
	foreign := b.foreign()
	if (info.name == "svg" || info.name == "math") && !t.selfClosing {
		if b.svg+b.math == 0 {
			b.pops = 0 // an outermost <svg> reopens what was popped
		}
		if info.name == "svg" {
			b.svg++
		} else {
			b.math++
		}
		b.seenForeign = true
	}
	if t.raw != "" && (foreign || t.raw == "noscript") {
		// Raw text for the tokenizer, markup for the parser in foreign
		// content or without scripting: read it both ways.
		b.both(t.end, rawTextEnd(b.z.s, t.end, t.raw))
		b.z.raw = ""
	}
}

func (b *bounder) endTag(t token, info tagInfo) {
	b.pops++
	b.popped()
	defer b.unnest(t.name, info)
	switch {
	case info.name == "p" && !b.closesOpenP():
		b.nodes++ // a stray </p> adds a p
	case info.name == "br":
		b.nodes += 1 + b.weight // a </br> is a <br>
	case info.format >= 0:
		b.adopt(info.format)
	case info.scope && b.closedAtOnce(info):
		b.scopes--
	case len(b.meet) > 0:
	case info.name == "svg" && b.svg > 0:
		b.svg--
	case info.name == "math" && b.math > 0:
		b.math--
	}
}

// closedAtOnce reports whether the end tag of scope boundary info closes
// the element the previous tokens opened, alone or around one text: the
// parser closes such an element (it is where the end tag is read), except
// a text in an SVG or MathML integration point that reopened formatting
// elements above it, which needs a tag that popped them.
func (b *bounder) closedAtOnce(info tagInfo) bool {
	opened := b.prev[0]
	if opened.kind == tokText {
		opened = b.prev[1]
		if info.integration && b.pops > 2 { // the element's own tags count
			return false
		}
	}
	return opened.kind == tokStart && opened.name == info.name
}

// adopt charges the adoption agency for an end tag of formatting element
// f, and forgets the element when the parser surely does too. Each round
// of the agency needs a special element ("furthest block") opened after
// the formatting element and still open, and clones the active
// formatting elements it crosses; after eight rounds the element stays
// active, as it does when out of scope.
//
// The parser takes the last element of the tag it holds active, which
// may be older than the last the bound holds (the bound holds more): the
// charge reasons on the oldest. The bound forgets its last one unless the
// parser may keep that very element.
func (b *bounder) adopt(f int) {
	open := b.active[f]
	if len(open) == 0 {
		return
	}
	if !b.nested(open[0]) {
		b.nodes += min(b.blocks-open[0].blocks, adoptionRounds) * b.weight
	}
	last := open[len(open)-1]
	// In a part read two ways, an element opened before it stays in the
	// reading that has no end tag.
	twoWays := len(b.meet) > 0 && last.token < b.meetFrom
	if twoWays || !b.nested(last) && (b.blocks-last.blocks >= adoptionRounds || b.scopes > last.scopes) {
		return
	}
	b.active[f] = open[:len(open)-1]
	b.weight -= last.weight
	if last.epoch == b.popEpoch {
		b.fresh -= last.weight
	}
}

// popped notes a tag that may pop elements, active ones among them.
func (b *bounder) popped() {
	b.popEpoch++
	b.fresh = 0
}

// unnest closes the last open tag if it is name's, else notes a break.
// The parser ignores an end tag of a void element (but </br>).
func (b *bounder) unnest(name string, info tagInfo) {
	if info.void && info.name != "br" {
		return
	}
	if n := len(b.nest); n > 0 {
		top := b.nest[n-1]
		if int(top.nameLen) == len(name) && strings.EqualFold(b.z.s[top.name:top.name+top.nameLen], name) {
			if len(b.meet) > 0 && n <= b.meetNest {
				b.broke() // closed in one reading only
			}
			b.nest = b.nest[:n-1]
			if info.name == "svg" || info.name == "math" {
				b.inForeign--
			}
			return
		}
	}
	b.broke()
}

// broke notes markup that does not nest.
func (b *bounder) broke() {
	b.breaks++
	if b.seenForeign {
		b.brokenForeign = true
	}
}

// foreign reports whether the parser may be in SVG or MathML content,
// where raw-text elements hold markup.
func (b *bounder) foreign() bool { return b.inForeign > 0 || b.brokenForeign }

// closesOpenP reports whether a </p> surely closes a p: the last tag
// open is a <p>, and no special element opened since, which might have
// closed it, nor did the markup break.
func (b *bounder) closesOpenP() bool {
	n := len(b.nest)
	if n == 0 {
		return false
	}
	top := b.nest[n-1]
	return top.nameLen == 1 && (b.z.s[top.name]|0x20) == 'p' && int(top.specials) == b.specials && int(top.breaks) == b.breaks
}

// nested reports whether the markup since f opened nests as a tree, with
// f the last tag open.
func (b *bounder) nested(f activeFormat) bool {
	return f.breaks == b.breaks && f.depth == len(b.nest)
}

// tagInfo is what the bound knows of a tag name.
type tagInfo struct {
	name    string // lower case, for the few names compared
	format  int    // index in formattingNames, or -1
	special bool   // a "special" element: may be the adoption agency's furthest block
	void    bool   // never stays open
	scope   bool   // bounds the default scope, or is a marker
	// integration is an SVG or MathML element whose text the parser reads
	// as HTML.
	integration bool
	pops        bool // may close elements, not being special
	modeName    bool // names an insertion mode of the parser
	implied     int  // elements the parser may add around it
}

var formattingNames = [...]string{"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}

var tagInfos = func() map[string]tagInfo {
	m := map[string]tagInfo{}
	get := func(n string) tagInfo {
		if ti, ok := m[n]; ok {
			return ti
		}
		return tagInfo{name: n, format: -1}
	}
	for i, n := range formattingNames {
		ti := get(n)
		ti.format = i
		m[n] = ti
	}
	for _, n := range strings.Fields(`address applet area article aside base basefont bgsound blockquote
		body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption
		figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input
		keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param
		plaintext pre script section select source style summary table tbody td template textarea tfoot
		th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc`) {
		ti := get(n)
		ti.special = true
		m[n] = ti
	}
	for _, n := range strings.Fields("area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr image") {
		ti := get(n)
		ti.void = true
		m[n] = ti
	}
	for _, n := range strings.Fields("applet caption html table td th marquee object template mi mo mn ms mtext annotation-xml foreignobject desc title") {
		ti := get(n)
		ti.scope = true
		m[n] = ti
	}
	for _, n := range strings.Fields("title desc foreignobject mi mo mn ms mtext annotation-xml") {
		ti := get(n)
		ti.integration = true
		m[n] = ti
	}
	for _, n := range strings.Fields("html frameset td th tr tbody thead tfoot caption colgroup template table head body") {
		ti := get(n)
		ti.modeName = true
		m[n] = ti
	}
	for _, n := range strings.Fields("option optgroup rb rp rt rtc") {
		ti := get(n)
		ti.pops = true
		m[n] = ti
	}
	for n, k := range map[string]int{"td": 2, "th": 2, "tr": 1, "col": 1} {
		ti := get(n)
		ti.implied = k
		m[n] = ti
	}
	for _, n := range []string{"svg", "math"} {
		m[n] = get(n)
	}
	return m
}()

// tagInfoOf looks a tag name up without allocating.
func tagInfoOf(name string) tagInfo {
	var buf [16]byte
	if len(name) > len(buf) {
		return tagInfo{format: -1}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if ti, ok := tagInfos[string(buf[:len(name)])]; ok {
		return ti
	}
	return tagInfo{format: -1}
}
