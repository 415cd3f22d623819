package source

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b_activities.csv", "A_agreements.XLSX", "rates.Csv",
		"~$A_agreements.XLSX", ".~lock.rates.Csv#", ".hidden.csv",
		"old.xls", "calc.ods", "macros.xlsm", "README.txt",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "archive", "deep.csv"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "rates.Csv"), filepath.Join(dir, "link.csv")); err != nil {
		t.Fatal(err)
	}
	// Never opened: a named pipe blocks an open, /dev/zero never ends.
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.csv"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.xlsx")); err != nil {
		t.Fatal(err)
	}

	files, skipped, special, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"A_agreements.XLSX", "b_activities.csv", "link.csv", "rates.Csv"}
	wantSkipped := []string{".hidden.csv", ".~lock.rates.Csv#", "README.txt", "archive/", "calc.ods", "macros.xlsm", "old.xls", "~$A_agreements.XLSX"}
	if !reflect.DeepEqual(files, wantFiles) {
		t.Errorf("files %q, want %q", files, wantFiles)
	}
	if !reflect.DeepEqual(skipped, wantSkipped) {
		t.Errorf("skipped %q, want %q", skipped, wantSkipped)
	}
	if wantSpecial := []string{"pipe.csv (a named pipe)", "zero.xlsx (a character device)"}; !reflect.DeepEqual(special, wantSpecial) {
		t.Errorf("special %q, want %q", special, wantSpecial)
	}
	// Opened anyway (named as a file, or made one after the listing):
	// refused at once, whatever its kind.
	for _, name := range []string{"pipe.csv", "zero.xlsx"} {
		if _, err := Open(filepath.Join(dir, name), name, Options{}); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Open(%s) = %v, want a file that is not regular", name, err)
		}
	}

	if _, _, _, err := Files(filepath.Join(dir, "missing")); err == nil {
		t.Error("no error for a missing folder")
	}
}
