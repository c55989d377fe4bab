package metadata

import (
	"encoding/json"
	"strings"
)

// ldInfo is what JSON-LD says about the article.
type ldInfo struct {
	rank        int // how article-like the chosen object is; higher wins
	headline    string
	authors     []string
	published   string
	modified    string
	publisher   string
	description string
	sections    []string
	keywords    []string
	language    string
	body        string // articleBody, for pages that render text by script
	byID        map[string]map[string]any
}

// unwrapCDATA trims src and the CDATA section some templates wrap
// around JSON-LD ("<![CDATA[ {…} ]]>", also behind "//"), which
// browsers and search engines read past.
func unwrapCDATA(src string) string {
	src = strings.TrimSpace(src)
	if rest, ok := strings.CutPrefix(strings.TrimPrefix(src, "//"), "<![CDATA["); ok {
		rest = strings.TrimSpace(rest)
		rest = strings.TrimSuffix(rest, "]]>")
		return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "//"))
	}
	return src
}

// ldRanks rate schema.org types by how likely they describe the page's
// main text.
var ldRanks = map[string]int{
	"newsarticle": 5, "article": 5, "blogposting": 5, "reportagenewsarticle": 5, "analysisnewsarticle": 5,
	"opinionnewsarticle": 5, "report": 4, "scholarlyarticle": 4, "techarticle": 4, "recipe": 4,
	"liveblogposting": 4, "howto": 4, "socialmediaposting": 3, "discussionforumposting": 3,
	"review": 3, "webpage": 1, "itempage": 1,
}

// add parses one <script type="application/ld+json"> body; broken JSON
// is common and simply ignored.
func (l *ldInfo) add(src string) {
	var v any
	if json.Unmarshal([]byte(unwrapCDATA(src)), &v) != nil {
		return
	}
	var objs []map[string]any
	collectLD(v, &objs, 0)
	if l.byID == nil {
		l.byID = map[string]map[string]any{}
	}
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok {
			l.byID[id] = o
		}
	}
	for _, o := range objs {
		l.consider(o)
	}
}

// collectLD flattens arrays and @graph into a list of objects.
func collectLD(v any, out *[]map[string]any, depth int) {
	if depth > 4 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			collectLD(e, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, t)
		if g, ok := t["@graph"]; ok {
			collectLD(g, out, depth+1)
		}
	}
}

func ldRank(o map[string]any) int {
	best := 0
	for _, t := range strs(o["@type"]) {
		best = max(best, ldRanks[strings.ToLower(t)])
	}
	return best
}

// consider takes o's fields when it is more article-like than what was
// seen so far.
func (l *ldInfo) consider(o map[string]any) {
	r := ldRank(o)
	if r == 0 || r <= l.rank && l.headline != "" {
		return
	}
	l.rank = r
	l.headline = first(strs(o["headline"]), strs(o["name"]))
	l.authors = l.names(o["author"])
	if len(l.authors) == 0 {
		l.authors = l.names(o["creator"])
	}
	l.published = first(strs(o["datePublished"]), strs(o["dateCreated"]))
	l.modified = first(strs(o["dateModified"]))
	if p := l.names(o["publisher"]); len(p) > 0 {
		l.publisher = p[0]
	}
	l.description = first(strs(o["description"]))
	l.sections = strs(o["articleSection"])
	l.keywords = nil
	for _, k := range strs(o["keywords"]) {
		l.keywords = append(l.keywords, strings.Split(k, ",")...)
	}
	l.language = first(strs(o["inLanguage"]))
	l.body = first(strs(o["articleBody"]))
}

// names reads a person/organization value: a string, an object with a
// name (or a reference by @id), or a list of those.
func (l *ldInfo) names(v any) []string {
	var out []string
	switch t := v.(type) {
	case string:
		out = append(out, t)
	case []any:
		for _, e := range t {
			out = append(out, l.names(e)...)
		}
	case map[string]any:
		if n := first(strs(t["name"])); n != "" {
			return []string{n}
		}
		if id, ok := t["@id"].(string); ok {
			if ref, ok := l.byID[id]; ok && ref["name"] != nil {
				return strs(ref["name"])
			}
		}
	}
	return out
}

// strs reads a string or a list of strings.
func strs(v any) []string {
	switch t := v.(type) {
	case string:
		if t = strings.TrimSpace(t); t != "" {
			return []string{t}
		}
	case []any:
		var out []string
		for _, e := range t {
			out = append(out, strs(e)...)
		}
		return out
	}
	return nil
}

func first(lists ...[]string) string {
	for _, l := range lists {
		for _, s := range l {
			if s != "" {
				return s
			}
		}
	}
	return ""
}
