package table

import (
	"slices"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// SchemaVersion is the version of the documents schema; docs/schema.md
// lists what each version added. Readers find it in every file's metadata
// under "rinse.schema_version" and in the run manifest.
const SchemaVersion = 3

var (
	tsUTC   = &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
	strList = arrow.ListOf(arrow.BinaryTypes.String)

	dateStruct = arrow.StructOf(
		arrow.Field{Name: "text", Type: arrow.BinaryTypes.String, Nullable: true},
		arrow.Field{Name: "date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
		arrow.Field{Name: "precision", Type: arrow.BinaryTypes.String, Nullable: true},
	)
	entityStruct = arrow.StructOf(
		arrow.Field{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true},
		arrow.Field{Name: "type", Type: arrow.BinaryTypes.String, Nullable: true},
		arrow.Field{Name: "mentions", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	)
)

// Column indexes of Schema, in order; the record builder relies on them.
const (
	colID = iota
	colSource
	colURL
	colSite
	colTitle
	colAuthor
	colSiteName
	colDescription
	colCategories
	colTags
	colText
	colLanguage
	colPublishedAt
	colUpdatedAt
	colDates
	colEntities
	colWordCount
	colContentHash
	colProcessedAt
	colPipelineVersion
	colDuplicateOf
	colFetchedAt
	colHTTPStatus
	colPublishedDate
	colUpdatedDate
)

// Schema is the documents dataset schema. String columns hold "" when a
// value is unknown; timestamps, dates and the v2 and v3
// columns are null instead.
var Schema = arrow.NewSchema([]arrow.Field{
	{Name: "id", Type: arrow.BinaryTypes.String},
	{Name: "source", Type: arrow.BinaryTypes.String},
	{Name: "url", Type: arrow.BinaryTypes.String},
	{Name: "site", Type: arrow.BinaryTypes.String},
	{Name: "title", Type: arrow.BinaryTypes.String},
	{Name: "author", Type: arrow.BinaryTypes.String},
	{Name: "site_name", Type: arrow.BinaryTypes.String},
	{Name: "description", Type: arrow.BinaryTypes.String},
	{Name: "categories", Type: strList},
	{Name: "tags", Type: strList},
	{Name: "text", Type: arrow.BinaryTypes.String},
	{Name: "language", Type: arrow.BinaryTypes.String},
	{Name: "published_at", Type: tsUTC, Nullable: true},
	{Name: "updated_at", Type: tsUTC, Nullable: true},
	{Name: "dates", Type: arrow.ListOf(dateStruct)},
	{Name: "entities", Type: arrow.ListOf(entityStruct)},
	{Name: "word_count", Type: arrow.PrimitiveTypes.Int32},
	{Name: "content_hash", Type: arrow.BinaryTypes.String},
	{Name: "processed_at", Type: tsUTC},
	{Name: "pipeline_version", Type: arrow.BinaryTypes.String},
	{Name: "duplicate_of", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "fetched_at", Type: tsUTC, Nullable: true},
	{Name: "http_status", Type: arrow.PrimitiveTypes.Int32, Nullable: true},
	{Name: "published_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
	{Name: "updated_date", Type: arrow.FixedWidthTypes.Date32, Nullable: true},
}, nil)

// QuarantineSchema is the schema of OUTPUT/quarantine: one row per page
// that failed or was rejected.
var QuarantineSchema = arrow.NewSchema([]arrow.Field{
	{Name: "source", Type: arrow.BinaryTypes.String},
	{Name: "url", Type: arrow.BinaryTypes.String},
	{Name: "stage", Type: arrow.BinaryTypes.String},
	{Name: "reason", Type: arrow.BinaryTypes.String},
	{Name: "error", Type: arrow.BinaryTypes.String},
	{Name: "quarantined_at", Type: tsUTC},
	{Name: "run_id", Type: arrow.BinaryTypes.String},
}, nil)

// DocumentSchema is the schema of the documents files of a dataset
// partitioned by keys: Schema without the columns that are partition keys
// (site, language). As in Hive, a partition column lives in the directory
// names only; stored in the files as well, readers disagree on its type
// (pyarrow's dataset reader and pandas.read_parquet infer different ones)
// and refuse to merge them.
func DocumentSchema(keys []string) *arrow.Schema {
	fields := make([]arrow.Field, 0, len(Schema.Fields()))
	for _, f := range Schema.Fields() {
		if !slices.Contains(keys, f.Name) {
			fields = append(fields, f)
		}
	}
	if len(fields) == len(Schema.Fields()) {
		return Schema
	}
	return arrow.NewSchema(fields, nil)
}

// Project returns rec (of Schema) with only the columns of schema.
func Project(rec arrow.RecordBatch, schema *arrow.Schema) arrow.RecordBatch {
	if schema == rec.Schema() || schema.NumFields() == rec.Schema().NumFields() {
		rec.Retain()
		return rec
	}
	cols := make([]arrow.Array, 0, schema.NumFields())
	for _, f := range schema.Fields() {
		cols = append(cols, rec.Column(rec.Schema().FieldIndices(f.Name)[0]))
	}
	return array.NewRecordBatch(schema, cols, rec.NumRows())
}
