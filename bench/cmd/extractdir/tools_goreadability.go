//go:build goreadability || !(gotrafilatura || rinse)

package main

import (
	"github.com/rinse-etl/rinse/bench/internal/ports/goreadability"
	"github.com/rinse-etl/rinse/evaluate"
)

func init() {
	tools["go-readability"] = func() (evaluate.Func, error) { return goreadability.Func, nil }
}
