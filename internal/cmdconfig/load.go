package cmdconfig

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/rinse-etl/rinse/assemble"
)

// Load merges the defaults, the config file, RINSE_* env and the
// flags that were set (in that order of precedence, lowest first), then
// decodes and validates the result. Every key, default, flag and allowed
// value comes from assemble.Settings.
func Load(file string, flags *pflag.FlagSet) (*assemble.Config, error) {
	if err := checkEnv(); err != nil {
		return nil, err
	}
	v := viper.New()
	for _, s := range assemble.Settings() {
		// Every key has a default, so RINSE_* variables reach keys the
		// config file does not mention (viper only maps env for known keys).
		v.SetDefault(s.Key, s.Default)
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
		for _, s := range assemble.Settings() {
			if f := flags.Lookup(s.Flag); s.Flag != "" && f != nil && f.Changed {
				if err := v.BindPFlag(s.Key, f); err != nil {
					return nil, err
				}
			}
		}
	}
	var cfg assemble.Config
	dec := viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		durationNeedsUnit, mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(",")))
	if err := v.UnmarshalExact(&cfg, dec); err != nil {
		where := "decoding config"
		if file != "" {
			where = "config " + file
		}
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, withSource(err, file, flags)
	}
	return &cfg, nil
}

// durationNeedsUnit refuses a bare number for a duration: YAML's
// `page_timeout: 10` would otherwise be 10 nanoseconds.
func durationNeedsUnit(from, to reflect.Type, data any) (any, error) {
	if to != reflect.TypeOf(time.Duration(0)) || from == to {
		return data, nil
	}
	switch from.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Float64, reflect.Float32, reflect.Uint, reflect.Uint64:
		return nil, fmt.Errorf("duration %v has no unit (write e.g. %vs)", data, data)
	}
	return data, nil
}

// checkKeys rejects keys rinse does not know, naming the allowed ones.
func checkKeys(keys []string) error {
	for _, k := range keys {
		if _, ok := assemble.Lookup(k); ok {
			continue
		}
		section := ""
		if i := strings.LastIndex(k, "."); i >= 0 {
			section = k[:i+1]
		}
		var allowed []string
		for _, s := range assemble.Settings() {
			if strings.HasPrefix(s.Key, section) && !strings.Contains(s.Key[len(section):], ".") {
				allowed = append(allowed, s.Key)
			}
		}
		sort.Strings(allowed)
		return fmt.Errorf("unknown key %q (allowed: %s)", k, strings.Join(allowed, ", "))
	}
	return nil
}

// AddFlags defines a flag for every setting that has one, typed by
// its default, with its help and allowed values.
func AddFlags(f *pflag.FlagSet) {
	for _, s := range assemble.Settings() {
		if s.Flag == "" {
			continue
		}
		help := s.Help
		if s.Allowed != nil {
			help += ": " + strings.Join(s.Allowed(), ", ")
		}
		switch d := s.Default.(type) {
		case string:
			f.StringP(s.Flag, s.Short, d, help)
		case bool:
			f.Bool(s.Flag, d, help)
		case int:
			f.Int(s.Flag, d, help)
		case int64:
			f.Int64(s.Flag, d, help)
		case float64:
			f.Float64(s.Flag, d, help)
		case time.Duration:
			f.Duration(s.Flag, d, help)
		case []string:
			f.StringSlice(s.Flag, d, help)
		default:
			panic(fmt.Sprintf("setting %s: no flag for a default of type %T", s.Key, d))
		}
	}
}
