package assemble

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/extract"
	"github.com/rinse-etl/rinse/load"
	"github.com/rinse-etl/rinse/load/table"
	"github.com/rinse-etl/rinse/pipeline"
	"github.com/rinse-etl/rinse/source/fetch"
)

// Setting declares one configuration key, once: the defaults, the
// command-line flags, the RINSE_* environment overrides, validation and
// the test that configs/rinse.yaml documents every key all come from the
// table Settings returns.
type Setting struct {
	Key string
	// Default is the key's default; its type is the key's: string, bool,
	// int, int64, float64, time.Duration or []string.
	Default any
	// Flag is the flag of `rinse run` setting the key ("" for none);
	// Short its one-letter form, if any.
	Flag, Short string
	Help        string
	// Allowed returns the allowed values of an enumerated key (of each
	// element, for a list); nil allows any.
	Allowed func() []string
	// Min and Max bound a number (a duration in seconds); nil, none.
	Min, Max *float64
}

func bound(v float64) *float64 { return &v }

func values(v ...string) func() []string { return func() []string { return v } }

var (
	pd = pipeline.DefaultOptions()
	fd = fetch.DefaultOptions()
)

// mib are the sizes a few bounds use.
const mib = 1 << 20

// settings is the table. Defaults come from the libraries where they have
// one, so a default is written down once.
var settings = []Setting{
	{Key: "input", Default: "", Flag: "input", Short: "i", Help: "directory, page file or WARC archive to read"},
	{Key: "input_follow_symlinks", Default: false, Flag: "follow-symlinks", Help: "follow symbolic links that stay inside the input (others are skipped)"},
	{Key: "output", Default: "", Flag: "output", Short: "o", Help: "dataset directory to write"},
	{Key: "work_dir", Default: "", Flag: "work-dir", Help: "local directory for a bucket output's staging and state (default: the user cache directory)"},
	{Key: "urls", Default: "", Flag: "urls", Help: "file of URLs to fetch, one per line (- for stdin)"},
	{Key: "format", Default: load.DefaultFormat, Flag: "format", Help: "output format", Allowed: load.Formats},
	{Key: "workers", Default: 0, Flag: "workers", Help: "extract/transform workers (0 = number of CPUs)", Min: bound(0), Max: bound(1024)},
	{Key: "full", Default: false, Flag: "full", Help: "process every input again; rows of inputs gone are removed once it completes"},
	{Key: "prune", Default: false, Flag: "prune", Help: "remove the rows of inputs a complete run did not see (by default they are kept)"},
	{Key: "shard", Default: "", Flag: "shard", Help: "process shard I of N (I/N, from 0) of a sharded job; default from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID"},
	{Key: "shards", Default: 0, Flag: "shards", Help: "number of shards when the index comes from JOB_COMPLETION_INDEX (Kubernetes)", Min: bound(0), Max: bound(100000)},
	{Key: "job", Default: "", Flag: "job", Help: "name of the sharded job, for rinse stats (default SLURM_ARRAY_JOB_ID)"},
	{Key: "strict", Default: false, Flag: "strict", Help: "exit 3 when any page was quarantined"},
	{Key: "progress", Default: "auto", Flag: "progress", Help: "progress: a bar on a terminal and log events elsewhere (auto), the bar (always), log events (log), none (never)",
		Allowed: values("auto", "always", "log", "never")},
	{Key: "progress_interval", Default: 10 * time.Second, Flag: "progress-interval", Help: "time between progress log events", Min: bound(0.1), Max: bound(3600)},
	{Key: "log.level", Default: "info", Flag: "log-level", Help: "log level", Allowed: values("debug", "info", "warn", "error")},
	{Key: "log.format", Default: "auto", Flag: "log-format", Help: "log format", Allowed: values("auto", "json", "console")},

	{Key: "pipeline.decode_workers", Default: pd.Workers.Decode, Help: "charset decoding workers", Min: bound(1), Max: bound(1024)},
	{Key: "pipeline.extract_workers", Default: 0, Help: "extract workers (0 = workers)", Min: bound(0), Max: bound(1024)},
	{Key: "pipeline.transform_workers", Default: 0, Help: "transform workers (0 = workers)", Min: bound(0), Max: bound(1024)},
	{Key: "pipeline.fetch_workers", Default: pd.Workers.Fetch, Help: "global fetch concurrency", Min: bound(1), Max: bound(1024)},
	{Key: "pipeline.buffer", Default: pd.Buffer, Help: "capacity of each channel between stages", Min: bound(1), Max: bound(4096)},
	{Key: "pipeline.page_timeout", Default: pd.PageTimeout, Flag: "page-timeout", Help: "time budget of one page", Min: bound(0.001), Max: bound(3600)},
	{Key: "pipeline.max_page_bytes", Default: int64(8 * mib), Help: "larger pages are quarantined as too-large", Min: bound(1), Max: bound(1 << 30)},
	{Key: "pipeline.max_dom_nodes", Default: extract.DefaultMaxDOMNodes, Help: "pages whose parse tree may pass this many nodes and attributes are quarantined as too-complex", Min: bound(1000), Max: bound(1e8)},
	{Key: "pipeline.memory_limit", Default: int64(192 * mib), Help: "soft heap limit (0 = none; GOMEMLIMIT wins)", Min: bound(0)},

	{Key: "extract.profiles", Default: []string{}, Help: "extra site-profile files or directories"},
	{Key: "extract.keep_comments", Default: false, Flag: "keep-comments", Help: "keep comment sections in the main text"},
	{Key: "extract.min_words", Default: 5, Flag: "min-words", Help: "reject documents with fewer words", Min: bound(0), Max: bound(1e6)},
	{Key: "extract.languages", Default: []string{}, Help: "ISO 639-1 codes to keep (empty keeps all)"},
	{Key: "entities.gazetteers", Default: []string{}, Help: "extra gazetteer files merged over the bundled one"},

	{Key: "dataset.partition_by", Default: []string{}, Flag: "partition-by", Help: "Hive partition keys (default none: flat files sorted by site)",
		Allowed: func() []string { return append(load.PartitionKeys(), "none") }},
	{Key: "dataset.compression", Default: load.DefaultCompression, Help: "file compression", Allowed: table.Compressions},
	{Key: "dataset.row_group_bytes", Default: int64(load.DefaultRowGroupBytes), Help: "close a Parquet row group at this compressed size", Min: bound(1024)},
	{Key: "dataset.file_bytes", Default: int64(load.DefaultFileBytes), Help: "roll to a new file at this size", Min: bound(1024)},
	{Key: "dataset.dedup", Default: load.DefaultDedup, Help: "duplicate handling", Allowed: load.DedupModes},

	{Key: "fetch.user_agent", Default: fd.UserAgent, Flag: "user-agent", Help: "User-Agent for fetching"},
	{Key: "fetch.timeout", Default: fd.Timeout, Help: "whole request, body included", Min: bound(0.001), Max: bound(3600)},
	{Key: "fetch.connect_timeout", Default: fd.ConnectTimeout, Help: "connecting", Min: bound(0.001), Max: bound(3600)},
	{Key: "fetch.max_bytes", Default: int64(fd.MaxBytes), Help: "larger bodies are quarantined as too-large", Min: bound(1), Max: bound(1 << 30)},
	{Key: "fetch.max_redirects", Default: fd.MaxRedirects, Help: "redirects followed", Min: bound(0), Max: bound(100)},
	{Key: "fetch.retries", Default: fd.Retries, Help: "retries on 5xx and 429", Min: bound(0), Max: bound(100)},
	{Key: "fetch.per_host_rate", Default: fd.PerHostRate, Help: "requests per second per host", Min: bound(0.001), Max: bound(1000)},
	{Key: "fetch.per_host_burst", Default: fd.PerHostBurst, Help: "burst of requests per host", Min: bound(1), Max: bound(1000)},
	{Key: "fetch.per_host_concurrency", Default: fd.PerHostConcurrency, Help: "requests at once per host", Min: bound(1), Max: bound(1000)},
	{Key: "fetch.respect_robots", Default: fd.RespectRobots, Help: "honour robots.txt"},
	{Key: "fetch.allow_private_networks", Default: false, Flag: "allow-private-networks", Help: "allow fetching loopback, private and link-local addresses"},
	{Key: "fetch.archive", Default: "", Flag: "archive", Help: "also write fetched responses to this WARC.gz file"},
}

// Settings returns the table of every configuration key.
func Settings() []Setting { return settings }

// EnvName is the environment variable that sets key: RINSE_ and the key
// in capitals, dots as underscores.
func EnvName(key string) string {
	return "RINSE_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Lookup returns the setting of key.
func Lookup(key string) (Setting, bool) {
	for _, s := range settings {
		if s.Key == key {
			return s, true
		}
	}
	return Setting{}, false
}

// Defaults returns a Config holding every default, as a run with no
// configuration file, environment or flags would have.
func Defaults() *Config {
	c := &Config{}
	for _, s := range settings {
		if err := set(c, s.Key, s.Default); err != nil {
			panic(fmt.Sprintf("assemble: setting %s: %v", s.Key, err))
		}
	}
	return c
}

// resolve fills what a zero means: workers are the CPUs.
func (c *Config) resolve() {
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
}

var _ = rinse.Version
