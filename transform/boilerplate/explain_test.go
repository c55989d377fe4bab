package boilerplate_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/explain"
)

// TestTracingChangesNoResult runs every generic case with and without a
// trace: recording must not change the document.
func TestTracingChangesNoResult(t *testing.T) {
	st := stage(t)
	for _, c := range genericCases {
		doc := &rinse.Document{Title: "A headline"}
		for _, b := range append([]string{"A headline"}, c.blocks...) {
			doc.Blocks = append(doc.Blocks, rinse.Block{Kind: c.kind, Text: b})
		}
		plain, perr := st.Process(context.Background(), doc)
		tr := explain.New()
		tr.Extracted(doc)
		traced, terr := st.Process(explain.With(context.Background(), tr), doc)
		if !reflect.DeepEqual(plain, traced) || (perr == nil) != (terr == nil) {
			t.Errorf("%s: the trace changed the result", c.name)
		}
	}
}

// TestTraceNamesTheRuleAndItsLine checks what the stage tells the
// explain view: the generic rule's file and line, the headline.
func TestTraceNamesTheRuleAndItsLine(t *testing.T) {
	doc := &rinse.Document{Title: "A headline", Blocks: []rinse.Block{
		{Kind: rinse.BlockLine, Text: "A headline"},
		{Kind: rinse.BlockLine, Text: "Acme Daily logo"},
		{Kind: rinse.BlockLine, Text: para},
	}}
	tr := explain.New()
	tr.Extracted(doc)
	if _, err := stage(t).Process(explain.With(context.Background(), tr), doc); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tr.Render(&buf, explain.Page{Source: "t"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`data-rules="the headline (transform/boilerplate/boilerplate.go:`,
		`<del class="c-generic" data-rule="drop /`,
		`(rules/lines.yaml:`,
		`data-fate="kept"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the explain page lacks %s", want)
		}
	}
}
