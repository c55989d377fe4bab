package zstdcodec

import (
	"io"
	"sync"

	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// keptZstd is arrow's zstd codec with encoders that outlive garbage
// collections (see the package documentation).
type keptZstd struct {
	orig compress.Codec
	mu   sync.Mutex
	free map[zstd.EncoderLevel][]*zstd.Encoder
}

func init() {
	orig, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		return // arrow without zstd: nothing to improve on
	}
	compress.RegisterCodec(compress.Codecs.Zstd, &keptZstd{orig: orig, free: map[zstd.EncoderLevel][]*zstd.Encoder{}})
}

// EncodeLevel is the hot path of Parquet writing: one call per page.
func (z *keptZstd) EncodeLevel(dst, src []byte, level int) []byte {
	l := zstd.EncoderLevelFromZstd(level)
	if level == compress.DefaultCompressionLevel {
		l = zstd.SpeedDefault
	}
	enc := z.get(l)
	defer z.put(l, enc)
	return enc.EncodeAll(src, dst[:0])
}

func (z *keptZstd) get(l zstd.EncoderLevel) *zstd.Encoder {
	z.mu.Lock()
	defer z.mu.Unlock()
	if free := z.free[l]; len(free) > 0 {
		enc := free[len(free)-1]
		z.free[l] = free[:len(free)-1]
		return enc
	}
	enc, _ := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(l),
		zstd.WithEncoderConcurrency(1), zstd.WithAllLitEntropyCompression(true))
	return enc
}

// maxKept bounds the idle encoders kept per level: one per file being
// written at once is plenty.
const maxKept = 8

func (z *keptZstd) put(l zstd.EncoderLevel, enc *zstd.Encoder) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if len(z.free[l]) < maxKept {
		z.free[l] = append(z.free[l], enc)
	}
}

// The rest is arrow's codec unchanged.

func (z *keptZstd) Encode(dst, src []byte) []byte { return z.orig.Encode(dst, src) }
func (z *keptZstd) CompressBound(n int64) int64   { return z.orig.CompressBound(n) }
func (z *keptZstd) Decode(dst, src []byte) []byte { return z.orig.Decode(dst, src) }

func (z *keptZstd) DecodeWithError(dst, src []byte) ([]byte, error) {
	return compress.Decode(z.orig, dst, src)
}

func (z *keptZstd) NewReader(r io.Reader) io.ReadCloser {
	return z.orig.(compress.StreamingCodec).NewReader(r)
}

func (z *keptZstd) NewWriter(w io.Writer) io.WriteCloser {
	return z.orig.(compress.StreamingCodec).NewWriter(w)
}

func (z *keptZstd) NewWriterLevel(w io.Writer, level int) (io.WriteCloser, error) {
	return z.orig.(compress.StreamingCodec).NewWriterLevel(w, level)
}
