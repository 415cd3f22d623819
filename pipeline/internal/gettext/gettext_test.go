package gettext

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// mo writes a little-endian .mo file of the pairs, header first.
func mo(t *testing.T, pairs [][2]string) string {
	t.Helper()
	n := uint32(len(pairs))
	origs, trans := uint32(28), 28+8*n
	data := trans + 8*n
	var b []byte
	le := binary.LittleEndian
	b = le.AppendUint32(b, 0x950412de)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, n)
	b = le.AppendUint32(b, origs)
	b = le.AppendUint32(b, trans)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 0)
	var strs []byte
	offsets := func(k int) []byte {
		var tb []byte
		for _, p := range pairs {
			s := p[k]
			tb = le.AppendUint32(tb, uint32(len(s)))
			tb = le.AppendUint32(tb, data+uint32(len(strs)))
			strs = append(strs, s...)
			strs = append(strs, 0)
		}
		return tb
	}
	b = append(b, offsets(0)...)
	b = append(b, offsets(1)...)
	b = append(b, strs...)
	p := filepath.Join(t.TempDir(), "x.mo")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadMO(t *testing.T) {
	p := mo(t, [][2]string{{"", "Content-Type: text/plain; charset=UTF-8\n"}, {"Russian Federation", "Российская Федерация"}, {"France", "Франция"}})
	m, err := ReadMO(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || m["Russian Federation"] != "Российская Федерация" || m["France"] != "Франция" {
		t.Errorf("read %q", m)
	}
	bad := filepath.Join(t.TempDir(), "bad.mo")
	os.WriteFile(bad, []byte("not a catalogue at all"), 0o644)
	if _, err := ReadMO(bad); err == nil {
		t.Error("a file that is not a .mo file was read")
	}
}
