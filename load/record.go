package load

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/rinse-etl/rinse"
)

// docBuilder appends documents to Arrow builders for Schema and cuts them
// into record batches. Its size estimate drives batch and row-group flushes.
type docBuilder struct {
	b     *array.RecordBuilder
	rows  int
	bytes int64
}

func newDocBuilder(mem memory.Allocator) *docBuilder {
	return &docBuilder{b: array.NewRecordBuilder(mem, Schema)}
}

func (d *docBuilder) append(doc *rinse.Document) {
	f := d.b.Fields()
	strs := []struct {
		col int
		v   string
	}{
		{colID, doc.ID}, {colSource, doc.Source}, {colURL, doc.URL}, {colSite, doc.Site},
		{colTitle, doc.Title}, {colAuthor, doc.Author}, {colSiteName, doc.SiteName},
		{colDescription, doc.Description}, {colText, doc.Text}, {colLanguage, doc.Language},
		{colContentHash, doc.ContentHash}, {colPipelineVersion, doc.PipelineVersion},
	}
	for _, s := range strs {
		f[s.col].(*array.StringBuilder).Append(s.v)
		d.bytes += int64(len(s.v))
	}
	appendList(f[colCategories].(*array.ListBuilder), doc.Categories)
	appendList(f[colTags].(*array.ListBuilder), doc.Tags)
	appendTime(f[colPublishedAt], doc.PublishedAt)
	appendTime(f[colUpdatedAt], doc.UpdatedAt)
	appendDates(f[colDates].(*array.ListBuilder), doc.Dates)
	appendEntities(f[colEntities].(*array.ListBuilder), doc.Entities)
	f[colWordCount].(*array.Int32Builder).Append(doc.WordCount)
	appendTime(f[colProcessedAt], doc.ProcessedAt)
	appendOptString(f[colDuplicateOf].(*array.StringBuilder), doc.DuplicateOf)
	appendTime(f[colFetchedAt], doc.FetchedAt)
	if doc.HTTPStatus != 0 {
		f[colHTTPStatus].(*array.Int32Builder).Append(doc.HTTPStatus)
	} else {
		f[colHTTPStatus].AppendNull()
	}
	d.rows++
	d.bytes += int64(64*(len(doc.Dates)+len(doc.Entities)) + 16*(len(doc.Tags)+len(doc.Categories)) + 64)
}

// flush returns the rows appended so far as one record batch (the caller
// releases it) and resets the builder.
func (d *docBuilder) flush() arrow.RecordBatch {
	d.rows, d.bytes = 0, 0
	return d.b.NewRecordBatch()
}

func (d *docBuilder) release() { d.b.Release() }

func appendList(b *array.ListBuilder, vs []string) {
	b.Append(true)
	vb := b.ValueBuilder().(*array.StringBuilder)
	for _, v := range vs {
		vb.Append(v)
	}
}

func appendOptString(b *array.StringBuilder, v string) {
	if v == "" {
		b.AppendNull()
		return
	}
	b.Append(v)
}

// appendTime writes t as microseconds since the epoch in UTC, or null for
// the zero time (unknown).
func appendTime(b array.Builder, t time.Time) {
	tb := b.(*array.TimestampBuilder)
	if t.IsZero() {
		tb.AppendNull()
		return
	}
	tb.Append(arrow.Timestamp(t.UTC().UnixMicro()))
}

func appendDates(b *array.ListBuilder, ds []rinse.Date) {
	b.Append(true)
	sb := b.ValueBuilder().(*array.StructBuilder)
	text := sb.FieldBuilder(0).(*array.StringBuilder)
	date := sb.FieldBuilder(1).(*array.Date32Builder)
	prec := sb.FieldBuilder(2).(*array.StringBuilder)
	for _, d := range ds {
		sb.Append(true)
		text.Append(d.Text)
		date.Append(arrow.Date32FromTime(d.Date))
		prec.Append(d.Precision)
	}
}

func appendEntities(b *array.ListBuilder, es []rinse.Entity) {
	b.Append(true)
	sb := b.ValueBuilder().(*array.StructBuilder)
	name := sb.FieldBuilder(0).(*array.StringBuilder)
	typ := sb.FieldBuilder(1).(*array.StringBuilder)
	n := sb.FieldBuilder(2).(*array.Int32Builder)
	for _, e := range es {
		sb.Append(true)
		name.Append(e.Name)
		typ.Append(e.Type)
		n.Append(e.Mentions)
	}
}

// quarantineRecord builds a one-batch record of quarantined pages.
func quarantineRecord(mem memory.Allocator, qs []*rinse.Quarantined, runID string) arrow.RecordBatch {
	b := array.NewRecordBuilder(mem, QuarantineSchema)
	defer b.Release()
	f := b.Fields()
	for _, q := range qs {
		for i, v := range []string{q.Source, q.URL, q.Stage, q.Reason, q.Error} {
			f[i].(*array.StringBuilder).Append(v)
		}
		appendTime(f[5], q.At)
		f[6].(*array.StringBuilder).Append(runID)
	}
	return b.NewRecordBatch()
}
