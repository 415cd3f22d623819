package markdown

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"coopreport/pipeline/lang"
	"coopreport/templates"
)

// langMarks are headings that each language's built-in templates write
// on the sample report: the summary (report.md.tmpl and form-b.md.tmpl),
// a measure's heading in measure.md.tmpl and in form-b-measure.md.tmpl,
// and the first annex (annexes.md.tmpl). French puts a no-break space
// before a colon.
var langMarks = map[lang.Lang]struct{ summary, measure, formB, annex string }{
	lang.English:   {"# Summary of the period\n", "### Key objectives of the measure\n", "#### Describe the main features of the policy/measure\n", "# Annex 1: Agreements in force\n"},
	lang.French:    {"# Résumé de la période\n", "### Objectifs clés de la mesure\n", "#### Décrire les principales caractéristiques de la politique/mesure\n", "# Annexe 1\u00a0: Accords en vigueur\n"},
	lang.Mongolian: {"# Тайлант хугацааны хураангуй\n", "### Арга хэмжээний гол зорилт\n", "#### Бодлого/арга хэмжээний үндсэн онцлогийг тодорхойлно уу\n", "# Хавсралт 1. Хүчин төгөлдөр гэрээ\n"},
	lang.Russian:   {"# Обзор отчётного периода\n", "### Ключевые цели меры\n", "#### Опишите основные характеристики политики/меры\n", "# Приложение 1. Действующие соглашения\n"},
}

// executeIn executes t on the sample report in language l.
func executeIn(t *testing.T, tp *Template, l lang.Lang) string {
	t.Helper()
	r := sampleReport()
	r.Lang = l
	out, err := tp.Execute(r, Markdown)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// LoadIn with a built-in name picks the language's files, the main
// template and the partials it includes, and no other language's.
func TestLoadInBuiltin(t *testing.T) {
	for _, l := range lang.All {
		for _, name := range []string{"", "default", "form-a", "form-b"} {
			t.Run(l.Code()+"/"+name, func(t *testing.T) {
				tp, err := LoadIn(name, l)
				if err != nil {
					t.Fatal(err)
				}
				if tp.Lang() != l {
					t.Errorf("Lang() = %q, want %q", tp.Lang(), l)
				}
				out := executeIn(t, tp, l)
				want := langMarks[l]
				measure := want.measure
				if name == "form-b" {
					measure = want.formB
				}
				for _, w := range []string{want.summary, measure, want.annex} {
					if !strings.Contains(out, w) {
						t.Errorf("no %q in the output", w)
					}
				}
				for other, marks := range langMarks {
					if other == l {
						continue
					}
					for _, w := range []string{marks.summary, marks.measure, marks.formB, marks.annex} {
						if strings.Contains(out, w) {
							t.Errorf("the %s report holds the %s heading %q", l.Code(), other.Code(), w)
						}
					}
				}
			})
		}
	}
}

// A built-in template's text is the file of its language: the French
// report.md.tmpl's own words reach the output.
func TestLoadInBuiltinText(t *testing.T) {
	for _, c := range []struct {
		l    lang.Lang
		file string
		text string
	}{
		{lang.French, "report.md.tmpl", "Période couverte par le rapport\u00a0: "},
		{lang.French, "measure.md.tmpl", "### Domaine culturel\n"},
		{lang.Russian, "report.md.tmpl", "# Меры\n"},
		{lang.Mongolian, "report.md.tmpl", "# Арга хэмжээ\n"},
	} {
		b, err := fs.ReadFile(templates.FS, path.Join(templates.Dir(c.l.Code()), c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), c.text) {
			t.Fatalf("%s/%s has no %q: fix the test", c.l.Code(), c.file, c.text)
		}
		tp, err := LoadIn("default", c.l)
		if err != nil {
			t.Fatal(err)
		}
		if out := executeIn(t, tp, c.l); !strings.Contains(out, c.text) {
			t.Errorf("%s: the text %q of %s is not in the output", c.l.Code(), c.text, c.file)
		}
	}
}

// A user's folder that holds only report.md.tmpl gets the built-in
// partials it includes in the template's language; a partial of the
// folder wins over the built-in one.
func TestLoadInFallback(t *testing.T) {
	main := "# Mine\n\n{{range .Measures}}{{template \"measure.md.tmpl\" .}}{{end}}\n{{template \"annexes.md.tmpl\" .}}\n"
	for _, l := range lang.All {
		t.Run(l.Code(), func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "report.md.tmpl")
			if err := os.WriteFile(file, []byte(main), 0o644); err != nil {
				t.Fatal(err)
			}
			tp, err := LoadIn(file, l)
			if err != nil {
				t.Fatal(err)
			}
			out := executeIn(t, tp, l)
			if !strings.HasPrefix(out, "# Mine\n") {
				t.Errorf("the output does not start with the user's template:\n%.200s", out)
			}
			for _, w := range []string{langMarks[l].measure, langMarks[l].annex} {
				if !strings.Contains(out, w) {
					t.Errorf("no %q: the built-in partial of %s was not used", w, l.Code())
				}
			}
			for other, marks := range langMarks {
				if other != l && strings.Contains(out, marks.measure) {
					t.Errorf("the %s measure was used in a %s report", other.Code(), l.Code())
				}
			}

			// The folder's own partial wins.
			if err := os.WriteFile(filepath.Join(dir, "measure.md.tmpl"), []byte("## My measure: {{.Title}}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			tp, err = LoadIn(file, l)
			if err != nil {
				t.Fatal(err)
			}
			out = executeIn(t, tp, l)
			if !strings.Contains(out, "## My measure: ") || strings.Contains(out, langMarks[l].measure) {
				t.Errorf("the folder's measure.md.tmpl was not used:\n%.400s", out)
			}
			if !strings.Contains(out, langMarks[l].annex) {
				t.Errorf("no built-in annexes of %s", l.Code())
			}
		})
	}
}

// WriteDefaultsIn writes the language's templates, byte for byte, and
// refuses a folder that holds one of them already, writing nothing.
func TestWriteDefaultsIn(t *testing.T) {
	for _, l := range lang.All {
		t.Run(l.Code(), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "my-templates")
			if err := WriteDefaultsIn(dir, l); err != nil {
				t.Fatal(err)
			}
			src := templates.Dir(l.Code())
			names, err := fs.Glob(templates.FS, path.Join(src, "*.tmpl"))
			if err != nil || len(names) == 0 {
				t.Fatalf("no built-in templates for %s: %v", l.Code(), err)
			}
			var want []string
			for _, n := range names {
				want = append(want, path.Base(n))
				b, _ := fs.ReadFile(templates.FS, n)
				got, err := os.ReadFile(filepath.Join(dir, path.Base(n)))
				if err != nil {
					t.Error(err)
				} else if string(got) != string(b) {
					t.Errorf("%s is not the built-in %s", path.Base(n), n)
				}
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != len(names) {
				t.Errorf("%d files written, want %d", len(entries), len(names))
			}

			// The written templates load as the built-in ones do.
			if tp, err := LoadIn(filepath.Join(dir, templates.Default), l); err != nil {
				t.Error(err)
			} else if out := executeIn(t, tp, l); !strings.Contains(out, langMarks[l].measure) {
				t.Errorf("the written templates do not make the %s report", l.Code())
			}

			// Again: every file is in the way.
			err = WriteDefaultsIn(dir, l)
			var exists *ExistsError
			if !errors.As(err, &exists) {
				t.Fatalf("writing again: %v, want an *ExistsError", err)
			}
			if exists.Dir != dir || !reflect.DeepEqual(exists.Files, want) {
				t.Errorf("ExistsError{%q, %q}, want {%q, %q}", exists.Dir, exists.Files, dir, want)
			}

			// One file in the way: nothing is written, the file is kept.
			dir2 := t.TempDir()
			mine := filepath.Join(dir2, "measure.md.tmpl")
			if err := os.WriteFile(mine, []byte("mine\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			err = WriteDefaultsIn(dir2, l)
			if !errors.As(err, &exists) || !reflect.DeepEqual(exists.Files, []string{"measure.md.tmpl"}) {
				t.Errorf("writing over measure.md.tmpl: %v", err)
			}
			if b, _ := os.ReadFile(mine); string(b) != "mine\n" {
				t.Error("measure.md.tmpl was overwritten")
			}
			if entries, _ := os.ReadDir(dir2); len(entries) != 1 {
				t.Errorf("%d files in the folder, want only measure.md.tmpl", len(entries))
			}
		})
	}
}
