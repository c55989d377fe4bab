package extract

import (
	"mime"
	"net/http"
	"slices"
	"strings"
)

// htmlTypes are the media types the extractor can read; the default for
// FetchOptions.AllowedTypes and the filter for WARC payloads.
var htmlTypes = []string{
	"text/html",             // HTML proper
	"application/xhtml+xml", // XHTML served as XML
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

// deniedType reports whether a declared Content-Type already rules the
// response out, before its body is read.
func deniedType(contentType string, allowed []string) bool {
	mt, ok := declaredType(contentType)
	return ok && !slices.Contains(allowed, mt)
}

// allowedType reports whether a response is one of the allowed media
// types. A missing or unparsable Content-Type is sniffed from the body the
// way browsers do.
func allowedType(contentType string, body []byte, allowed []string) bool {
	mt, ok := declaredType(contentType)
	if !ok {
		mt, _ = declaredType(http.DetectContentType(body))
	}
	return slices.Contains(allowed, mt)
}
