package explain

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/rinse-etl/rinse"
)

func TestTraceTravelsInContextOnlyWhenOn(t *testing.T) {
	ctx := context.Background()
	if From(ctx) != nil {
		t.Fatal("From of a bare context is not nil: the normal path would record")
	}
	tr := New()
	on := With(ctx, tr)
	if From(on) != tr {
		t.Fatal("From does not return the Trace With put in")
	}
	if From(Without(on)) != nil {
		t.Error("Without still carries the Trace")
	}
	if Without(ctx) != ctx {
		t.Error("Without wraps a context that carries no Trace")
	}
}

func TestDropKeepsTheFirstReason(t *testing.T) {
	n := &html.Node{Type: html.ElementNode, Data: "div"}
	tr := New()
	tr.Drop(n, Reason{Class: Tag, Rule: "first"})
	tr.Drop(n, Reason{Class: Furniture, Rule: "second"})
	if got := tr.domReason(n); got == nil || got.Rule != "first" {
		t.Errorf("reason = %+v, want the first recorded", got)
	}
}

func TestDomReasonTakesTheEarliestAncestorMark(t *testing.T) {
	outer := &html.Node{Type: html.ElementNode, Data: "div"}
	inner := &html.Node{Type: html.ElementNode, Data: "p"}
	text := &html.Node{Type: html.TextNode, Data: "x"}
	outer.AppendChild(inner)
	inner.AppendChild(text)
	tr := New()
	tr.Drop(inner, Reason{Rule: "inner first"})
	tr.Drop(outer, Reason{Rule: "outer later"})
	if got := tr.domReason(text); got == nil || got.Rule != "inner first" {
		t.Errorf("reason = %+v, want the first recorded on any ancestor", got)
	}
	if got := tr.domReason(&html.Node{Type: html.TextNode}); got != nil {
		t.Errorf("an unmarked node has reason %+v", got)
	}
}

func TestFilterRecordsWhatIsMissing(t *testing.T) {
	a, b, c := rinse.Block{Text: "a"}, rinse.Block{Text: "b"}, rinse.Block{Text: "c"}
	tr := New()
	tr.Filter([]rinse.Block{a, b, c, b}, []rinse.Block{a, c}, Reason{Rule: "r"})
	if len(tr.filtered) != 2 || tr.filtered[0].text != "b" || tr.filtered[1].text != "b" {
		t.Errorf("filtered = %+v, want both b", tr.filtered)
	}
}

func TestOriginIgnoresEmptyValues(t *testing.T) {
	tr := New()
	tr.Origin("title", "", "meta og:title")
	tr.Origin("title", "T", "<title>")
	if len(tr.origins) != 1 || tr.origins[0].from != "<title>" {
		t.Errorf("origins = %+v", tr.origins)
	}
}

func TestSourceOfNamesFileAndLineInTheModule(t *testing.T) {
	got := SourceOf(New)
	if !strings.HasPrefix(got, "explain/trace.go:") || strings.HasSuffix(got, ":0") {
		t.Errorf("SourceOf(New) = %q, want explain/trace.go:LINE", got)
	}
}
