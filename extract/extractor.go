package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/explain"
	"github.com/rinse-etl/rinse/extract/metadata"
	"github.com/rinse-etl/rinse/internal/dom"
	"github.com/rinse-etl/rinse/rules"
)

// ExtractorOptions tune the Extractor.
type ExtractorOptions struct {
	// Profiles are the compiled site profiles; nil means none.
	Profiles *rules.Set
	// KeepComments keeps comment sections in the main content.
	KeepComments bool
	// DOM bounds a page's parse tree (bounds.go).
	DOM DOMLimits
}

// Extractor turns a decoded page into a Document: main content as blocks
// in reading order, plus metadata and raw date hints. It is a
// pipeline.Extractor and safe for concurrent use.
type Extractor struct {
	opts ExtractorOptions
}

// NewExtractor returns an Extractor.
func NewExtractor(opts ExtractorOptions) *Extractor { return &Extractor{opts: opts} }

// Process extracts the document from a page whose Body is UTF-8.
func (e *Extractor) Process(ctx context.Context, in *rinse.Page) (*rinse.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("extracting: %w: %w", rinse.ErrTimeout, err)
	}
	body := string(in.Body)
	if strings.TrimSpace(body) == "" {
		return nil, fmt.Errorf("extracting: %w", rinse.ErrEmpty)
	}
	kind := in.Kind
	if kind == "" {
		kind = rinse.SniffKind(body)
	}
	doc := &rinse.Document{
		Source: in.Source, URL: in.URL, Kind: kind, FetchedAt: in.FetchedAt,
		HTTPStatus: int32(in.HTTPStatus), InputDigest: in.Digest,
	}
	var err error
	if kind == rinse.KindText {
		err = e.text(doc, body)
	} else {
		err = e.html(ctx, doc, in, body)
	}
	if err != nil {
		return nil, err
	}
	if t := explain.From(ctx); t != nil {
		e.explainDoc(t, doc)
	}
	return doc, nil
}

// html fills doc from an HTML page.
func (e *Extractor) html(ctx context.Context, doc *rinse.Document, in *rinse.Page, body string) error {
	if err := e.checkDOM(ctx, body); err != nil {
		return err
	}
	markup := emptyScripts(body)
	root, err := e.parse(ctx, markup)
	if err != nil {
		return err
	}
	t := explain.From(ctx)
	if t != nil {
		ob := findBody(root)
		t.Original(ob, collectBlocks(false, nil, ob))
	}
	m := metadata.Read(root)
	if err := inBudget(ctx, "reading metadata"); err != nil {
		return err
	}
	m.Fill(doc, in)
	prof := e.opts.Profiles.Match(rinse.Host(doc.URL), body)
	if prof == nil && doc.Site != "" {
		prof = e.opts.Profiles.Match(doc.Site, "")
	}
	if t != nil {
		explainMeta(t, m, in.URL, prof)
	}
	stripTags(root, t)
	b := findBody(root)
	lead := findLead(b, doc.Description)
	if prof != nil {
		doc.Profile = prof.Name
		if doc.Site == "" {
			doc.Site = prof.Site
		}
		applyProfile(doc, prof, b, t)
	}
	pg := page{keepComments: e.opts.KeepComments, article: m.IsArticle(), title: doc.Title}
	blocks, err := mainContent(ctx, b, pg)
	if (errors.Is(err, rinse.ErrNoContent) || err == nil && prose(blocks) < minFirstPass) && strings.Contains(body, "<noscript") {
		// Pages that render the article by script often repeat it in
		// <noscript> for crawlers: read that markup as markup.
		if nb, nerr := e.noscriptContent(ctx, markup, prof, pg); nerr == nil && prose(nb) > prose(blocks) {
			blocks, err = nb, nil
			if t != nil {
				t.Note("the content was read from the page's <noscript> markup, parsed again: its blocks show as added")
			}
		}
	}
	if ld := m.ArticleBody(); errors.Is(err, rinse.ErrNoContent) && len(ld) >= minFirstPass {
		// Script-rendered pages: the markup is empty, the JSON-LD is not.
		blocks, err = paragraphs(ld), nil
		if t != nil {
			t.Note("the markup held no content: the text is the JSON-LD articleBody, its blocks show as added")
		}
	}
	if err != nil {
		return err
	}
	doc.Blocks = withLead(blocks, lead)
	if doc.Author == "" {
		doc.Author = metadata.TextAuthor(doc.Blocks)
	}
	if doc.Author == "" {
		doc.Author = m.SiteOwner()
	}
	if t != nil {
		explainAuthor(t, doc, m)
	}
	return nil
}

// noscriptContent parses the page's markup (its script bodies already
// emptied) again as a browser without scripts would, so that <noscript>
// holds elements, unwraps those and extracts the main content.
func (e *Extractor) noscriptContent(ctx context.Context, markup string, prof *rules.Profile, pg page) ([]rinse.Block, error) {
	root, err := e.parse(ctx, markup, html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, err
	}
	unwrapNoscript(root)
	stripTags(root, nil)
	b := findBody(root)
	if prof != nil {
		dropSelected(prof, b, nil)
	}
	return mainContent(explain.Without(ctx), b, pg)
}

// paragraphs splits plain text on line breaks into paragraph blocks.
func paragraphs(text string) []rinse.Block {
	var out []rinse.Block
	for _, line := range strings.Split(text, "\n") {
		if line = dom.Collapse(line); line != "" {
			out = append(out, rinse.Block{Text: line, Kind: rinse.BlockParagraph})
		}
	}
	return out
}

// applyProfile removes the profile's drop selectors from body and fills
// doc's empty fields from its field selectors and the values its
// patterns lift out of the page's blocks (metadata.FromProfile).
func applyProfile(doc *rinse.Document, p *rules.Profile, body *html.Node, t *explain.Trace) {
	dropSelected(p, body, t)
	if t != nil {
		explainSelectors(t, p, body)
	}
	var l rules.Lifted
	if p.Patterns.Len() > 0 {
		p.Patterns.Trace(collectBlocks(true, nil, body), &l, explainLifts(t, p))
	}
	metadata.FromProfile(doc, p.Fields, body, l)
}

// dropSelected removes the elements the profile's drop selectors match.
func dropSelected(p *rules.Profile, body *html.Node, t *explain.Trace) {
	for i, sel := range p.Drop {
		for _, n := range cascadia.QueryAll(body, sel) {
			if t != nil {
				t.Drop(n, dropReason(p, i))
			}
			if n.Parent != nil {
				n.Parent.RemoveChild(n)
			}
		}
	}
}
