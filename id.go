package rinse

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"strconv"
	"time"
)

// DocumentID is the stable id of a source: the same input path (or URL, or
// archive record) always gives the same id, across runs and machines. It
// is the hex form of SourceKey.
func DocumentID(source string) string {
	k := SourceKey(source)
	return hex.EncodeToString(k[:])
}

// SourceKey is the 16-byte key of a source: the first half of the SHA-256
// of its bytes, exactly as given (names that are not valid UTF-8 included),
// so a source keeps its key across runs whatever its spelling.
func SourceKey(source string) [16]byte {
	h := sha256.Sum256([]byte(source))
	var k [16]byte
	copy(k[:], h[:16])
	return k
}

// StatDigest stands in for the digest of an input a source could not read
// whole (a file over the size limit): its size and modification time, in
// the form of the digest the incremental filter stamps, so that an
// unchanged oversize file is not read again by the next run.
func StatDigest(size int64, mod time.Time) string {
	h := fnv.New64a()
	h.Write([]byte("stat " + strconv.FormatInt(size, 10) + " " + strconv.FormatInt(mod.UnixNano(), 10)))
	return strconv.FormatUint(h.Sum64(), 16)
}
