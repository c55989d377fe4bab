package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// Lookup looks s up in a table keyed lower-case, ignoring the case of s,
// without allocating. Words longer than 48 bytes are in no table.
func Lookup[V any](m map[string]V, s string) (V, bool) {
	var buf [48]byte
	b := buf[:0]
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if len(b)+utf8.UTFMax > len(buf) {
			var zero V
			return zero, false
		}
		b = utf8.AppendRune(b, r)
	}
	v, ok := m[string(b)]
	return v, ok
}
