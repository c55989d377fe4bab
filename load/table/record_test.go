package table

import (
	"reflect"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/rinse-etl/rinse"
)

// fullDocument sets every column of a document.
func fullDocument() *rinse.Document {
	at := time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC)
	return &rinse.Document{
		ID: "0123456789abcdef0123456789abcdef", Source: "a/b.html", URL: "https://a.example/b", Site: "a.example",
		Title: "T", Author: "A; B", SiteName: "S", Description: "D", Categories: []string{"c1", "c2"}, Tags: []string{"t"},
		Text: "x y z", Language: "en", PublishedAt: at, UpdatedAt: at.Add(time.Hour),
		Dates:     []rinse.Date{{Text: "March 2024", Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Precision: "month"}},
		Entities:  []rinse.Entity{{Name: "Paris", Type: "place", Mentions: 2}},
		WordCount: 3, ContentHash: "fedcba9876543210fedcba9876543210", ProcessedAt: at.Add(2 * time.Hour),
		PipelineVersion: "v", DuplicateOf: "00000000000000000000000000000001", FetchedAt: at.Add(-time.Hour), HTTPStatus: 200,
		PublishedDate: time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC), UpdatedDate: time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC),
	}
}

// TestDocumentRoundTrip: a row read back is the document written, for
// every column of Schema.
func TestDocumentRoundTrip(t *testing.T) {
	b := array.NewRecordBuilder(memory.NewGoAllocator(), Schema)
	defer b.Release()
	in := fullDocument()
	AppendDocument(b, in)
	AppendDocument(b, &rinse.Document{ID: "2"}) // unknowns: nulls and empties
	rec := b.NewRecordBatch()
	defer rec.Release()
	if got := DocumentAt(rec, 0); !reflect.DeepEqual(got, in) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, in)
	}
	if got := DocumentAt(rec, 1); !reflect.DeepEqual(got, &rinse.Document{ID: "2"}) {
		t.Errorf("empty document read back as %+v", got)
	}
	for i, f := range Schema.Fields() {
		if rec.Column(i).IsNull(0) {
			t.Errorf("column %s is null for a full document", f.Name)
		}
	}
}

// TestDocumentSchemaDropsPartitionColumns: a partition column lives in the
// directory only.
func TestDocumentSchemaDropsPartitionColumns(t *testing.T) {
	s := DocumentSchema([]string{"site", "year"})
	if s.HasField("site") || !s.HasField("language") || s.NumFields() != Schema.NumFields()-1 {
		t.Errorf("DocumentSchema(site, year) = %v", s)
	}
	if DocumentSchema(nil) != Schema {
		t.Error("no partition keys: the full schema")
	}
}
