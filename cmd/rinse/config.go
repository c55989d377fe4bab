package main

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is the typed form of configs/rinse.yaml. It is parsed once at
// start-up (file < RINSE_* env < flags) and handed to the library as
// options; nothing below cmd/rinse reads viper.
type Config struct {
	Input    string `mapstructure:"input"`
	Output   string `mapstructure:"output"`
	URLs     string `mapstructure:"urls"`
	Format   string `mapstructure:"format"`
	Workers  int    `mapstructure:"workers"`
	Full     bool   `mapstructure:"full"`
	Prune    bool   `mapstructure:"prune"`
	Strict   bool   `mapstructure:"strict"`
	Progress string `mapstructure:"progress"`
	Log      struct {
		Level  string `mapstructure:"level"`
		Format string `mapstructure:"format"`
	} `mapstructure:"log"`
	Pipeline struct {
		DecodeWorkers    int           `mapstructure:"decode_workers"`
		ExtractWorkers   int           `mapstructure:"extract_workers"`
		TransformWorkers int           `mapstructure:"transform_workers"`
		FetchWorkers     int           `mapstructure:"fetch_workers"`
		Buffer           int           `mapstructure:"buffer"`
		PageTimeout      time.Duration `mapstructure:"page_timeout"`
		MaxPageBytes     int64         `mapstructure:"max_page_bytes"`
		MemoryLimit      int64         `mapstructure:"memory_limit"`
	} `mapstructure:"pipeline"`
	Extract struct {
		Profiles     []string `mapstructure:"profiles"`
		KeepComments bool     `mapstructure:"keep_comments"`
		MinWords     int      `mapstructure:"min_words"`
		Languages    []string `mapstructure:"languages"`
	} `mapstructure:"extract"`
	Entities struct {
		Gazetteers []string `mapstructure:"gazetteers"`
	} `mapstructure:"entities"`
	Dataset struct {
		PartitionBy   []string `mapstructure:"partition_by"`
		Compression   string   `mapstructure:"compression"`
		RowGroupBytes int64    `mapstructure:"row_group_bytes"`
		FileBytes     int64    `mapstructure:"file_bytes"`
		Dedup         string   `mapstructure:"dedup"`
	} `mapstructure:"dataset"`
	Fetch FetchConfig `mapstructure:"fetch"`
}

// FetchConfig configures the URL fetch stage.
type FetchConfig struct {
	UserAgent            string        `mapstructure:"user_agent"`
	Timeout              time.Duration `mapstructure:"timeout"`
	ConnectTimeout       time.Duration `mapstructure:"connect_timeout"`
	MaxBytes             int64         `mapstructure:"max_bytes"`
	MaxRedirects         int           `mapstructure:"max_redirects"`
	Retries              int           `mapstructure:"retries"`
	PerHostRate          float64       `mapstructure:"per_host_rate"`
	PerHostBurst         int           `mapstructure:"per_host_burst"`
	PerHostConcurrency   int           `mapstructure:"per_host_concurrency"`
	RespectRobots        bool          `mapstructure:"respect_robots"`
	AllowPrivateNetworks bool          `mapstructure:"allow_private_networks"`
	Archive              string        `mapstructure:"archive"`
}

// defaults gives every key a value, so RINSE_* variables reach keys the
// config file does not mention (viper only maps env for known keys).
// configs/rinse.yaml documents the same keys; a test keeps them in step.
var defaults = map[string]any{
	"input": "", "output": "", "urls": "", "format": "parquet", "workers": 0,
	"full": false, "prune": false, "strict": false, "progress": "auto",
	"log.level": "info", "log.format": "auto",
	"pipeline.decode_workers": 1, "pipeline.extract_workers": 0, "pipeline.transform_workers": 0,
	"pipeline.fetch_workers": 16, "pipeline.buffer": 16, "pipeline.page_timeout": "10s",
	"pipeline.max_page_bytes": 8 << 20, "pipeline.memory_limit": 192 << 20,
	"extract.profiles": []string{}, "extract.keep_comments": false, "extract.min_words": 5,
	"extract.languages":    []string{},
	"entities.gazetteers":  []string{},
	"dataset.partition_by": []string{}, "dataset.compression": "zstd",
	"dataset.row_group_bytes": 64 << 20, "dataset.file_bytes": 256 << 20, "dataset.dedup": "near",
	"fetch.user_agent": "rinse/" + version + " (+https://github.com/rinse-etl/rinse)",
	"fetch.timeout":    "30s", "fetch.connect_timeout": "10s", "fetch.max_bytes": 10 << 20,
	"fetch.max_redirects": 5, "fetch.retries": 3, "fetch.per_host_rate": 1.0, "fetch.per_host_burst": 1,
	"fetch.per_host_concurrency": 2, "fetch.respect_robots": true, "fetch.allow_private_networks": false,
	"fetch.archive": "",
}

// flagKeys binds command-line flags to config keys.
var flagKeys = map[string]string{
	"input": "input", "output": "output", "urls": "urls", "format": "format", "workers": "workers",
	"full": "full", "prune": "prune", "strict": "strict", "progress": "progress", "log-level": "log.level",
	"log-format": "log.format", "partition-by": "dataset.partition_by", "archive": "fetch.archive",
	"allow-private-networks": "fetch.allow_private_networks", "min-words": "extract.min_words",
	"keep-comments": "extract.keep_comments", "page-timeout": "pipeline.page_timeout",
	"user-agent": "fetch.user_agent",
}

// enums lists the allowed values of enumerated keys.
var enums = map[string][]string{
	"format":              {"parquet", "arrow", "both"},
	"progress":            {"auto", "always", "never"},
	"log.level":           {"debug", "info", "warn", "error"},
	"log.format":          {"auto", "json", "console"},
	"dataset.compression": {"zstd", "snappy", "gzip", "lz4", "none"},
	"dataset.dedup":       {"exact", "near", "none"},
}

// loadConfig merges defaults, the config file, RINSE_* env and the flags
// that were set, then decodes and validates the result.
func loadConfig(file string, flags *pflag.FlagSet) (*Config, error) {
	v := viper.New()
	for k, d := range defaults {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix("RINSE")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("reading config %s: %w", file, err)
		}
		if err := checkKeys(v.AllKeys()); err != nil {
			return nil, fmt.Errorf("config %s: %w", file, err)
		}
	}
	if flags != nil {
		for name, key := range flagKeys {
			if f := flags.Lookup(name); f != nil && f.Changed {
				if err := v.BindPFlag(key, f); err != nil {
					return nil, err
				}
			}
		}
	}
	var cfg Config
	dec := viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(",")))
	if err := v.UnmarshalExact(&cfg, dec); err != nil {
		return nil, fmt.Errorf("decoding config: %w", err)
	}
	if err := cfg.validate(v); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// checkKeys rejects keys rinse does not know, naming the allowed ones.
func checkKeys(keys []string) error {
	for _, k := range keys {
		if _, ok := defaults[k]; ok {
			continue
		}
		section := ""
		if i := strings.LastIndex(k, "."); i >= 0 {
			section = k[:i+1]
		}
		var allowed []string
		for d := range defaults {
			if strings.HasPrefix(d, section) && !strings.Contains(d[len(section):], ".") {
				allowed = append(allowed, d)
			}
		}
		sort.Strings(allowed)
		return fmt.Errorf("unknown key %q (allowed: %s)", k, strings.Join(allowed, ", "))
	}
	return nil
}

func (c *Config) validate(v *viper.Viper) error {
	for key, allowed := range enums {
		if val := v.GetString(key); !slices.Contains(allowed, strings.ToLower(val)) {
			return fmt.Errorf("config key %s: %q is not allowed (allowed: %s)", key, val, strings.Join(allowed, ", "))
		}
	}
	nonNeg := map[string]int64{
		"workers": int64(c.Workers), "pipeline.buffer": int64(c.Pipeline.Buffer),
		"pipeline.max_page_bytes": c.Pipeline.MaxPageBytes, "extract.min_words": int64(c.Extract.MinWords),
		"pipeline.memory_limit":   c.Pipeline.MemoryLimit,
		"dataset.row_group_bytes": c.Dataset.RowGroupBytes, "dataset.file_bytes": c.Dataset.FileBytes,
	}
	for key, n := range nonNeg {
		if n < 0 {
			return fmt.Errorf("config key %s: %d must not be negative", key, n)
		}
	}
	if c.Pipeline.PageTimeout <= 0 {
		return fmt.Errorf("config key pipeline.page_timeout: %s must be positive (e.g. 10s)", c.Pipeline.PageTimeout)
	}
	for _, k := range c.Dataset.PartitionBy {
		if !slices.Contains([]string{"site", "year", "language", "none"}, k) {
			return fmt.Errorf("config key dataset.partition_by: %q is not allowed (allowed: site, year, language, none)", k)
		}
	}
	c.Format = strings.ToLower(c.Format)
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	return nil
}

// partitionKeys drops the "none" placeholder.
func (c *Config) partitionKeys() []string {
	var out []string
	for _, k := range c.Dataset.PartitionBy {
		if k != "none" {
			out = append(out, k)
		}
	}
	return out
}
