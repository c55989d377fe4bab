package sorted

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func randomRecords(n, size int, seed uint64) [][]byte {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([][]byte, n)
	for i := range out {
		rec := make([]byte, size)
		// A small key space makes equal keys common.
		binary.BigEndian.PutUint32(rec, uint32(r.IntN(n/2+1)))
		for j := 4; j < size; j++ {
			rec[j] = byte(r.IntN(256))
		}
		out[i] = rec
	}
	return out
}

func TestSorter(t *testing.T) {
	cases := []struct {
		name      string
		n, size   int
		mem       int
		wantFiles bool
	}{
		{"empty", 0, 8, 1 << 10, false},
		{"in memory", 1000, 12, 1 << 20, false},
		{"one spill", 1000, 12, 8000, true},
		{"many runs, several passes", 5000, 12, 200, true},
		{"record per run", 40, 40, 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := randomRecords(c.n, c.size, uint64(c.n))
			s := NewSorter(dir, "x", c.size, c.mem)
			for _, r := range in {
				if err := s.Add(r); err != nil {
					t.Fatal(err)
				}
			}
			it, err := s.Sort()
			if err != nil {
				t.Fatal(err)
			}
			var got [][]byte
			for it.Next() {
				got = append(got, bytes.Clone(it.Record()))
			}
			if err := it.Err(); err != nil {
				t.Fatal(err)
			}
			files, _ := os.ReadDir(dir)
			if c.wantFiles && len(files) == 0 {
				t.Error("expected spilled runs while sorting")
			}
			if err := it.Close(); err != nil {
				t.Fatal(err)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("Close left %d run files", len(left))
			}
			want := slices.Clone(in)
			slices.SortFunc(want, bytes.Compare)
			if len(got) != len(want) {
				t.Fatalf("got %d records, want %d", len(got), len(want))
			}
			for i := range want {
				if !bytes.Equal(got[i], want[i]) {
					t.Fatalf("record %d: got %x, want %x", i, got[i], want[i])
				}
			}
		})
	}
}

func TestSorterRejectsWrongSize(t *testing.T) {
	s := NewSorter(t.TempDir(), "x", 4, 100)
	if err := s.Add([]byte{1, 2, 3}); err == nil {
		t.Error("a 3-byte record was accepted by a 4-byte sorter")
	}
}

func writeTable(t *testing.T, recs [][]byte, size, keyLen int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "t.tbl")
	w, err := Create(p, size, keyLen)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTableGetAndScan(t *testing.T) {
	for _, n := range []int{0, 1, blockRecords - 1, blockRecords, blockRecords + 1, 1000} {
		recs := randomRecords(n, 10, uint64(n)+7)
		slices.SortFunc(recs, bytes.Compare)
		tb, err := Open(writeTable(t, recs, 10, 4))
		if err != nil {
			t.Fatal(err)
		}
		if tb.Len() != int64(n) {
			t.Errorf("n=%d: Len %d", n, tb.Len())
		}
		it := tb.Scan()
		i := 0
		for it.Next() {
			if !bytes.Equal(it.Record(), recs[i]) {
				t.Fatalf("n=%d: scan record %d differs", n, i)
			}
			i++
		}
		if it.Err() != nil || i != n {
			t.Fatalf("n=%d: scanned %d records, err %v", n, i, it.Err())
		}
		// Every key finds its first record; keys absent find nothing.
		for j, r := range recs {
			got, ok, err := tb.Get(r[:4])
			if err != nil || !ok {
				t.Fatalf("n=%d: key %x not found (%v)", n, r[:4], err)
			}
			first := slices.IndexFunc(recs, func(x []byte) bool { return bytes.Equal(x[:4], r[:4]) })
			if !bytes.Equal(got, recs[first]) {
				t.Fatalf("n=%d: Get(%x) = %x, want first record %x (j=%d)", n, r[:4], got, recs[first], j)
			}
		}
		for k := uint32(0); k < uint32(n)+2; k++ {
			var key [4]byte
			binary.BigEndian.PutUint32(key[:], k)
			_, ok, _ := tb.Get(key[:])
			want := slices.ContainsFunc(recs, func(x []byte) bool { return bytes.Equal(x[:4], key[:]) })
			if ok != want {
				t.Fatalf("n=%d: Get(%d) found=%v, want %v", n, k, ok, want)
			}
		}
		tb.Close()
	}
}

func TestTableRejectsOutOfOrder(t *testing.T) {
	w, err := Create(filepath.Join(t.TempDir(), "t"), 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := w.Add([]byte{2, 0}); err != nil {
		t.Fatal(err)
	}
	if err := w.Add([]byte{1, 0}); err == nil {
		t.Error("a smaller record after a larger one was accepted")
	}
}

func TestTableDetectsDamage(t *testing.T) {
	recs := randomRecords(300, 8, 3)
	slices.SortFunc(recs, bytes.Compare)
	p := writeTable(t, recs, 8, 4)
	good, _ := os.ReadFile(p)
	damage := map[string][]byte{
		"truncated":    good[:len(good)-5],
		"flipped byte": flip(good, headerSize+100),
		"bad magic":    flip(good, 0),
		"empty":        nil,
	}
	for name, b := range damage {
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(p); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: Open = %v, want ErrCorrupt", name, err)
		}
	}
}

func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0xff
	return c
}

// FuzzOpen: a damaged state file must give an error, never a panic or a
// table that reads out of bounds.
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	p := filepath.Join(dir, "seed")
	w, _ := Create(p, 4, 2)
	_ = w.Add([]byte{0, 1, 2, 3})
	_ = w.Add([]byte{0, 2, 2, 3})
	_ = w.Close()
	seed, _ := os.ReadFile(p)
	f.Add(seed)
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(t.TempDir(), "t")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		tb, err := Open(p)
		if err != nil {
			return
		}
		defer tb.Close()
		it := tb.Scan()
		for it.Next() {
			_, _, _ = tb.Get(it.Record()[:1])
		}
	})
}

func TestKVSorter(t *testing.T) {
	for _, mem := range []int{1 << 20, 300, 1} {
		dir := t.TempDir()
		s := NewKVSorter(dir, "kv", mem)
		r := rand.New(rand.NewPCG(uint64(mem), 9))
		type kv struct{ k, v string }
		var in []kv
		for i := range 700 {
			k := string(rune('a' + r.IntN(20)))
			v := string(bytes.Repeat([]byte{byte(i)}, r.IntN(50)))
			in = append(in, kv{k, v})
			if err := s.Add([]byte(k), []byte(v)); err != nil {
				t.Fatal(err)
			}
		}
		it, err := s.Sort()
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(in)
		slices.SortStableFunc(want, func(a, b kv) int { return bytes.Compare([]byte(a.k), []byte(b.k)) })
		i := 0
		for it.Next() {
			if string(it.Key()) != want[i].k || string(it.Value()) != want[i].v {
				t.Fatalf("mem=%d: record %d = %q/%d bytes, want %q/%d bytes", mem, i, it.Key(), len(it.Value()), want[i].k, len(want[i].v))
			}
			i++
		}
		if it.Err() != nil || i != len(want) {
			t.Fatalf("mem=%d: %d records, err %v", mem, i, it.Err())
		}
		it.Close()
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("mem=%d: Close left %d run files", mem, len(left))
		}
	}
}
