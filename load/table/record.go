package table

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"github.com/rinse-etl/rinse"
)

// AppendDocument appends doc as one row of Schema to b and returns an
// estimate of its size, which drives batch flushes.
func AppendDocument(b *array.RecordBuilder, doc *rinse.Document) int64 {
	f := b.Fields()
	strs := []struct {
		col int
		v   string
	}{
		{colID, doc.ID}, {colSource, doc.Source}, {colURL, doc.URL}, {colSite, doc.Site},
		{colTitle, doc.Title}, {colAuthor, doc.Author}, {colSiteName, doc.SiteName},
		{colDescription, doc.Description}, {colText, doc.Text}, {colLanguage, doc.Language},
		{colContentHash, doc.ContentHash}, {colPipelineVersion, doc.PipelineVersion},
	}
	var size int64
	for _, s := range strs {
		f[s.col].(*array.StringBuilder).Append(s.v)
		size += int64(len(s.v))
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
	appendDay(f[colPublishedDate], doc.PublishedDate)
	appendDay(f[colUpdatedDate], doc.UpdatedDate)
	return size + int64(64*(len(doc.Dates)+len(doc.Entities))+16*(len(doc.Tags)+len(doc.Categories))+64)
}

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

// appendDay writes the calendar day of t (midnight UTC of the day) as a
// date32, or null for the zero time (unknown).
func appendDay(b array.Builder, t time.Time) {
	db := b.(*array.Date32Builder)
	if t.IsZero() {
		db.AppendNull()
		return
	}
	db.Append(arrow.Date32FromTime(t))
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

// AppendQuarantined appends q as one row of QuarantineSchema.
func AppendQuarantined(b *array.RecordBuilder, q *rinse.Quarantined, runID string) int64 {
	f := b.Fields()
	var size int64
	for i, v := range []string{q.Source, q.URL, q.Stage, q.Reason, q.Error} {
		f[i].(*array.StringBuilder).Append(v)
		size += int64(len(v))
	}
	appendTime(f[5], q.At)
	f[6].(*array.StringBuilder).Append(runID)
	return size + 64
}

// DocumentAt reads row i of a record batch back into a Document: the way
// an earlier run's row rejoins a commit (a promoted duplicate) or the
// state is rebuilt from the files. Columns are found by name: the files
// of a partitioned dataset lack the partition columns.
func DocumentAt(rec arrow.RecordBatch, i int) *rinse.Document {
	col := func(name string) arrow.Array {
		if idx := rec.Schema().FieldIndices(name); len(idx) > 0 {
			return rec.Column(idx[0])
		}
		return nil
	}
	str := func(name string) string { return StringAt(col(name), i) }
	d := &rinse.Document{
		ID: str("id"), Source: str("source"), URL: str("url"), Site: str("site"), Title: str("title"),
		Author: str("author"), SiteName: str("site_name"), Description: str("description"), Text: str("text"),
		Language: str("language"), ContentHash: str("content_hash"), PipelineVersion: str("pipeline_version"),
		Categories: listAt(col("categories"), i), Tags: listAt(col("tags"), i),
		PublishedAt: timeAt(col("published_at"), i), UpdatedAt: timeAt(col("updated_at"), i),
		ProcessedAt: timeAt(col("processed_at"), i), FetchedAt: timeAt(col("fetched_at"), i),
		DuplicateOf:   str("duplicate_of"),
		PublishedDate: dayAt(col("published_date"), i), UpdatedDate: dayAt(col("updated_date"), i),
	}
	if c, ok := col("word_count").(*array.Int32); ok {
		d.WordCount = c.Value(i)
	}
	if c, ok := col("http_status").(*array.Int32); ok && c.IsValid(i) {
		d.HTTPStatus = c.Value(i)
	}
	if l, ok := col("dates").(*array.List); ok {
		d.Dates = datesAt(l, i)
	}
	if l, ok := col("entities").(*array.List); ok {
		d.Entities = entitiesAt(l, i)
	}
	return d
}

func listAt(col arrow.Array, i int) []string {
	l, ok := col.(*array.List)
	if !ok {
		return nil
	}
	start, end := l.ValueOffsets(i)
	vals := l.ListValues().(*array.String)
	var out []string
	for j := start; j < end; j++ {
		out = append(out, vals.Value(int(j)))
	}
	return out
}

func timeAt(col arrow.Array, i int) time.Time {
	c, ok := col.(*array.Timestamp)
	if !ok || !c.IsValid(i) {
		return time.Time{}
	}
	return time.UnixMicro(int64(c.Value(i))).UTC()
}

// dayAt reads a date32 column as midnight UTC of the day; zero for null
// or a missing column (files of schema version 2 and earlier).
func dayAt(col arrow.Array, i int) time.Time {
	c, ok := col.(*array.Date32)
	if !ok || !c.IsValid(i) {
		return time.Time{}
	}
	return c.Value(i).ToTime().UTC()
}

func datesAt(l *array.List, i int) []rinse.Date {
	start, end := l.ValueOffsets(i)
	s := l.ListValues().(*array.Struct)
	text, date, prec := s.Field(0).(*array.String), s.Field(1).(*array.Date32), s.Field(2).(*array.String)
	var out []rinse.Date
	for j := int(start); j < int(end); j++ {
		out = append(out, rinse.Date{Text: text.Value(j), Date: date.Value(j).ToTime().UTC(), Precision: prec.Value(j)})
	}
	return out
}

func entitiesAt(l *array.List, i int) []rinse.Entity {
	start, end := l.ValueOffsets(i)
	s := l.ListValues().(*array.Struct)
	name, typ, n := s.Field(0).(*array.String), s.Field(1).(*array.String), s.Field(2).(*array.Int32)
	var out []rinse.Entity
	for j := int(start); j < int(end); j++ {
		out = append(out, rinse.Entity{Name: name.Value(j), Type: typ.Value(j), Mentions: n.Value(j)})
	}
	return out
}

// StringAt reads a string column: "" for null or a missing column.
func StringAt(col arrow.Array, i int) string {
	if c, ok := col.(*array.String); ok && c.IsValid(i) {
		return c.Value(i)
	}
	return ""
}
