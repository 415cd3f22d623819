package main

import (
	"os"
	"path/filepath"
	"strconv"
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
	want := "coopreport templates: " + dir + " already holds annexes.md.tmpl, form-b-measure.md.tmpl, form-b.md.tmpl, measure.md.tmpl and report.md.tmpl. Nothing was written.\n" +
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

// TestTemplateMistake: a template's mistake reads in words on stderr,
// with the file, the line and the action; the JSON log carries Go's own
// message apart, for whoever maintains coopreport.
func TestTemplateMistake(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-templates")
	opsMain(t, nil, "templates", dir).want(t, ExitOK)
	main := filepath.Join(dir, "report.md.tmpl")
	b, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	// The {{end}} of {{range .Measures}}, the last block of its line.
	text := strings.Replace(string(b), "{{template \"measure.md.tmpl\" .}}\n{{end}}\n", "{{template \"measure.md.tmpl\" .}}\n", 1)
	if text == string(b) {
		t.Fatal("the default report changed: fix the test")
	}
	if err := os.WriteFile(main, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	res := opsMain(t, nil, "run", "--input", "../../input", "--out", out, "--template", main)
	res.want(t, ExitFailed)
	line := strings.Count(text[:strings.Index(text, "{{range .Measures}}")], "\n") + 1
	want := "coopreport run: the run failed: template " + main + " line " + strconv.Itoa(line) + ": {{range .Measures}} is never closed: add {{end}} where the text repeated for each item should end"
	if !strings.HasPrefix(res.stderr, want) {
		t.Errorf("stderr\n%s\nwant it to start with\n%s", res.stderr, want)
	}
	if strings.Contains(res.stderr, "EOF") {
		t.Errorf("stderr speaks Go: %s", res.stderr)
	}
	js := opsMain(t, nil, "run", "--input", "../../input", "--out", out, "--template", main, "--log-format", "json")
	js.want(t, ExitFailed)
	if !strings.Contains(js.stderr, `"template_error":"template: report.md.tmpl:`) || !strings.Contains(js.stderr, "unexpected EOF") {
		t.Errorf("the JSON log lacks Go's message: %s", js.stderr)
	}
}

// TestTemplateHTML: HTML written in a template is left out of the PDF,
// and the run says so once, in its warnings (the manifest's, the
// workbook's, -v's), naming the template and line of the first.
func TestTemplateHTML(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-templates")
	opsMain(t, nil, "templates", dir).want(t, ExitOK)
	main := filepath.Join(dir, "report.md.tmpl")
	b, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "Reporting period: {{.Period.Name}}\n", "Reporting period:<br>{{.Period.Name}}\n\n<div>Boxed</div>\n", 1)
	if text == string(b) {
		t.Fatal("the default report changed: fix the test")
	}
	if err := os.WriteFile(main, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	res := e2eRun(t, "../../input", out, "--template", main)
	if res.code != ExitOK {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	m := e2eReadManifest(t, periodDir(t, out))
	want := "the PDF leaves out HTML, which it does not draw: <br> in " + main + " line 16 and 1 more place; write Markdown instead (see Markdown in templates, in the README)"
	n := 0
	for _, w := range m.Warnings {
		if strings.Contains(w, "HTML") {
			n++
			if w != want {
				t.Errorf("warning\n%s\nwant\n%s", w, want)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d warnings about HTML, want 1: %q", n, m.Warnings)
	}
}
