package source

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"
)

// SHA256 returns the SHA-256 of the file at path in hex, as manifests
// record inputs and outputs.
func SHA256(path string) (string, error) {
	f, info, err := openRegular(path, filepath.Base(path), ErrBadCSV)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, readUpTo(f, info.Size())); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
