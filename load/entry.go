package load

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"
)

// Outcomes an input can have in the dataset.
const (
	outcomeDocument    byte = 1
	outcomeQuarantined byte = 2
	outcomeDuplicate   byte = 3
)

// Entry flags.
const (
	flagTransient  byte = 1 << iota // quarantined for a reason that may pass: retried next run
	flagValidators                  // the validators table holds its HTTP validators
)

// noFile marks an entry without a row.
const noFile = ^uint32(0)

// entry is what the state remembers of one input: one fixed-size record
// of the entries table, keyed by the input's SourceKey.
//
//	key     [16]  rinse.SourceKey(source) = the row's id
//	digest  u64   xxhash of the raw input; 0 = unknown, never equal
//	config  [8]   the configuration fingerprint it was processed with
//	ord     u64   run index << 32 | row sequence: "input order" across runs
//	gen     u32   rebuild generation (see --full)
//	seen    u32   run index that last saw it (for --prune)
//	outcome u8, flags u8, 2 bytes padding
//	file    u32   index of the file holding its row (noFile: none)
//	hash    [16]  content hash of its text (documents and duplicates)
type entry struct {
	key     [16]byte
	digest  uint64
	config  [8]byte
	ord     uint64
	gen     uint32
	seen    uint32
	outcome byte
	flags   byte
	file    uint32
	hash    [16]byte
}

const entrySize = 72

func (e *entry) encode(b []byte) {
	copy(b[0:16], e.key[:])
	binary.BigEndian.PutUint64(b[16:], e.digest)
	copy(b[24:32], e.config[:])
	binary.BigEndian.PutUint64(b[32:], e.ord)
	binary.BigEndian.PutUint32(b[40:], e.gen)
	binary.BigEndian.PutUint32(b[44:], e.seen)
	b[48], b[49], b[50], b[51] = e.outcome, e.flags, 0, 0
	binary.BigEndian.PutUint32(b[52:], e.file)
	copy(b[56:72], e.hash[:])
}

func decodeEntry(b []byte) entry {
	var e entry
	copy(e.key[:], b[0:16])
	e.digest = binary.BigEndian.Uint64(b[16:])
	copy(e.config[:], b[24:32])
	e.ord = binary.BigEndian.Uint64(b[32:])
	e.gen = binary.BigEndian.Uint32(b[40:])
	e.seen = binary.BigEndian.Uint32(b[44:])
	e.outcome, e.flags = b[48], b[49]
	e.file = binary.BigEndian.Uint32(b[52:])
	copy(e.hash[:], b[56:72])
	return e
}

// parseDigest reads a digest as Admit writes it (hex); "" or garbage is
// 0, which no input matches.
func parseDigest(s string) uint64 {
	v, _ := strconv.ParseUint(s, 16, 64)
	return v
}

// key16 decodes a 32-hex-digit id or hash; anything else gives false.
func key16(s string) ([16]byte, bool) {
	var k [16]byte
	if len(s) != 32 {
		return k, false
	}
	_, err := hex.Decode(k[:], []byte(s))
	return k, err == nil
}

// configKey is the 8-byte form of a configuration fingerprint.
func configKey(s string) [8]byte {
	var k [8]byte
	if b, err := hex.DecodeString(s); err == nil && len(b) >= 8 {
		copy(k[:], b)
		return k
	}
	copy(k[:], s)
	return k
}

func ordOf(run uint32, seq uint32) uint64 { return uint64(run)<<32 | uint64(seq) }
func ordRun(ord uint64) uint32            { return uint32(ord >> 32) }
func ordSeq(ord uint64) uint32            { return uint32(ord) }
