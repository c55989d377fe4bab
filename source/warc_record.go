package source

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/nlnwa/gowarc/v3"

	"github.com/rinse-etl/rinse"
)

// recordPage turns one parsed record into a page: a readable HTML page, or
// a page whose Err says why the record was skipped or could not be read.
func recordPage(rec gowarc.Record, name string, maxBytes int64) *rinse.Page {
	w := rec.WarcRecord
	p := &rinse.Page{
		Source: recordSource(name, w, rec.Offset),
		URL:    w.WarcHeader().Get(gowarc.WarcTargetURI),
	}
	if t, err := w.Date(); err == nil {
		p.FetchedAt = t
	}
	switch w.Type() {
	case gowarc.Response:
		fillResponse(p, w, maxBytes)
	case gowarc.Resource:
		fillResource(p, w, maxBytes)
	default:
		// request, metadata, warcinfo, revisit (no payload of its own),
		// conversion and continuation records carry no page to extract.
		p.Err = skipped("warc-"+w.Type().String(), "reading "+w.Type().String()+" record")
	}
	return p
}

// fillResponse reads an HTTP response record: its headers give the status
// and charset, its payload the page body.
func fillResponse(p *rinse.Page, w gowarc.WarcRecord, maxBytes int64) {
	block, ok := w.Block().(gowarc.HttpResponseBlock)
	if !ok {
		// dns: records and other non-HTTP responses.
		p.Err = skipped("warc-non-http", "reading non-http response record")
		return
	}
	status, h, err := parseHTTPHead(block.ProtocolHeaderBytes())
	if err != nil {
		p.Err = err
		return
	}
	p.HTTPStatus = status
	if status < 200 || status > 299 {
		// Redirects and error pages are not the page the URL stands for.
		p.Err = skipped("http-"+strconv.Itoa(status), "reading response record")
		return
	}
	ct := h.Get("Content-Type")
	if DeniedType(ct, htmlTypes) {
		p.Err = skipped("not-html", "reading "+ct+" response record")
		return
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		p.Err = fmt.Errorf("reading response payload: %w: %w", rinse.ErrRead, err)
		return
	}
	body, header, err := httpPayload(h, payload, maxBytes)
	if err != nil {
		p.Err = err
		return
	}
	if !AllowedType(ct, body, htmlTypes) {
		p.Err = skipped("not-html", "sniffing response payload")
		return
	}
	p.Body, p.Header, p.Kind = body, header, rinse.KindHTML
}

// fillResource reads a resource record (wget --warc, browser captures):
// the block is the document itself and the WARC Content-Type its type, so
// it stands in for the HTTP header the decoder reads the charset from.
func fillResource(p *rinse.Page, w gowarc.WarcRecord, maxBytes int64) {
	ct := w.WarcHeader().Get(gowarc.ContentType)
	if DeniedType(ct, htmlTypes) {
		p.Err = skipped("not-html", "reading "+ct+" resource record")
		return
	}
	raw, err := w.Block().RawBytes()
	if err != nil {
		p.Err = fmt.Errorf("reading resource block: %w: %w", rinse.ErrRead, err)
		return
	}
	body, err := ReadCapped(raw, maxBytes)
	if err != nil {
		p.Err = err
		return
	}
	if !AllowedType(ct, body, htmlTypes) {
		p.Err = skipped("not-html", "sniffing resource block")
		return
	}
	if ct != "" {
		p.Header = http.Header{"Content-Type": {ct}}
	}
	p.Body, p.Kind = body, rinse.KindHTML
}

// skipped builds a skip error with its own short reason.
func skipped(reason, doing string) error {
	return &rinse.ReasonError{Reason: reason, Err: fmt.Errorf("%s: %w", doing, rinse.ErrSkipped)}
}

// htmlTypes are the payloads read as pages.
var htmlTypes = HTMLTypes()
