package source

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/rinse-etl/rinse"
)

func FuzzWARC(f *testing.F) {
	recs := sampleRecords(f)
	f.Add(buildWARC(f, recs, true, false))
	f.Add(buildWARC(f, recs, false, true))
	f.Add(buildWARC(f, recs[1:4], false, false))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		err := WARCReader{MaxBytes: 1 << 16}.Walk(context.Background(), bytes.NewReader(data), "f.warc", func(p *rinse.Page) error {
			n++
			if p.Source == "" {
				t.Fatal("page without Source")
			}
			if p.Err == nil && (p.Kind != rinse.KindHTML || len(p.Body) > 1<<16) {
				t.Fatalf("bad page: kind %q, %d bytes", p.Kind, len(p.Body))
			}
			return nil
		})
		// Every record consumes at least its magic, so the count is bounded
		// by the input: anything more would be a resync loop.
		if n > len(data)/5+1 {
			t.Fatalf("%d pages from %d bytes", n, len(data))
		}
		if err != nil && !errors.Is(err, rinse.ErrRead) && !errors.Is(err, rinse.ErrParse) {
			t.Fatalf("uncategorised error: %v", err)
		}
	})
}

func FuzzHTTPPayload(f *testing.F) {
	for _, r := range sampleRecords(f) {
		if r.typ.String() == "response" {
			f.Add([]byte(r.block))
		}
	}
	f.Add([]byte("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"))
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\nx\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15"))
	f.Add([]byte("HTTP/1.0 200\r\nContent-Encoding: br\r\n\r\n\x0b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		head, body, _ := bytes.Cut(data, []byte("\r\n\r\n"))
		status, h, err := parseHTTPHead(append(head, "\r\n\r\n"...))
		if err != nil {
			if !errors.Is(err, rinse.ErrParse) {
				t.Fatalf("uncategorised head error: %v", err)
			}
			return
		}
		if status < 100 || status > 999 {
			t.Fatalf("status %d accepted", status)
		}
		out, _, err := httpPayload(h, bytes.NewReader(body), 1<<12)
		if err == nil && len(out) > 1<<12 {
			t.Fatalf("%d bytes past the cap", len(out))
		}
		if err != nil && rinse.Reason(err) == "error" {
			t.Fatalf("uncategorised payload error: %v", err)
		}
	})
}
