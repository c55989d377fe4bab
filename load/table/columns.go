package table

// ColumnDocs describes every column of Schema and QuarantineSchema; `rinse
// schema` prints it and docs/schema.md repeats it.
var ColumnDocs = map[string]string{
	"id":               "stable hash of source (hex, 32 chars): the same input always has the same id",
	"source":           "input path relative to --input ('/'-separated, .gz kept), archive#record, or URL",
	"url":              "canonical URL (link rel=canonical, og:url), else the fetched/archived URL; '' if unknown",
	"site":             "host of url without www., else the site profile's site name; '' if unknown",
	"title":            "headline, site-name prefixes/suffixes removed",
	"author":           "author(s), several joined by '; '",
	"site_name":        "publisher / site name (og:site_name, JSON-LD publisher)",
	"description":      "meta/og description",
	"categories":       "sections or categories",
	"tags":             "tags, keywords and hashtags (without '#')",
	"text":             "main text; paragraphs separated by a blank line",
	"language":         "ISO 639-1 code of the main text, '' if unsure",
	"published_at":     "publication time in UTC; a day-only date is midnight UTC; null if unknown",
	"updated_at":       "last modification time in UTC; null if unknown",
	"dates":            "dates mentioned in the text, in order: text as written, date (first day of the period), precision day|month|year|decade",
	"entities":         "named entities under canonical names: name, type (country, organization, person, place, other), mentions in text",
	"word_count":       "words in text (CJK characters count one each)",
	"content_hash":     "hash of text ignoring case and spacing: equal hashes are exact duplicates",
	"processed_at":     "when this row was produced (UTC)",
	"pipeline_version": "rinse version that produced the row",
	"duplicate_of":     "v2: id of the kept row this one nearly duplicates; null otherwise",
	"fetched_at":       "v2: when the page was fetched or archived (UTC); null for files",
	"http_status":      "v2: HTTP status of the fetch or archived response; null for files",
	"stage":            "quarantine: stage that failed (read, fetch, decode, extract, transform, sequential)",
	"reason":           "quarantine: short reason (empty, binary, no-content, too-large, timeout, http-404, ...)",
	"error":            "quarantine: full error text",
	"quarantined_at":   "quarantine: when the page was quarantined (UTC)",
	"run_id":           "quarantine: the run that quarantined it",
}
