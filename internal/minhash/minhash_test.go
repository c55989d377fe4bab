package minhash

import (
	"strings"
	"testing"
)

const article = `The city council voted on Tuesday to extend the river promenade by two kilometres,
ending a debate that began when the old harbour warehouses were demolished in the spring.
Supporters said the new path would connect the northern districts to the centre, while
shop owners on the quay worried about months of construction noise and lost trade.`

func TestSimilarity(t *testing.T) {
	cases := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"same text", article, article, 1, 1},
		{"case and spacing", article, strings.ToUpper(strings.Join(strings.Fields(article), "  ")), 1, 1},
		{"one word edited", article, strings.Replace(article, "two kilometres", "three kilometres", 1), 0.8, 0.99},
		{"other text", article, "A bakery opened its doors on a quiet morning in the old town square, selling bread and cakes to the neighbours.", 0, 0.2},
	}
	for _, c := range cases {
		a, okA := Compute(c.a)
		b, okB := Compute(c.b)
		if !okA || !okB {
			t.Fatalf("%s: no signature", c.name)
		}
		if s := Similarity(&a, &b); s < c.min || s > c.max {
			t.Errorf("%s: similarity %.2f, want in [%.2f, %.2f]", c.name, s, c.min, c.max)
		}
		same := 0
		ka, kb := a.BandKeys(), b.BandKeys()
		for i := range ka {
			if ka[i] == kb[i] {
				same++
			}
		}
		if c.min == 1 && same != Bands || c.max < 0.5 && same > 1 {
			t.Errorf("%s: %d equal band keys", c.name, same)
		}
	}
	if _, ok := Compute("four words only here"); ok {
		t.Error("a text under one shingle has no signature")
	}
}

func BenchmarkCompute(b *testing.B) {
	text := strings.Repeat(article+" ", 8)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Compute(text)
	}
}
