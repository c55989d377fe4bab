package assemble

import (
	"time"
)

// Config is a run's configuration in typed form: configs/rinse.yaml as
// the CLI reads it (file < RINSE_* env < flags). Settings declares every
// key once, with its default, allowed values, flag and help; Validate
// checks a Config against it. Library users may fill a Config by hand.
type Config struct {
	Input string `mapstructure:"input"`
	// InputFollowSymlinks follows links that stay inside Input.
	InputFollowSymlinks bool          `mapstructure:"input_follow_symlinks"`
	Output              string        `mapstructure:"output"`
	WorkDir             string        `mapstructure:"work_dir"`
	URLs                string        `mapstructure:"urls"`
	Format              string        `mapstructure:"format"`
	Workers             int           `mapstructure:"workers"`
	Full                bool          `mapstructure:"full"`
	Prune               bool          `mapstructure:"prune"`
	Strict              bool          `mapstructure:"strict"`
	Shard               string        `mapstructure:"shard"`
	Shards              int           `mapstructure:"shards"`
	Job                 string        `mapstructure:"job"`
	Progress            string        `mapstructure:"progress"`
	ProgressInterval    time.Duration `mapstructure:"progress_interval"`
	Log                 struct {
		Level  string `mapstructure:"level"`
		Format string `mapstructure:"format"`
	} `mapstructure:"log"`
	Pipeline PipelineConfig `mapstructure:"pipeline"`
	Extract  struct {
		Profiles     []string `mapstructure:"profiles"`
		KeepComments bool     `mapstructure:"keep_comments"`
		MinWords     int      `mapstructure:"min_words"`
		Languages    []string `mapstructure:"languages"`
	} `mapstructure:"extract"`
	Entities struct {
		Gazetteers []string `mapstructure:"gazetteers"`
	} `mapstructure:"entities"`
	Dataset DatasetConfig `mapstructure:"dataset"`
	Fetch   FetchConfig   `mapstructure:"fetch"`
}

// PipelineConfig tunes the engine.
type PipelineConfig struct {
	DecodeWorkers    int           `mapstructure:"decode_workers"`
	ExtractWorkers   int           `mapstructure:"extract_workers"`
	TransformWorkers int           `mapstructure:"transform_workers"`
	FetchWorkers     int           `mapstructure:"fetch_workers"`
	Buffer           int           `mapstructure:"buffer"`
	PageTimeout      time.Duration `mapstructure:"page_timeout"`
	MaxPageBytes     int64         `mapstructure:"max_page_bytes"`
	MaxDOMNodes      int           `mapstructure:"max_dom_nodes"`
	MemoryLimit      int64         `mapstructure:"memory_limit"`
}

// DatasetConfig shapes the dataset written.
type DatasetConfig struct {
	PartitionBy   []string `mapstructure:"partition_by"`
	Compression   string   `mapstructure:"compression"`
	RowGroupBytes int64    `mapstructure:"row_group_bytes"`
	FileBytes     int64    `mapstructure:"file_bytes"`
	Dedup         string   `mapstructure:"dedup"`
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

// PartitionKeys are the partition keys without the "none" placeholder.
func (c *Config) PartitionKeys() []string {
	var out []string
	for _, k := range c.Dataset.PartitionBy {
		if k != "none" {
			out = append(out, k)
		}
	}
	return out
}

func or(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
