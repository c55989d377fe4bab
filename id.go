package rinse

import (
	"crypto/sha256"
	"encoding/hex"
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
