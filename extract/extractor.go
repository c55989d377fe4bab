package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/profile"
)

// ExtractorOptions tune the Extractor.
type ExtractorOptions struct {
	// Profiles are the compiled site profiles; nil means none.
	Profiles *profile.Set
	// KeepComments keeps comment sections in the main content.
	KeepComments bool
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
		kind = sniffKind(body)
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
	return doc, nil
}

// html fills doc from an HTML page.
func (e *Extractor) html(ctx context.Context, doc *rinse.Document, in *rinse.Page, body string) error {
	root, err := html.Parse(strings.NewReader(body))
	if err != nil {
		return fmt.Errorf("parsing html: %v: %w", err, rinse.ErrParse)
	}
	m := readMeta(root)
	e.fillMeta(doc, m, in)
	prof := e.opts.Profiles.Match(hostOf(doc.URL), body)
	if prof == nil && doc.Site != "" {
		prof = e.opts.Profiles.Match(doc.Site, "")
	}
	stripTags(root)
	b := findBody(root)
	if prof != nil {
		doc.Profile = prof.Name
		if doc.Site == "" {
			doc.Site = prof.Site
		}
		applyProfile(doc, prof, b)
	}
	blocks, err := mainContent(ctx, b, e.opts.KeepComments, m.isArticle())
	if errors.Is(err, rinse.ErrNoContent) && len(m.ld.body) >= minFirstPass {
		// Script-rendered pages: the markup is empty, the JSON-LD is not.
		blocks, err = paragraphs(m.ld.body), nil
	}
	if err != nil {
		return err
	}
	doc.Blocks = blocks
	return nil
}

// fillMeta sets the metadata fields from what the page declares.
func (e *Extractor) fillMeta(doc *rinse.Document, m *meta, in *rinse.Page) {
	doc.URL = first([]string{resolve(in.URL, m.canonical), resolve(in.URL, m.first("og:url")), in.URL})
	doc.Site = hostOf(doc.URL)
	doc.SiteName = first([]string{m.first("og:site_name"), m.ld.publisher, m.first("application-name")})
	raw := first([]string{m.first("og:title"), m.ld.headline, m.first("twitter:title"), m.title, m.h1})
	doc.Title = cleanTitle(raw, doc.SiteName, doc.Site, first([]string{m.h1, m.h2}))
	doc.Description = first([]string{m.first("og:description"), m.first("description"), m.ld.description, m.first("twitter:description")})
	authors := cleanAuthors(m.ld.authors, false)
	if len(authors) == 0 {
		authors = cleanAuthors(append(m.props["author"], m.props["article:author"]...), true)
		authors = appendUnique(authors, cleanAuthors(append(m.props["dc.creator"], m.props["parsely-author"]...), true)...)
	}
	// Shown names: the first element that yields any, since later ones
	// are often comment authors or related-article bylines.
	for _, shown := range [][]string{m.itemAuthor, m.relAuthor, m.bylines} {
		for _, v := range shown {
			if len(authors) == 0 {
				authors = cleanAuthors([]string{v}, true)
			}
		}
	}
	doc.Author = strings.Join(authors, "; ")
	doc.Categories = appendUnique(nil, m.props["article:section"]...)
	doc.Categories = appendUnique(doc.Categories, m.ld.sections...)
	doc.Categories = appendUnique(doc.Categories, m.relCats...)
	doc.Tags = appendUnique(nil, m.props["article:tag"]...)
	doc.Tags = appendUnique(doc.Tags, splitKeywords(m.props["keywords"])...)
	doc.Tags = appendUnique(doc.Tags, splitKeywords(m.props["news_keywords"])...)
	doc.Tags = appendUnique(doc.Tags, m.ld.keywords...)
	doc.Tags = appendUnique(doc.Tags, m.relTags...)
	doc.DateHints = m.dateHints(doc.URL)
	lang := first([]string{m.lang, m.first("content-language"), m.ld.language, m.first("og:locale")})
	if lang == "" && in.Header != nil {
		lang = in.Header.Get("Content-Language")
	}
	doc.Language = normLanguage(lang)
}

// paragraphs splits plain text on line breaks into paragraph blocks.
func paragraphs(text string) []rinse.Block {
	var out []rinse.Block
	for _, line := range strings.Split(text, "\n") {
		if line = collapse(line); line != "" {
			out = append(out, rinse.Block{Text: line, Kind: rinse.BlockParagraph})
		}
	}
	return out
}
