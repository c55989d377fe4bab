package decode_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/decode"
)

func mustEncode(t *testing.T, s string, enc func(string) (string, error)) []byte {
	t.Helper()
	out, err := enc(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(out)
}

func TestDecode(t *testing.T) {
	cp1252 := func(s string) (string, error) { return charmap.Windows1252.NewEncoder().String(s) }
	koi8 := func(s string) (string, error) { return charmap.KOI8R.NewEncoder().String(s) }
	sjis := func(s string) (string, error) { return japanese.ShiftJIS.NewEncoder().String(s) }
	gbk := func(s string) (string, error) { return simplifiedchinese.GBK.NewEncoder().String(s) }
	utf16 := func(s string) (string, error) {
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	}
	ja := "<html><head><title>商店街の子ども食堂</title></head><body><p>港町の中心部にある商店街で、空き店舗を活用した子ども食堂が開設された。地域の人々が集まる場所になっている。毎週水曜日と土曜日に開かれ、子どもは無料で食事ができる。</p></body></html>"
	tests := []struct {
		name     string
		body     []byte
		header   string
		kind     string
		charset  string
		wantKind string
		contains string
		err      error
	}{
		{name: "plain utf-8", body: []byte("<p>Café crème</p>"), charset: "utf-8", wantKind: rinse.KindHTML, contains: "Café crème"},
		{name: "header charset wins", body: mustEncode(t, "<meta charset=windows-1251><p>Привет, мир</p>", koi8), header: "text/html; charset=KOI8-R", charset: "koi8-r", contains: "Привет, мир"},
		{name: "utf-8 bom", body: []byte("\xef\xbb\xbf<p>Año</p>"), charset: "utf-8", contains: "<p>Año"},
		{name: "utf-8 bom, broken bytes", body: []byte("\xef\xbb\xbf<p>A\xffo</p>"), charset: "utf-8", contains: "<p>A\ufffdo"},
		{name: "utf-16 bom", body: mustEncode(t, "<p>Grüße</p>", utf16), charset: "utf-16le", contains: "Grüße"},
		{name: "meta charset", body: mustEncode(t, "<html><head><meta charset=\"windows-1252\"></head><p>€5 flat white</p>", cp1252), charset: "windows-1252", contains: "€5 flat white"},
		{name: "http-equiv", body: mustEncode(t, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>naïve</p>", cp1252), charset: "windows-1252", contains: "naïve"},
		{name: "xml declaration", body: mustEncode(t, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>déjà</p></html>", cp1252), charset: "windows-1252", contains: "déjà"},
		{name: "undeclared shift_jis", body: mustEncode(t, ja, sjis), charset: "shift_jis", contains: "子ども食堂"},
		{name: "utf-8 with a few broken bytes", body: []byte("<meta charset=utf-8><p>Café crème, naïve \xff\xfe façade.</p>"), charset: "utf-8", contains: "Café crème, naïve \ufffd façade"},
		{name: "mislabelled utf-8", body: mustEncode(t, "<meta charset=utf-8><p>The café’s prices rose sharply this year, owners said.</p>", cp1252), contains: "café’s"},
		{name: "utf-8 labelled gb2312", body: []byte(strings.Replace(ja, "<head>", "<head><meta charset=\"gb2312\">", 1)), charset: "utf-8", contains: "子ども食堂"},
		{name: "gb2312 labelled gb2312", body: mustEncode(t, "<meta charset=\"gb2312\"><p>港口城市的中心商店街开设了儿童食堂，每周三和周六开放，孩子们可以免费用餐。</p>", gbk), charset: "gbk", contains: "儿童食堂"},
		{name: "a few utf-8 bytes keep a legacy label", body: []byte("<meta charset=\"windows-1252\"><p>Ã©</p>"), charset: "windows-1252", contains: "Ã"},
		{name: "text kind sniffed", body: []byte("Just a line of text.\nAnother one."), wantKind: rinse.KindText, charset: "utf-8"},
		{name: "source kind kept", body: []byte("<p>looks like html</p>"), kind: rinse.KindText, wantKind: rinse.KindText},
		{name: "empty", body: nil, err: rinse.ErrEmpty},
		{name: "whitespace", body: []byte(" \n\t\r\n "), err: rinse.ErrEmpty},
		{name: "png", body: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), err: rinse.ErrBinary},
		{name: "pdf", body: []byte("%PDF-1.7\n1 0 obj"), err: rinse.ErrBinary},
		{name: "gzip", body: []byte("\x1f\x8b\x08\x00\x00\x00"), err: rinse.ErrBinary},
		{name: "nul bytes", body: []byte("<html>\x00\x01\x02</html>"), err: rinse.ErrBinary},
		{name: "control bytes", body: []byte(strings.Repeat("a\x01\x02\x03\x04", 50)), err: rinse.ErrBinary},
		{name: "too large", body: []byte(strings.Repeat("a", 101)), err: rinse.ErrTooLarge},
	}
	d := decode.New(decode.Options{MaxBytes: 100000})
	small := decode.New(decode.Options{MaxBytes: 100})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &rinse.Page{Source: "x", Body: tt.body, Kind: tt.kind}
			if tt.header != "" {
				in.Header = http.Header{"Content-Type": {tt.header}}
			}
			dec := d
			if tt.err == rinse.ErrTooLarge {
				dec = small
			}
			orig := string(tt.body)
			p, err := dec.Process(context.Background(), in)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.charset != "" && p.Charset != tt.charset {
				t.Errorf("charset = %q, want %q", p.Charset, tt.charset)
			}
			if tt.wantKind != "" && p.Kind != tt.wantKind {
				t.Errorf("kind = %q, want %q", p.Kind, tt.wantKind)
			}
			if !strings.Contains(string(p.Body), tt.contains) {
				t.Errorf("body %q lacks %q", p.Body, tt.contains)
			}
			if strings.HasPrefix(string(p.Body), "\ufeff") {
				t.Error("BOM kept")
			}
			if string(in.Body) != orig || in.Charset != "" {
				t.Error("input page modified")
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=shift_jis><p>\x82\xa0</p>"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "text/html; charset=utf-16")
	f.Add([]byte("<?xml version='1.0' encoding='koi8-r'?><p>\xc1</p>"), "")
	f.Add([]byte("plain \xe9t\xe9"), "text/plain; charset=bogus")
	f.Add([]byte("\x89PNG\r\n\x1a\n"), "")
	d := decode.New(decode.Options{MaxBytes: 1 << 20})
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		in := &rinse.Page{Body: body, Header: http.Header{"Content-Type": {ctype}}}
		p, err := d.Process(context.Background(), in)
		if err != nil {
			if rinse.Reason(err) == "error" {
				t.Fatalf("uncategorised error: %v", err)
			}
			return
		}
		if !utf8.Valid(p.Body) {
			t.Fatalf("output is not UTF-8: %q", p.Body)
		}
		if p.Kind != rinse.KindHTML && p.Kind != rinse.KindText {
			t.Fatalf("kind = %q", p.Kind)
		}
	})
}
