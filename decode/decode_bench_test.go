package decode_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/decode"
)

// BenchmarkDecodeUTF8 decodes a page of the web's usual kind: UTF-8
// declared in a <meta> tag, a few hundred kilobytes of markup.
func BenchmarkDecodeUTF8(b *testing.B) {
	body := []byte("<!doctype html><html><head><meta charset=\"utf-8\"><title>Café</title></head><body>" +
		strings.Repeat("<div class=\"row\"><p>Le café ouvre à huit heures, près du marché.</p></div>\n", 4000) +
		"</body></html>")
	d := decode.New(decode.Options{})
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := d.Process(context.Background(), &rinse.Page{Body: body}); err != nil {
			b.Fatal(err)
		}
	}
}
