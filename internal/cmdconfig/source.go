package cmdconfig

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/rinse-etl/rinse/assemble"
)

// settingSource says where the value of key came from, for error
// messages: the flag, the environment variable, or the config file's
// line (precedence: flags > environment > file > default).
func settingSource(key, file string, flags *pflag.FlagSet) string {
	s, _ := assemble.Lookup(key)
	if flags != nil && s.Flag != "" {
		if f := flags.Lookup(s.Flag); f != nil && f.Changed {
			return "set by --" + s.Flag + "=" + f.Value.String()
		}
	}
	if v, ok := os.LookupEnv(assemble.EnvName(key)); ok {
		return "set by " + assemble.EnvName(key) + "=" + v
	}
	if file != "" {
		if line := yamlLine(file, key); line > 0 {
			return fmt.Sprintf("set in %s, line %d", file, line)
		}
	}
	return "the default"
}

// yamlLine finds the line of a dotted key in a YAML file, 0 if absent.
func yamlLine(file, key string) int {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	var root yaml.Node
	if yaml.Unmarshal(b, &root) != nil || len(root.Content) == 0 {
		return 0
	}
	n := root.Content[0]
	for _, part := range strings.Split(key, ".") {
		next := (*yaml.Node)(nil)
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				if part == key[strings.LastIndex(key, ".")+1:] {
					return n.Content[i].Line
				}
				next = n.Content[i+1]
				break
			}
		}
		if next == nil {
			return 0
		}
		n = next
	}
	return 0
}

// withSource adds where a bad value came from to a setting error.
func withSource(err error, file string, flags *pflag.FlagSet) error {
	var se *assemble.SettingError
	if errors.As(err, &se) && se.Source == "" {
		se.Source = settingSource(se.Key, file, flags)
	}
	return err
}

// checkEnv refuses RINSE_* variables that set no key: a misspelt one
// (RINSE_FORAMT) would otherwise be ignored without a word.
func checkEnv() error {
	known := map[string]bool{}
	var names []string
	for _, s := range assemble.Settings() {
		known[assemble.EnvName(s.Key)] = true
		names = append(names, assemble.EnvName(s.Key))
	}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "RINSE_") && !known[name] {
			sort.Strings(names)
			return fmt.Errorf("environment variable %s sets no configuration key%s", name, closest(name, names))
		}
	}
	return nil
}

// closest suggests the known name nearest to a misspelt one.
func closest(name string, names []string) string {
	best, dist := "", 4
	for _, n := range names {
		if d := editDistance(name, n); d < dist {
			best, dist = n, d
		}
	}
	if best == "" {
		return " (see configs/rinse.yaml for the keys)"
	}
	return " (did you mean " + best + "?)"
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
