package main

import (
	"time"

	"github.com/rinse-etl/rinse"
)

// documentJSON renders a document with the dataset's column names and
// value conventions (timestamps RFC 3339 UTC or null, dates as days).
func documentJSON(d *rinse.Document) map[string]any {
	ts := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return t.UTC().Format(time.RFC3339Nano)
	}
	dates := make([]map[string]any, len(d.Dates))
	for i, x := range d.Dates {
		dates[i] = map[string]any{"text": x.Text, "date": x.Date.Format("2006-01-02"), "precision": x.Precision}
	}
	ents := make([]map[string]any, len(d.Entities))
	for i, e := range d.Entities {
		ents[i] = map[string]any{"name": e.Name, "type": e.Type, "mentions": e.Mentions}
	}
	orEmpty := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	m := map[string]any{
		"id": d.ID, "source": d.Source, "url": d.URL, "site": d.Site, "title": d.Title,
		"author": d.Author, "site_name": d.SiteName, "description": d.Description,
		"categories": orEmpty(d.Categories), "tags": orEmpty(d.Tags), "text": d.Text,
		"language": d.Language, "published_at": ts(d.PublishedAt), "updated_at": ts(d.UpdatedAt),
		"dates": dates, "entities": ents, "word_count": d.WordCount, "content_hash": d.ContentHash,
		"processed_at": ts(d.ProcessedAt), "pipeline_version": d.PipelineVersion,
		"duplicate_of": nil, "fetched_at": ts(d.FetchedAt), "http_status": nil,
	}
	if d.DuplicateOf != "" {
		m["duplicate_of"] = d.DuplicateOf
	}
	if d.HTTPStatus != 0 {
		m["http_status"] = d.HTTPStatus
	}
	if d.Profile != "" {
		m["_profile"] = d.Profile
	}
	return m
}
