package load

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestEscapePartition(t *testing.T) {
	cases := []struct{ in, want string }{
		{"example.com", "example.com"},
		{"", "unknown"},
		{"../../etc", "%2E.%2F..%2Fetc"},
		{"a/b", "a%2Fb"},
		{".hidden", "%2Ehidden"},
		{"_tmp", "%5Ftmp"},
		{"naïve", "na%C3%AFve"},
		{"a=b", "a%3Db"},
	}
	for _, c := range cases {
		if got := EscapePartition(c.in); got != c.want {
			t.Errorf("EscapePartition(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzEscapePartition(f *testing.F) {
	for _, s := range []string{"", "..", "a/../b", "x\x00y", strings.Repeat("é", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := EscapePartition(s)
		if e == "" || e == "." || e == ".." || strings.ContainsAny(e, "/\\\x00") || len(e) > 140 {
			t.Fatalf("unsafe partition value %q for %q", e, s)
		}
		if filepath.Clean("documents/site="+e) != "documents/site="+e {
			t.Fatalf("value %q changes the path", e)
		}
	})
}
