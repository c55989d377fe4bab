package assemble

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSettingsCoverConfig: every Config field has exactly one setting and
// every setting a field, so a key is declared once and nowhere forgotten.
func TestSettingsCoverConfig(t *testing.T) {
	var fields []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := range t.NumField() {
			f := t.Field(i)
			key := prefix + f.Tag.Get("mapstructure")
			if f.Type.Kind() == reflect.Struct && f.Type.String() != "time.Duration" {
				walk(f.Type, key+".")
				continue
			}
			fields = append(fields, key)
		}
	}
	walk(reflect.TypeOf(Config{}), "")
	var keys []string
	for _, s := range Settings() {
		keys = append(keys, s.Key)
	}
	slices.Sort(fields)
	slices.Sort(keys)
	if strings.Join(fields, " ") != strings.Join(keys, " ") {
		t.Errorf("config fields:\n %v\nsettings:\n %v", fields, keys)
	}
	if d := Defaults(); d.Validate() != nil {
		t.Errorf("the defaults do not validate: %v", d.Validate())
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Config)
		want string // "" for valid
	}{
		{"defaults", func(*Config) {}, ""},
		{"format upper case", func(c *Config) { c.Format = "BOTH" }, ""},
		{"bad format", func(c *Config) { c.Format = "csv" }, `format: "csv" is not allowed (allowed: parquet, arrow, both)`},
		{"bad partition key", func(c *Config) { c.Dataset.PartitionBy = []string{"year", "host"} }, `dataset.partition_by: "host"`},
		{"buffer too large", func(c *Config) { c.Pipeline.Buffer = 1 << 30 }, "pipeline.buffer: 1073741824 is out of range (from 1 to 4096)"},
		{"zero timeout", func(c *Config) { c.Pipeline.PageTimeout = 0 }, "pipeline.page_timeout: 0s is out of range (from 1ms to 1h0m0s)"},
		{"negative max bytes", func(c *Config) { c.Fetch.MaxBytes = -1 }, "fetch.max_bytes"},
	}
	for _, c := range cases {
		cfg := Defaults()
		c.edit(cfg)
		err := cfg.Validate()
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func TestCheckPaths(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/f.txt"
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		in, urls, out string
		want          string
	}{
		{dir + "/pages", "", dir + "/out", ""},
		{dir + "/pages", "", "", "--output"},
		{"", "", dir + "/out", "--input"},
		{dir + "/pages", "u.txt", dir + "/out", "not both"},
		{dir + "/pages", "", file, "is a file"},
		{dir, "", dir + "/out", "inside --input"},
		{dir, "", dir, "inside --input"},
		{dir + "/pages", "", dir + "/pages/../pages/out", "inside --input"},
		{"", "u.txt", dir + "/out", ""},
	}
	for _, c := range cases {
		cfg := Defaults()
		cfg.Input, cfg.URLs, cfg.Output = c.in, c.urls, c.out
		err := checkPaths(cfg)
		if (c.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c, err, c.want)
		}
	}
}

func TestResolveShard(t *testing.T) {
	cases := []struct {
		shard  string
		shards int
		env    map[string]string
		want   Shard
		err    string
	}{
		{"", 0, nil, Shard{}, ""},
		{"2/4", 0, nil, Shard{2, 4, ""}, ""},
		{"4/4", 0, nil, Shard{}, "index from 0 to 3"},
		{"0/0", 0, nil, Shard{}, "at least 1"},
		{"x", 0, nil, Shard{}, "want I/N"},
		{"", 8, map[string]string{"JOB_COMPLETION_INDEX": "3"}, Shard{3, 8, ""}, ""},
		{"", 0, map[string]string{"JOB_COMPLETION_INDEX": "3"}, Shard{}, "--shards"},
		{"", 4, map[string]string{"JOB_COMPLETION_INDEX": "4"}, Shard{}, "index from 0 to 3"},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_JOB_ID": "77"}, Shard{4, 8, "77"}, ""},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "5"}, Shard{}, "numbers"},
		{"", 3, nil, Shard{}, "without a shard index"},
		{"1/2", 0, map[string]string{"JOB_COMPLETION_INDEX": "0"}, Shard{1, 2, ""}, ""}, // the flag wins
	}
	for _, c := range cases {
		cfg := Defaults()
		cfg.Shard, cfg.Shards = c.shard, c.shards
		got, err := ResolveShard(cfg, func(k string) string { return c.env[k] })
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%+v: error %v, want %q", c, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%+v: %+v, %v", c, got, err)
		}
	}
	// Every source is in exactly one shard.
	for _, src := range []string{"a.html", "b/c.html", "https://x.example/1", "d.warc.gz"} {
		n := 0
		for i := range 5 {
			if (Shard{Index: i, Count: 5}).Keeps(src) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s is in %d of 5 shards", src, n)
		}
	}
}
