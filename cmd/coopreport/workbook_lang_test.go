package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkbookRecalculatesInLanguages: the workbook written in Russian
// and in French, whose formulas name the sheets by their names in the
// language ('Мероприятия'!$L$2…, 'Activités'!…; the About and data issues
// sheets have accents and spaces: 'À propos', 'Problèmes de données'),
// recalculates in LibreOffice to the values it carries, sheet by sheet.
// The run uses the language's built-in templates: a plural given the
// wrong number of forms fails it.
func TestWorkbookRecalculatesInLanguages(t *testing.T) {
	for _, c := range []struct {
		lang   string
		sheets []string // all of them; the first two and the fourth have formulas
	}{
		{"ru", []string{"Сводка", "Финансы", "Соглашения", "Мероприятия", "Ошибки данных", "О документе"}},
		{"fr", []string{"Résumé", "Finances", "Accords", "Activités", "Problèmes de données", "À propos"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			out := t.TempDir()
			args := []string{"run", "--input", exampleInput, "--out", out, "--now", exampleNow, "--lang", c.lang}
			var stdout, stderr bytes.Buffer
			if code := Main(args, &stdout, &stderr, noEnv); code != ExitOK {
				t.Fatalf("coopreport %s: exit status %d; stderr:\n%s", strings.Join(args, " "), code, stderr.String())
			}
			book := filepath.Join(out, exampleLabel, "report-"+exampleLabel+".xlsx")
			wb, order := wbOpenpyxl(t, book)
			for _, name := range c.sheets {
				if wb[name] == nil {
					t.Fatalf("the workbook has no sheet %q: %v", name, order)
				}
			}
			lo := wbRecalculate(t, book)[book]
			for _, name := range c.sheets {
				if lo[name] == nil {
					t.Errorf("LibreOffice exports no sheet %q: %v", name, order)
				}
			}
			perSheet, bad := wbFormulaMismatches(wb, order, lo)
			for _, m := range bad {
				t.Error(m)
			}
			for _, name := range []string{c.sheets[0], c.sheets[1], c.sheets[3]} {
				if perSheet[name] == 0 {
					t.Errorf("sheet %s has no formula", name)
				}
			}
			t.Logf("formulas compared: %v", perSheet)
		})
	}
}
