package run

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"coopreport/pipeline/gen"
	"coopreport/pipeline/period"
)

// A run opens each input file once (the kernel counts the opens, through
// inotify), and the manifest's SHA-256 of each is of the bytes it read:
// CSV files hashed as they are parsed, workbooks read into memory once.
// A file with problems is opened a second time, to write its checked copy
// (package render/checked), which checks that it reads the same bytes.
func TestEachInputReadOnce(t *testing.T) {
	example := t.TempDir()
	entries, err := os.ReadDir("../../input")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("../../input", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(example, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	workbooks := t.TempDir()
	if _, err := gen.Folder(workbooks, gen.Options{Format: gen.XLSX, Activities: 500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{example, workbooks} {
		fd, err := syscall.InotifyInit1(syscall.IN_NONBLOCK | syscall.IN_CLOEXEC)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := syscall.InotifyAddWatch(fd, dir, syscall.IN_OPEN); err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), Options{Input: dir, Out: t.TempDir(), Period: period.All, Currency: "MNT", Now: gen.Now})
		if err != nil {
			t.Fatal(err)
		}
		opens := inotifyOpens(t, fd)
		syscall.Close(fd)
		if len(res.Report.Inputs) < 2 {
			t.Fatalf("%s: %d inputs", dir, len(res.Report.Inputs))
		}
		copied := map[string]bool{}
		for _, o := range res.Outputs {
			copied[strings.TrimSuffix(strings.TrimPrefix(o.Name, "checked/"), ".xlsx")] = true
			copied[strings.TrimPrefix(o.Name, "checked/")] = true
		}
		for _, in := range res.Report.Inputs {
			want := 1
			if copied[in.Name] {
				want = 2
			}
			if n := opens[in.Name]; n != want {
				t.Errorf("%s: opened %d times, want %d", in.Name, n, want)
			}
			b, err := os.ReadFile(filepath.Join(dir, in.Name))
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != in.SHA256 {
				t.Errorf("%s: the manifest's SHA-256 is not of the file's bytes", in.Name)
			}
		}
	}
}

// inotifyOpens counts the IN_OPEN events queued on fd, by file name.
func inotifyOpens(t *testing.T, fd int) map[string]int {
	t.Helper()
	opens := map[string]int{}
	buf := make([]byte, 64<<10)
	for {
		n, err := syscall.Read(fd, buf)
		if err == syscall.EAGAIN {
			return opens
		}
		if err != nil {
			t.Fatal(err)
		}
		for b := buf[:n]; len(b) >= syscall.SizeofInotifyEvent; {
			mask := binary.NativeEndian.Uint32(b[4:])
			size := int(binary.NativeEndian.Uint32(b[12:]))
			name := string(bytes.TrimRight(b[syscall.SizeofInotifyEvent:syscall.SizeofInotifyEvent+size], "\x00"))
			if mask&syscall.IN_ISDIR == 0 && name != "" {
				opens[name]++
			}
			b = b[syscall.SizeofInotifyEvent+size:]
		}
	}
}
