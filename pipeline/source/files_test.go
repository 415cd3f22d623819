package source

import (
	"os"
	"path/filepath"
	"reflect"
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

	files, skipped, err := Files(dir)
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

	if _, _, err := Files(filepath.Join(dir, "missing")); err == nil {
		t.Error("no error for a missing folder")
	}
}
