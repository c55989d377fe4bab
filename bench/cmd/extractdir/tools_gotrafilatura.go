//go:build gotrafilatura || !(goreadability || rinse)

package main

import (
	"github.com/rinse-etl/rinse/bench/internal/ports/gotrafilatura"
	"github.com/rinse-etl/rinse/evaluate"
)

func init() {
	tools["go-trafilatura"] = func() (evaluate.Func, error) { return gotrafilatura.Func(false), nil }
	tools["go-trafilatura+fallback"] = func() (evaluate.Func, error) { return gotrafilatura.Func(true), nil }
}
