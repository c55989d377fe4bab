package rinse

import (
	"net/url"
	"strings"
)

// Host returns the lower-case host of a URL without "www.", or "": the
// value of the site column and the key site profiles match on.
func Host(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// LanguageCode reduces a language tag ("en-GB", "pt_BR", "de, en") to its
// lower-case ISO 639-1 code, or "" when it has none.
func LanguageCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_ ,;"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}
