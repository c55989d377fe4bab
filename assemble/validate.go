package assemble

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Validate checks every key of c against its setting: allowed values and
// bounds. The error names the key, the value and what is allowed.
func (c *Config) Validate() error {
	c.Format = strings.ToLower(c.Format)
	for _, s := range settings {
		v, err := get(c, s.Key)
		if err != nil {
			return err
		}
		if err := s.check(v); err != nil {
			return &SettingError{Key: s.Key, Err: err}
		}
	}
	if len(c.Dataset.PartitionBy) > 1 && slices.Contains(c.Dataset.PartitionBy, "none") {
		return &SettingError{Key: "dataset.partition_by",
			Err: fmt.Errorf("%q mixes none with keys (none alone means no partitions)", strings.Join(c.Dataset.PartitionBy, ","))}
	}
	c.resolve()
	return nil
}

// SettingError is a bad value of one key; a caller that knows where the
// value came from (file and line, environment, flag) can say so.
type SettingError struct {
	Key string
	Err error
	// Source, when set, says where the value came from.
	Source string
}

func (e *SettingError) Error() string {
	msg := "config key " + e.Key + ": " + e.Err.Error()
	if e.Source != "" {
		msg += " (" + e.Source + ")"
	}
	return msg
}

func (e *SettingError) Unwrap() error { return e.Err }

func (s Setting) check(v any) error {
	if s.Allowed != nil {
		allowed := s.Allowed()
		vals := []string{}
		switch x := v.(type) {
		case string:
			vals = append(vals, x)
		case []string:
			vals = x
		}
		for _, x := range vals {
			if !slices.Contains(allowed, strings.ToLower(x)) {
				return fmt.Errorf("%q is not allowed (allowed: %s)", x, strings.Join(allowed, ", "))
			}
		}
	}
	n, isNum := number(v)
	if !isNum {
		return nil
	}
	if s.Min != nil && n < *s.Min || s.Max != nil && n > *s.Max {
		return fmt.Errorf("%v is out of range (%s)", v, s.rangeText(v))
	}
	return nil
}

func (s Setting) rangeText(v any) string {
	f := func(x float64) string {
		if _, ok := v.(time.Duration); ok {
			return (time.Duration(x * float64(time.Second))).String()
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	switch {
	case s.Min != nil && s.Max != nil:
		return "from " + f(*s.Min) + " to " + f(*s.Max)
	case s.Min != nil:
		return "at least " + f(*s.Min)
	}
	return "at most " + f(*s.Max)
}

// number reads a numeric setting; durations count in seconds.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case time.Duration:
		return x.Seconds(), true
	}
	return 0, false
}

// field finds the field of c a dotted key names, by mapstructure tags.
func field(c *Config, key string) (reflect.Value, error) {
	v := reflect.ValueOf(c).Elem()
	for _, part := range strings.Split(key, ".") {
		t := v.Type()
		found := false
		for i := range t.NumField() {
			if t.Field(i).Tag.Get("mapstructure") == part {
				v, found = v.Field(i), true
				break
			}
		}
		if !found {
			return reflect.Value{}, fmt.Errorf("assemble: no config field for key %s", key)
		}
	}
	return v, nil
}

func get(c *Config, key string) (any, error) {
	f, err := field(c, key)
	if err != nil {
		return nil, err
	}
	return f.Interface(), nil
}

func set(c *Config, key string, v any) error {
	f, err := field(c, key)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if !rv.Type().AssignableTo(f.Type()) {
		return fmt.Errorf("default of type %s for a field of type %s", rv.Type(), f.Type())
	}
	if s, ok := v.([]string); ok {
		rv = reflect.ValueOf(slices.Clone(s))
	}
	f.Set(rv)
	return nil
}
