package main

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/viper"

	"github.com/rinse-etl/rinse/assemble"
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
		{"duration without unit", "pipeline:\n  page_timeout: 10\n", nil, []string{"page_timeout", "no unit"}},
		{"huge buffer", "", map[string]string{"RINSE_PIPELINE_BUFFER": "1000000000"}, []string{"pipeline.buffer", "out of range"}},
		{"huge workers", "workers: 1000000000\n", nil, []string{"workers", "from 0 to 1024"}},
		{"zero rate", "fetch:\n  per_host_rate: 0\n", nil, []string{"fetch.per_host_rate", "out of range"}},
		{"negative retries", "fetch:\n  retries: -1\n", nil, []string{"fetch.retries"}},
		{"negative timeout", "fetch:\n  timeout: -1s\n", nil, []string{"fetch.timeout"}},
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
// documented defaults, in step with the settings table: the same keys,
// and decoded, the same values.
func TestDefaultConfigFileMatchesDefaults(t *testing.T) {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(strings.NewReader(string(configs.Default))); err != nil {
		t.Fatal(err)
	}
	got := v.AllKeys()
	var want []string
	for _, s := range assemble.Settings() {
		want = append(want, s.Key)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("configs/rinse.yaml keys:\n %v\nsettings:\n %v", got, want)
	}
	cfg, err := loadConfig(writeConfig(t, string(configs.Default)), nil)
	if err != nil {
		t.Fatalf("the shipped config must load: %v", err)
	}
	def := assemble.Defaults()
	if err := def.Validate(); err != nil {
		t.Fatalf("the defaults must validate: %v", err)
	}
	if !reflect.DeepEqual(cfg, def) {
		t.Errorf("configs/rinse.yaml decodes as\n %+v\nthe defaults are\n %+v", cfg, def)
	}
}
