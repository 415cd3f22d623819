// Package gettext reads the message catalogues of GNU gettext (.mo
// files): the translations of Debian's iso-codes, which the generators of
// packages country and lang read.
package gettext

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// ReadMO reads the messages of a gettext .mo file: msgid → msgstr. The
// file is a magic number, a revision, the count of messages, and the
// offsets of two tables of (length, offset) pairs: the originals and the
// translations.
func ReadMO(name string) (map[string]string, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if len(b) < 20 {
		return nil, fmt.Errorf("%s: too short for a .mo file", name)
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bo.Uint32(b) != 0x950412de {
		bo = binary.BigEndian
		if bo.Uint32(b) != 0x950412de {
			return nil, fmt.Errorf("%s: not a .mo file", name)
		}
	}
	n, origs, trans := bo.Uint32(b[8:]), bo.Uint32(b[12:]), bo.Uint32(b[16:])
	str := func(table, i uint32) (string, error) {
		at := uint64(table) + 8*uint64(i)
		if at+8 > uint64(len(b)) {
			return "", errors.New("table out of range")
		}
		l, off := bo.Uint32(b[at:]), bo.Uint32(b[at+4:])
		if uint64(off)+uint64(l) > uint64(len(b)) {
			return "", errors.New("string out of range")
		}
		return string(b[off : off+l]), nil
	}
	m := make(map[string]string, n)
	for i := range n {
		k, err := str(origs, i)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		v, err := str(trans, i)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if k != "" { // "" is the header
			m[k] = v
		}
	}
	return m, nil
}
