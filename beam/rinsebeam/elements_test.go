package rinsebeam

import (
	"reflect"
	"testing"

	"github.com/rinse-etl/rinse"
)

// No element leaves a []byte field nil: the Java runners' row coder
// misreads the fields after one (see present), and Prism, which the
// other tests run on, does not mind, so this is the test that catches it.
func TestElementsHaveNoNilBytes(t *testing.T) {
	url, err := pageOf(Pos{1, 0}, &rinse.Page{Source: "urls.txt:1", URL: "https://example.com/"})
	if err != nil {
		t.Fatal(err)
	}
	file, err := pageOf(Pos{2, 0}, &rinse.Page{Source: "a.html", Body: []byte("<p>hi</p>")})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := documentRow(Pos{3, 0}, &rinse.Document{Source: "a.html", Text: "hi"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	q, err := quarantineRow(Pos{4, 0}, &rinse.Quarantined{Source: "b.html", Reason: "empty"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []any{url, file, doc, q} {
		v := reflect.ValueOf(e)
		for i := range v.NumField() {
			f := v.Field(i)
			if f.Kind() == reflect.Slice && f.IsNil() {
				t.Errorf("%T.%s is nil", e, v.Type().Field(i).Name)
			}
		}
	}
	// And the stages see the page as the source gave it.
	if p, _ := url.page(); p.Body != nil || p.Header != nil {
		t.Errorf("a URL to fetch reaches the stages with body %q, header %v", p.Body, p.Header)
	}
}
