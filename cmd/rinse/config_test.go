package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/viper"

	"github.com/rinse-etl/rinse/configs"
)

func writeConfig(t *testing.T, yaml string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "rinse.yaml")
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestConfigPrecedence(t *testing.T) {
	file := writeConfig(t, "format: arrow\nworkers: 3\npipeline:\n  page_timeout: 2s\ndataset:\n  partition_by: [language]\n")
	cmd := newRunCmd()
	t.Setenv("RINSE_WORKERS", "5")
	t.Setenv("RINSE_DATASET_COMPRESSION", "snappy")
	t.Setenv("RINSE_DATASET_PARTITION_BY", "site,year")
	if err := cmd.Flags().Parse([]string{"--workers", "7"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := loadConfig(file, cmd.Flags())
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Format != "arrow" {
		t.Errorf("format = %q: the file must override the default", cfg.Format)
	}
	if cfg.Workers != 7 {
		t.Errorf("workers = %d: the flag must override env and file", cfg.Workers)
	}
	if cfg.Dataset.Compression != "snappy" {
		t.Errorf("compression = %q: env must reach a key the file does not set", cfg.Dataset.Compression)
	}
	if strings.Join(cfg.Dataset.PartitionBy, ",") != "site,year" {
		t.Errorf("partition_by = %q: env must override the file", cfg.Dataset.PartitionBy)
	}
	if cfg.Pipeline.PageTimeout != 2*time.Second {
		t.Errorf("page_timeout = %s", cfg.Pipeline.PageTimeout)
	}
}

func TestConfigErrors(t *testing.T) {
	cases := []struct {
		name, yaml string
		env        map[string]string
		want       []string
	}{
		{"unknown top key", "fromat: parquet\n", nil, []string{`unknown key "fromat"`, "format"}},
		{"unknown nested key", "dataset:\n  partitions: [site]\n", nil, []string{`"dataset.partitions"`, "dataset.partition_by"}},
		{"bad enum", "format: csv\n", nil, []string{"format", `"csv"`, "parquet, arrow, both"}},
		{"bad enum from env", "", map[string]string{"RINSE_LOG_LEVEL": "loud"}, []string{"log.level", "debug, info, warn, error"}},
		{"bad partition", "dataset:\n  partition_by: [host]\n", nil, []string{"dataset.partition_by", `"host"`}},
		{"bad duration", "pipeline:\n  page_timeout: soon\n", nil, []string{"page_timeout"}},
		{"negative", "workers: -1\n", nil, []string{"workers"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			_, err := loadConfig(writeConfig(t, c.yaml), nil)
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestDefaultConfigFileMatchesDefaults keeps configs/rinse.yaml, the
// documented defaults, in step with the built-in ones.
func TestDefaultConfigFileMatchesDefaults(t *testing.T) {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(strings.NewReader(string(configs.Default))); err != nil {
		t.Fatal(err)
	}
	got := v.AllKeys()
	var want []string
	for k := range defaults {
		want = append(want, k)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("configs/rinse.yaml keys:\n %v\nbuilt-in defaults:\n %v", got, want)
	}
	p := writeConfig(t, string(configs.Default))
	cfg, err := loadConfig(p, nil)
	if err != nil {
		t.Fatalf("the shipped config must load: %v", err)
	}
	if cfg.Format != "parquet" || cfg.Dataset.Dedup != "near" || cfg.Extract.MinWords != 5 {
		t.Errorf("shipped config decoded as %+v", cfg)
	}
}
