package decode

import (
	"bytes"
	"strings"
)

// magics are signatures of binary formats that turn up under text names.
var magics = []struct {
	prefix string
	kind   string
}{
	{"\x89PNG\r\n\x1a\n", "png image"},
	{"%PDF-", "pdf document"},
	{"PK\x03\x04", "zip archive"},
	{"\x1f\x8b", "gzip stream"},
	{"GIF87a", "gif image"},
	{"GIF89a", "gif image"},
	{"\xff\xd8\xff", "jpeg image"},
	{"RIFF", "riff media"},
	{"\x00\x00\x01\x00", "icon"},
	{"\x00asm", "wasm module"},
	{"\x7fELF", "executable"},
	{"BZh", "bzip2 stream"},
	{"\xfd7zXZ\x00", "xz stream"},
	{"\x28\xb5\x2f\xfd", "zstd stream"},
	{"wOFF", "font"},
	{"wOF2", "font"},
}

// binaryKind names the binary format of body, or "" for text. UTF-16
// with a BOM is text even though it is full of NULs.
func binaryKind(body []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(body, []byte(m.prefix)) {
			return m.kind
		}
	}
	if bytes.HasPrefix(body, []byte("\xfe\xff")) || bytes.HasPrefix(body, []byte("\xff\xfe")) {
		return ""
	}
	head := body
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, c := range head {
		switch {
		case c == 0:
			return "NUL bytes"
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return "control bytes"
	}
	return ""
}

// declaredCharset finds a charset named by a <meta> tag (charset= or
// http-equiv content) or an XML declaration near the start.
func declaredCharset(body []byte) string {
	head := body
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := strings.ToLower(string(head))
	if strings.HasPrefix(strings.TrimSpace(lower), "<?xml") {
		if v := attrAfter(lower, "encoding="); v != "" {
			return v
		}
	}
	for i := 0; ; {
		j := strings.Index(lower[i:], "<meta")
		if j < 0 {
			return ""
		}
		i += j + 5
		end := strings.IndexByte(lower[i:], '>')
		if end < 0 {
			return ""
		}
		if v := attrAfter(lower[i:i+end], "charset="); v != "" {
			return v
		}
	}
}

// attrAfter returns the token after key in s, without quotes.
func attrAfter(s, key string) string {
	k := strings.Index(s, key)
	if k < 0 {
		return ""
	}
	v := strings.TrimLeft(s[k+len(key):], " \t\"'")
	end := strings.IndexAny(v, " \t\"';>/?")
	if end >= 0 {
		v = v[:end]
	}
	return v
}
