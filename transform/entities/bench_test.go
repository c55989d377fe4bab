package entities

import (
	"context"
	"sync"
	"testing"

	"github.com/rinse-etl/rinse"
	"github.com/rinse-etl/rinse/internal/fixtures"
)

func BenchmarkEntities(b *testing.B) {
	e := testEntities(b)
	doc := &rinse.Document{Text: fixtures.Article()}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Process(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewEntities(b *testing.B) {
	for b.Loop() {
		testEntitiesOnce = *new(sync.Once)
		testEntities(b)
	}
}
