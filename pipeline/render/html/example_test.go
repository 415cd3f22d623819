package html_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/config"
	"coopreport/pipeline/render/chartdraw"
	"coopreport/pipeline/render/html"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/run"
	"coopreport/templates"
)

// exampleReport reads an example input folder as a run does and returns
// its report and the Markdown the PDF is drawn from (run.go:
// tmpl.ExecuteView(view, markdown.PDF)).
func exampleReport(t *testing.T, dir string) (*pipeline.Report, []byte) {
	t.Helper()
	cfg, err := config.Load(filepath.Join(dir, config.FileName), false)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, time.March, 2, 10, 0, 0, 0, time.UTC)
	st, err := cfg.Settings(nil, func(loc *time.Location) (time.Time, error) { return now.In(loc), nil })
	if err != nil {
		t.Fatal(err)
	}
	opt := run.NewOptions(dir, st)
	opt.Version, opt.SpoolDir = "test", t.TempDir()
	r, err := run.Read(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	name := st.Template
	if templates.Builtin[name] == "" {
		t.Fatalf("template %q is not built in", name)
	}
	if name == "default" {
		name = ""
	}
	tmpl, err := markdown.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	view, err := markdown.NewView(r)
	if err != nil {
		t.Fatal(err)
	}
	md, err := tmpl.ExecuteView(view, markdown.PDF)
	if err != nil {
		t.Fatal(err)
	}
	return r, md
}

// examplePage writes the page of an example folder. With
// COOPREPORT_HTML_KEEP=DIR set, the page (and the screenshots and the
// printed PDF of the browser tests) are kept in DIR, to be looked at.
func examplePage(t *testing.T, dir, name string) (path string, md []byte, r *pipeline.Report) {
	t.Helper()
	r, md = exampleReport(t, dir)
	var b bytes.Buffer
	chart := func(name, _ string, w float64) ([]byte, error) { // as the run draws them
		b, _, err := chartdraw.SVG(r, name, "", w)
		return b, err
	}
	if err := html.Write(&b, md, r, html.Options{Chart: chart}); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(outDir(t), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, md, r
}

func outDir(t *testing.T) string {
	if d := os.Getenv("COOPREPORT_HTML_KEEP"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}
