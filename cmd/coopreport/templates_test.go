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

// sameTemplates fails unless dir holds exactly the files of want, byte for
// byte.
func sameTemplates(t *testing.T, dir, want string) {
	t.Helper()
	wants, err := filepath.Glob(filepath.Join(want, "*.tmpl"))
	if err != nil || len(wants) == 0 {
		t.Fatalf("no templates in %s: %v", want, err)
	}
	got, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(wants) {
		t.Errorf("%s holds %d files, want the %d of %s", dir, len(got), len(wants), want)
	}
	for _, w := range wants {
		wb, err := os.ReadFile(w)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := os.ReadFile(filepath.Join(dir, filepath.Base(w)))
		if err != nil {
			t.Error(err)
			continue
		}
		if string(gb) != string(wb) {
			t.Errorf("%s is not %s", filepath.Join(dir, filepath.Base(w)), w)
		}
	}
}

// TestTemplatesLang: coopreport templates writes the templates of the
// language --lang names, the flag before or after the folder.
func TestTemplatesLang(t *testing.T) {
	for _, c := range []struct {
		args []string // DIR is the folder
		want string
	}{
		{[]string{"--lang", "ru", "DIR"}, "ru"},
		{[]string{"-lang=ru", "DIR"}, "ru"},
		{[]string{"--lang=fr", "DIR"}, "fr"},
		{[]string{"DIR", "--lang", "mn"}, "mn"},
		{[]string{"--lang", "en", "DIR"}, ""},
		{[]string{"--lang", "", "DIR"}, ""},
		{[]string{"DIR"}, ""},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "my-templates")
			res := opsMain(t, nil, withDir(dir, "templates", c.args...)...)
			res.want(t, ExitOK)
			if res.stdout != "" || res.stderr != "" {
				t.Errorf("stdout %q, stderr %q", res.stdout, res.stderr)
			}
			sameTemplates(t, dir, filepath.Join("../../templates", c.want))
		})
	}
}

// TestTemplatesUsage: a bad command line writes nothing, exits 2 and says
// what is wrong in one line.
func TestTemplatesUsage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-templates")
	for _, c := range []struct {
		args []string // DIR is the folder
		want string
	}{
		{[]string{"--lang", "de", "DIR"}, `coopreport templates: --lang: "de" is not a language coopreport writes reports in: use en (English), fr (French), mn (Mongolian) or ru (Russian) (see coopreport help)` + "\n"},
		{[]string{"DIR", "--lang=xx"}, `coopreport templates: --lang: "xx" is not a language`},
		{[]string{"fr", "DIR"}, `coopreport templates: unexpected argument "` + dir + `": give one folder, e.g. coopreport templates --lang fr my-templates (see coopreport help)` + "\n"},
		{[]string{"DIR", "extra"}, `coopreport templates: unexpected argument "extra"`},
		{[]string{"--lang", "ru", "DIR", "extra"}, `coopreport templates: unexpected argument "extra"`},
		{[]string{"DIR", "--lang", "ru", "extra"}, `coopreport templates: unexpected argument "extra"`},
		{[]string{}, "coopreport templates: give the folder to write the default templates into"},
		{[]string{"--lang", "ru"}, "coopreport templates: give the folder to write the default templates into"},
		{[]string{"DIR", "--lang"}, "coopreport templates: flag needs an argument: -lang (see coopreport help)\n"},
		{[]string{"--force", "DIR"}, "coopreport templates: flag provided but not defined: -force (see coopreport help)\n"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			res := opsMain(t, nil, withDir(dir, "templates", c.args...)...)
			res.want(t, ExitUsage)
			if !strings.HasPrefix(res.stderr, c.want) {
				t.Errorf("stderr\n%s\nwant it to start with\n%s", res.stderr, c.want)
			}
			if strings.Count(res.stderr, "\n") != 1 || res.stdout != "" {
				t.Errorf("stdout %q, stderr %q: want one line on stderr", res.stdout, res.stderr)
			}
			if _, err := os.Stat(dir); err == nil {
				t.Fatalf("%s was made", dir)
			}
		})
	}
	// -h and --help print the help, wherever they are.
	for _, args := range [][]string{{"-h"}, {"--help"}, {"-help"}, {"DIR", "-h"}, {"--lang", "ru", "--help"}} {
		res := opsMain(t, nil, withDir(dir, "templates", args...)...)
		if res.code != ExitOK || !strings.Contains(res.stdout, "coopreport templates [--lang L] DIR") || res.stderr != "" {
			t.Errorf("templates %s: exit %d, stdout %.40q…, stderr %q", strings.Join(args, " "), res.code, res.stdout, res.stderr)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("%s was made", dir)
	}
}

// withDir is the command line cmd args with DIR replaced by dir.
func withDir(dir, cmd string, args ...string) []string {
	out := []string{cmd}
	for _, a := range args {
		out = append(out, strings.ReplaceAll(a, "DIR", dir))
	}
	return out
}
