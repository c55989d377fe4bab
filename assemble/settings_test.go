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
