package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTemplatesTwice: coopreport templates into a folder that holds the
// templates already writes nothing, names the files that are in the way
// and says what to do, once.
func TestTemplatesTwice(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-templates")
	first := opsMain(t, nil, "templates", dir)
	first.want(t, ExitOK)
	if first.stderr != "" {
		t.Errorf("the first run said %q", first.stderr)
	}
	edited := filepath.Join(dir, "report.md.tmpl")
	if err := os.WriteFile(edited, []byte("# Mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	again := opsMain(t, nil, "templates", dir)
	again.want(t, ExitFailed)
	want := "coopreport templates: " + dir + " already holds annexes.md.tmpl, measure.md.tmpl and report.md.tmpl. Nothing was written.\n" +
		"To write the defaults there, delete or move those files first, or give another folder.\n"
	if again.stderr != want {
		t.Errorf("stderr\n%s\nwant\n%s", again.stderr, want)
	}
	if n := strings.Count(strings.ToLower(again.stderr), "nothing was written"); n != 1 {
		t.Errorf("%q says that nothing was written %d times, want once", again.stderr, n)
	}
	if b, _ := os.ReadFile(edited); string(b) != "# Mine\n" {
		t.Error("the edited template was overwritten")
	}

	// One file in the way is named alone.
	dir2 := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir2, "measure.md.tmpl"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	one := opsMain(t, nil, "templates", dir2)
	one.want(t, ExitFailed)
	if !strings.Contains(one.stderr, dir2+" already holds measure.md.tmpl. Nothing was written.\n") || !strings.Contains(one.stderr, "delete or move that file first") {
		t.Errorf("stderr %q", one.stderr)
	}
}
