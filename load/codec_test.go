package load

import (
	"reflect"
	"testing"
	"time"

	"github.com/rinse-etl/rinse"
)

// TestCodecRoundTrip: a held-back row comes back as written, for every
// field the dataset writes or keeps (its digest and validators).
func TestCodecRoundTrip(t *testing.T) {
	at := time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC)
	in := &rinse.Document{
		ID: "i", Source: "s", URL: "u", Site: "site", Title: "t", Author: "a", SiteName: "sn", Description: "d",
		Categories: []string{"c"}, Tags: []string{"t1", "t2"}, Text: "text", Language: "en",
		PublishedAt: at, UpdatedAt: at, ProcessedAt: at, FetchedAt: at,
		PublishedDate: at.Truncate(24 * time.Hour), UpdatedDate: at.Truncate(24*time.Hour).AddDate(0, 0, 1),
		Dates:     []rinse.Date{{Text: "x", Date: at.Truncate(24 * time.Hour), Precision: "day"}},
		Entities:  []rinse.Entity{{Name: "n", Type: "place", Mentions: 3}},
		WordCount: 1, ContentHash: "h", PipelineVersion: "v", DuplicateOf: "o", HTTPStatus: 304,
		InputDigest: "ff", InputETag: `"e"`, InputLastModified: "Mon",
	}
	var e encoder
	encodeDocument(&e, in)
	d := decoder{b: e.b}
	out := decodeDocument(&d)
	if d.err != nil || len(d.b) != 0 || !reflect.DeepEqual(out, in) {
		t.Errorf("round trip (err %v, %d bytes left):\n got %+v\nwant %+v", d.err, len(d.b), out, in)
	}
	q := &rinse.Quarantined{Source: "s", URL: "u", Stage: "read", Reason: "timeout", Error: "e", At: at, InputDigest: "1"}
	e.b = nil
	encodeQuarantined(&e, q)
	d = decoder{b: e.b}
	if got := decodeQuarantined(&d); d.err != nil || !reflect.DeepEqual(got, q) {
		t.Errorf("quarantine round trip: %+v", got)
	}
}

// FuzzDecodeDocument: a damaged spill record gives an error, never a
// panic or a huge allocation.
func FuzzDecodeDocument(f *testing.F) {
	var e encoder
	encodeDocument(&e, &rinse.Document{Source: "s", Tags: []string{"a"}, Dates: []rinse.Date{{Text: "x"}}})
	f.Add(e.b)
	f.Fuzz(func(t *testing.T, b []byte) {
		d := decoder{b: b}
		decodeDocument(&d)
		d = decoder{b: b}
		decodeQuarantined(&d)
	})
}
