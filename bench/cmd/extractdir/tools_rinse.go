//go:build rinse || !(gotrafilatura || goreadability)

package main

import (
	"github.com/rinse-etl/rinse/bench/internal/ports/rinseport"
	"github.com/rinse-etl/rinse/evaluate"
)

// rinse's stages are built only when the tool is asked for.
func init() {
	tools["rinse"] = func() (evaluate.Func, error) {
		st, err := rinseport.Stages()
		if err != nil {
			return nil, err
		}
		return rinseport.Func(st), nil
	}
}
