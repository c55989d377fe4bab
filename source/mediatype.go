package source

import (
	"mime"
	"net/http"
	"slices"
	"strings"
)

// HTMLTypes returns the media types the extractor can read: the filter
// for WARC payloads and the fetcher's default.
func HTMLTypes() []string {
	return []string{
		"text/html",             // HTML proper
		"application/xhtml+xml", // XHTML served as XML
	}
}

// declaredType returns the media type of a Content-Type value, lower-cased,
// and whether there was a usable one.
func declaredType(contentType string) (string, bool) {
	mt, _, err := mime.ParseMediaType(contentType)
	if contentType == "" || err != nil {
		return "", false
	}
	return strings.ToLower(mt), true
}

// DeniedType reports whether a declared Content-Type already rules the
// response out, before its body is read.
func DeniedType(contentType string, allowed []string) bool {
	mt, ok := declaredType(contentType)
	return ok && !slices.Contains(allowed, mt)
}

// AllowedType reports whether a response is one of the allowed media
// types. A missing or unparsable Content-Type is sniffed from the body the
// way browsers do.
func AllowedType(contentType string, body []byte, allowed []string) bool {
	mt, ok := declaredType(contentType)
	if !ok {
		mt, _ = declaredType(http.DetectContentType(body))
	}
	return slices.Contains(allowed, mt)
}
