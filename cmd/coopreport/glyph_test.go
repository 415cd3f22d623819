package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMissingGlyphs: a character the PDF's fonts lack is drawn as a
// visible replacement and named, with the record it came from, in the
// manifest's warnings (and so the workbook's About sheet): never lost
// silently, never a crash.
func TestMissingGlyphs(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	e2eWrite(t, in, map[string]string{
		"agreements.csv": e2eGoodAgreements,
		"activities.csv": e2eCSV(
			[]string{"id", "date", "country", "agreement", "type", "title", "participants"},
			[]string{"AC-1", "2013-02-01", "Russia", "AG-1", "festival", "Naadam 🏹 festival, Өлгий", "3"},
		),
	})
	res := e2eRun(t, in, out)
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	dir := periodDir(t, out)
	m := e2eReadManifest(t, dir)
	want := "the PDF shows U+1F3F9 '🏹' in activities.csv, row 2, column title as a replacement character: its fonts have no glyph for it"
	if !slices.Contains(m.Warnings, want) {
		t.Errorf("warnings %q lack %q", m.Warnings, want)
	}
	n := 0
	for _, w := range m.Warnings {
		if strings.Contains(w, "U+1F3F9") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the missing character is reported %d times, want once: %q", n, m.Warnings)
	}
	text := e2ePDFText(t, filepath.Join(dir, "report-"+filepath.Base(dir)+".pdf"))
	if !strings.Contains(text, "Naadam \uFFFD festival, Өлгий") {
		t.Error("the PDF does not show the title with a visible replacement and the Mongolian text intact")
	}
}
