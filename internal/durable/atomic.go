package durable

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
)

// WriteJSON writes v as indented JSON, atomically (see WriteFile).
func WriteJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return WriteFile(path, append(b, '\n'))
}

// WriteFile writes via a temporary file and rename, syncing both the
// file and its directory so the rename survives a power cut.
func WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	// A name of its own: several writers may replace one file at once.
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if _, cerr := SyncClose(f); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp) // a failed write leaves nothing behind
		return err
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// SyncDir makes the entries of dir durable.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// Close closes f and returns its size.
func Close(f *os.File) (int64, error) {
	st, serr := f.Stat()
	var size int64
	if serr == nil {
		size = st.Size()
	}
	return size, errors.Join(serr, f.Close())
}

// SyncClose syncs and closes f and returns its size.
func SyncClose(f *os.File) (int64, error) {
	err := f.Sync()
	size, cerr := Close(f)
	return size, errors.Join(err, cerr)
}
