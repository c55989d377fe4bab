package explain

import (
	_ "embed"
	"html/template"
	"io"

	"github.com/rinse-etl/rinse"
)

// Page is what Render shows besides the trace: the input and its result.
type Page struct {
	Source, URL string
	// Doc is the final document; nil when the page failed, at Stage
	// with Err.
	Doc   *rinse.Document
	Stage string
	Err   error
}

// legend is one class of reasons as the legend lists it.
type legend struct {
	Class       Class
	Label, Says string
	Count       int
}

// classes names every class for the legend, in order.
var classes = []legend{
	{Class: Tag, Label: "dropped tag", Says: "elements that never hold main text: scripts, media, form controls, images"},
	{Class: Hidden, Label: "hidden", Says: "elements the page does not show"},
	{Class: Profile, Label: "profile selector", Says: "a site profile's drop selector"},
	{Class: Furniture, Label: "page furniture", Says: "the extractor's rules for navigation, headers, share bars, bylines…"},
	{Class: Content, Label: "main content", Says: "outside or around the content the extractor chose"},
	{Class: Links, Label: "links", Says: "rows that are mostly a link"},
	{Class: Pattern, Label: "profile pattern", Says: "a site profile's text pattern"},
	{Class: Generic, Label: "generic rule", Says: "a generic boilerplate rule (configs/rules)"},
	{Class: Title, Label: "title", Says: "the headline, kept as the title field"},
	{Class: Other, Label: "other", Says: "absent from the result, no recorded rule"},
}

// view is the template's data.
type view struct {
	Page   Page
	Failed string
	Rows   []row
	Kept   int
	Gone   int
	Legend []legend
	Fields []field
	Hints  []rinse.DateHint
	Notes  []string
}

//go:embed page.html.tmpl
var pageSource string

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"label": func(c Class) string {
		for _, l := range classes {
			if l.Class == c {
				return l.Label
			}
		}
		return string(c)
	},
}).Parse(pageSource))

// Render writes the explain page for p: the page's blocks in reading
// order, each kept or struck through with the reasons recorded, then
// the metadata and where each value came from.
func (t *Trace) Render(w io.Writer, p Page) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	v := view{Page: p, Rows: t.rows(), Notes: t.notes}
	if p.Err != nil {
		v.Failed = p.Stage + ": " + p.Err.Error()
	}
	count := map[Class]int{}
	for _, r := range v.Rows {
		if r.Gone {
			v.Gone++
		} else {
			v.Kept++
		}
		for _, why := range r.Reasons {
			count[why.Class]++
		}
	}
	for _, l := range classes {
		if l.Count = count[l.Class]; l.Count > 0 {
			v.Legend = append(v.Legend, l)
		}
	}
	if p.Doc != nil {
		v.Fields = t.fields(p.Doc)
		v.Hints = p.Doc.DateHints
	}
	return pageTemplate.Execute(w, v)
}
