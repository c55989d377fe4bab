package rinse

import (
	"net/http"
	"strings"
	"time"
)

// Page is one raw input as a source read it.
type Page struct {
	// Source identifies the input: the path relative to the input root with
	// '/' separators (".gz" kept), "archive.warc.gz#record-id", or the URL.
	Source string
	// URL is the page's address when the source knows it (WARC, fetch).
	URL string
	// Body holds the raw bytes. After decoding it is UTF-8.
	Body []byte
	// Header holds the HTTP response headers when the page came over HTTP
	// (WARC response record or fetch); nil otherwise.
	Header http.Header
	// Charset is the encoding Body was decoded from; empty before decoding.
	Charset string
	// Kind is "html" or "text"; sources set it from the file name or the
	// content type, the decoder sniffs it when empty.
	Kind string
	// ModTime is the file's modification time, when there is a file.
	ModTime time.Time
	// FetchedAt and HTTPStatus are set by HTTP sources (WARC, fetch).
	FetchedAt  time.Time
	HTTPStatus int
	// ETag and LastModified are the HTTP validators of a fetched page; the
	// dataset's state keeps them for conditional requests next run.
	ETag, LastModified string
	// Digest identifies the raw content (set by the incremental filter);
	// the dataset's state remembers it to skip unchanged inputs next run.
	Digest string
	// Err is set by a source that found the input but could not read it,
	// or chose to skip it (errors.Is(Err, ErrSkipped)). The pipeline routes
	// such pages straight to the sink.
	Err error
}

// Page kinds.
const (
	KindHTML = "html"
	KindText = "text"
)

// htmlMarkers open HTML documents or fragments; text dumps lack them.
var htmlMarkers = []string{"<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<p ", "<article", "<table"}

// sniffBytes is how much of a page SniffKind reads.
const sniffBytes = 1024

// SniffKind tells HTML from plain text by the first kilobyte of a page's
// UTF-8 body: KindHTML when it holds a tag that opens HTML documents or
// fragments, else KindText. The decoder and the extractor both ask it
// when a source did not say.
func SniffKind[T string | []byte](body T) string {
	head := strings.ToLower(string(body[:min(len(body), sniffBytes)]))
	for _, m := range htmlMarkers {
		if strings.Contains(head, m) {
			return KindHTML
		}
	}
	return KindText
}
