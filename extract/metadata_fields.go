package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/rinse-etl/rinse/internal/dom"
)

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func appendUnique(list []string, vs ...string) []string {
next:
	for _, v := range vs {
		v = dom.Collapse(v)
		if v == "" {
			continue
		}
		for _, h := range list {
			if strings.EqualFold(h, v) {
				continue next
			}
		}
		list = append(list, v)
	}
	return list
}

// splitKeywords splits a keywords meta value.
func splitKeywords(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, k := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
			out = appendUnique(out, k)
		}
	}
	return out
}

// urlDatePath finds /2024/05/17/ or /2024-05-17 style dates in paths.
var urlDatePath = regexp.MustCompile(`/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?:/|-|$)`)

func urlDate(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	m := urlDatePath.FindStringSubmatch(u.Path)
	if m == nil || m[3] == "" {
		return ""
	}
	return m[1] + "-" + pad2(m[2]) + "-" + pad2(m[3])
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// resolve makes ref absolute against base when it can.
func resolve(base, ref string) string {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || ref == "" {
		return ""
	}
	if b, err := url.Parse(base); err == nil && base != "" {
		return b.ResolveReference(r).String()
	}
	if !r.IsAbs() {
		return ""
	}
	return r.String()
}

// unquoteAll drops the quotation marks some themes print around each
// tag ("„Review”"): the tag is the word inside.
func unquoteAll(list []string) []string {
	var out []string
	for _, v := range list {
		r, first := utf8.DecodeRuneInString(v)
		l, last := utf8.DecodeLastRuneInString(v)
		if len(v) > first+last && strings.ContainsRune(authorQuotes, r) && strings.ContainsRune(authorQuotes, l) {
			v = strings.TrimSpace(v[first : len(v)-last])
		}
		out = appendUnique(out, v)
	}
	return out
}
