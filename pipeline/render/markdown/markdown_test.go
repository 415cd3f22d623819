package markdown_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/markdown"
	"coopreport/pipeline/run"
	"coopreport/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	exampleOnce sync.Once
	example     *pipeline.Report
	exampleErr  error
)

// inputReport is the report of the example input for 2012..2015 in MNT,
// read once.
func inputReport(t *testing.T) *pipeline.Report {
	t.Helper()
	exampleOnce.Do(func() {
		example, exampleErr = run.Read(context.Background(), run.Options{
			Input: "../../../input", Period: period.MustParse("2012..2015"), Currency: "MNT", Party: "Mongolia",
			Now: time.Date(2026, time.January, 2, 3, 4, 5, 0, time.UTC), Location: time.UTC, Version: "test",
		})
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return example
}

func execute(t *testing.T, name string, r *pipeline.Report, target markdown.Target) string {
	t.Helper()
	tm, err := markdown.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tm.Execute(r, target)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (go test -update rewrites it; review with git diff)\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\nwant: " + a + "\ngot:  " + b
		}
	}
	return ""
}

// The default report says what mongolia-measure.txt says, written from
// the records, in the order of the form.
func TestDefaultReport(t *testing.T) {
	r := inputReport(t)
	got := execute(t, "", r, markdown.PDF)
	golden(t, "report-pdf.md", got)

	inOrder := []string{
		"# Periodic report on international cultural cooperation\n", // the cover (no title configured)
		"**Mongolia**",
		"Reporting period: 2012–2015\n\nMade on 2 January 2026\n",
		"<!-- page-break -->\n\n<!-- toc -->\n\n<!-- page-break -->\n\n# Summary of the period",
		"During the period, 30 agreements were in force, with 26 partner countries; 6 agreements were signed within the period. 16 activities took place, with 208 participants.",
		"- 26,300.50 USD, or 46,148,234.16 MNT\n",
		"## Bilateral policy dialogues with cultural authorities of other countries\n\n### Responsible agencies\n\n" +
			"- Ministry of Education, Culture and Science\n- Ministry of Foreign Affairs\n- Related all governmental institutions\n",
		"### Nature of the measure\n\nlegislative, regulatory, financial and institutional\n",
		"**Activity 1:** Mongolia has maintained cultural cooperation under bilateral cultural cooperation agreements with " +
			"governmental and non-governmental institutions of the following partners: the Russian Federation, the People’s Republic of China, " +
			"Bulgaria, Greece, the Republic of Korea, Türkiye, Inner Mongolia (region of China), Spain,",
		"Japan and Austria.",
		"**Activity 2:** The Government of Mongolia has signed a cooperation plan (2012–2014) with the Government of the Democratic People’s Republic of Korea on 18 January 2013.",
		" The State Academic Opera and Ballet Theatre and the Tianjin Grand Theatre have established a memorandum of understanding (2013–2015), signed on 12 April 2013.",
		"**Activity 3:** Mongolia acceded to the “Marrakesh Treaty to Facilitate Access to Published Works for Persons Who Are Blind, Visually Impaired or Otherwise Print Disabled” on 23 September 2015.",
		"**Activity 4:** The 16th regular meeting of the Mongolia-Russia Intergovernmental Commission, Ulaanbaatar, held on 20–21 November 2014, was followed by these activities under the same agreement:\n\n" +
			"- Mongolian representatives at the \"Ancient ballads in present time\" festival, Moscow (3–7 June 2015)\n" +
			"- Mongolian students selected to study classic stage arts in Russia (1 September 2015)\n" +
			"- Russian professors and mentors invited to teach classic stage arts in Ulaanbaatar (7–25 September 2015)\n" +
			"- Training of orchestra directors in Russia (2 November – 18 December 2015)\n",
		"### Results expected through the implementation of the measure\n\n" +
			"Mongolia has signed bilateral governmental and non-governmental cultural sector cooperation agreements with 26 countries, " +
			"such as the Russian Federation and the People’s Republic of China, acceded to 1 international treaty, and established " +
			"1 memorandum of understanding with professional cultural institutions. During the period, 16 activities took place under the measure, with 208 participants.",
		"### Financial resources allocated to implement the measure",
		"- 95,000.00 CNY, or 26,411,000.00 MNT\n",
		"# Cooperation by partner",
		"| **All partners** | **6** | **30** | **16** | **208** |",
		"# Agreements expiring within the next 12 months",
		"No agreement in force after the period expires in the twelve months after it, by 31 December 2016.",
		"# Agreements that ended during the period",
		"| AG-028 | North Korea | Cultural cooperation plan between the Government of Mongolia and the Government of the Democratic People’s Republic of Korea for 2012-2014 | 31 December 2014 | expired |",
		"| AG-029 | China |",
		"# Cooperation by year",
		"# Money",
		"| Russia | USD | 16,500.50 | several | 32,843,950.16 |",
		"# Charts\n\n![Activities per partner country, 2012–2015](chart:activities-by-country)\n\n" +
			"![Money spent per year, in MNT](chart:money-by-bucket)\n\n![Agreements in force per year](chart:agreements-timeline)\n",
		"# Annex 1: Agreements in force",
		"| AG-028 | North Korea | Cooperation plan |",
		"# Annex 2: Activities of the period",
		"| AC-005 | 2 November – 18 December 2015 | Russia | training | Training of orchestra directors in Russia | 4 | 1,500.50 USD | 2,956,450.16 |",
		"# Annex 3: Data issues\n\nFor the keepers of the registers. No row of the input was rejected.",
		"| **All files** |  | **75** | **75** | **0** |",
	}
	at := 0
	for _, want := range inOrder {
		i := strings.Index(got[at:], want)
		if i < 0 {
			if strings.Contains(got, want) {
				t.Errorf("out of order: %q", want)
			} else {
				t.Errorf("missing: %q", want)
			}
			continue
		}
		at += i + len(want)
	}
	// The signing of the DPRK plan is typed as a meeting, but it is the
	// signing: reported with the plan, not as a commission meeting.
	if strings.Count(got, "was followed by") != 1 || strings.Contains(got, "Signing of the cultural cooperation plan for 2012-2014 with the Democratic People's Republic of Korea, held") {
		t.Error("the DPRK plan signing is reported as a meeting")
	}
	checkTables(t, got)

	again := execute(t, "", r, markdown.PDF)
	if again != got {
		t.Error("the same report gave different Markdown")
	}
}

// checkTables checks that every table line has as many cells as its
// header: data cannot break a table.
func checkTables(t *testing.T, md string) {
	t.Helper()
	want := -1
	for i, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := len(cells(line))
		if want < 0 {
			want = n
		} else if n != want {
			t.Errorf("line %d has %d cells, its table %d: %s", i+1, n, want, line)
		}
	}
}

// cells splits a table line at the pipes that are not escaped.
func cells(line string) []string {
	var out []string
	var cur strings.Builder
	for i := 1; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line):
			cur.WriteByte(line[i])
			cur.WriteByte(line[i+1])
			i++
		case line[i] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return out
}

// For the Markdown file, charts are tables of their data; everything
// else is as for the PDF.
func TestMarkdownTargetCharts(t *testing.T) {
	r := inputReport(t)
	got := execute(t, "default", r, markdown.Markdown)
	golden(t, "report.md", got)
	if strings.Contains(got, "chart:") {
		t.Error("the Markdown target has chart images")
	}
	for _, want := range []string{
		// The most activities first, as the PDF chart draws them, then the period's number.
		"*Activities per partner country, 2012–2015*\n\n| Partner | Activities |\n| --- | ---: |\n| Russia | 5 |\n| China | 2 |\n| France | 1 |\n",
		"| North Korea | 1 |\n| South Korea | 1 |\n| Türkiye | 1 |\n| **All partners** | **16** |\n",
		// The sum per year in the reporting currency, as the PDF chart draws it.
		"*Money spent per year, in MNT*\n\n| Year | In MNT |\n| --- | ---: |\n| 2012 | 17,804,284.00 |\n| 2013 | 43,630,600.00 |\n" +
			"| 2014 | 103,495,250.00 |\n| 2015 | 63,078,950.16 |\n",
		"*Agreements in force per year*\n\n| Year | Agreements in force | Agreements signed |\n| --- | ---: | ---: |\n" +
			"| 2012 | 26 | 1 |\n| 2013 | 28 | 3 |\n| 2014 | 29 | 1 |\n| 2015 | 29 | 1 |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing: %q", want)
		}
	}
	pdf := execute(t, "", r, markdown.PDF)
	strip := regexp.MustCompile(`(?s)# Charts.*?<!-- page-break -->`)
	if strip.ReplaceAllString(got, "") != strip.ReplaceAllString(pdf, "") {
		t.Error("the targets differ outside the charts")
	}
	checkTables(t, got)
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Mistakes in a template are reported with the template file and line:
// at Load for what parsing can see and for unknown fields, wherever they
// are (Load runs the template on trial reports); at Execute for functions
// that fail on the data of the period at hand. They read in words, with
// the action as written (errors_test.go has more of them).
func TestTemplateErrors(t *testing.T) {
	r := inputReport(t)
	const sample, empty = " (found by a trial run on a sample report)", " (found by a trial run on a report with no records)"
	tests := []struct {
		name    string
		files   map[string]string // the folder; the first file, main.md.tmpl, is loaded
		atLoad  bool
		file    string // the file the error names
		line    int
		message string // all of it after "template FILE line N: "
	}{
		{"unknown field", map[string]string{"main.md.tmpl": "# {{.Title}}\n\nSome text.\n\n{{.Titel}}\n"},
			true, "main.md.tmpl", 5, "{{.Titel}}: The report has no field Titel; did you mean .Title?" + sample},
		{"unknown field of a measure", map[string]string{"main.md.tmpl": "{{range .Measures}}\n{{.Agency}}\n{{end}}\n"},
			true, "main.md.tmpl", 2, "{{.Agency}}: A measure has no field Agency; the README lists the fields, under Templates" + sample},
		{"unknown field in a partial of the folder", map[string]string{
			"main.md.tmpl":    "# Report\n{{range .Measures}}{{template \"measure.md.tmpl\" .}}{{end}}\n",
			"measure.md.tmpl": "## {{.Title}}\n\n{{.Budget}}\n"},
			true, "measure.md.tmpl", 3, "{{.Budget}}: A measure has no field Budget; the README lists the fields, under Templates" + sample},
		// Branches the example input (2012..2015) skips, or that only
		// some periods take: each is found before any input is read.
		{"unknown field among treaties", map[string]string{"main.md.tmpl": "# Report\n\n{{range .Treaties}}{{.Tittle}}{{end}}\n"},
			true, "main.md.tmpl", 3, "{{.Tittle}}: An agreement has no field Tittle; did you mean .Title?" + sample},
		{"unknown field of what a meeting decided", map[string]string{"main.md.tmpl": "{{range .Meetings.First}}\n{{range .Decided.First}}\n{{.Outcome}}{{end}}{{end}}\n"},
			true, "main.md.tmpl", 3, "{{.Outcome}}: An activity has no field Outcome; the README lists the fields, under Templates" + sample},
		{"unknown field of an extra column", map[string]string{"main.md.tmpl": "{{range .Measures}}{{range .Extra}}\n{{.Header}}{{end}}{{end}}\n"},
			true, "main.md.tmpl", 2, "{{.Header}}: An extra column has no field Header; its fields are Name and Value" + sample},
		{"unknown field of a measure's money", map[string]string{"main.md.tmpl": "{{range .Measures}}{{with .Money}}{{range .}}\n\n{{.Sum}}{{end}}{{end}}{{end}}\n"},
			true, "main.md.tmpl", 3, "{{.Sum}}: A sum of money has no field Sum; its fields are Currency, Amount, Converted, Reporting, Rate and RateKnown (found by a trial run on a sample report without measures)"},
		{"unknown field of an amount not converted", map[string]string{"main.md.tmpl": "{{range .Activities.First}}{{if and .HasAmount (not .Converted)}}\n{{.Reason}}{{end}}{{end}}\n"},
			true, "main.md.tmpl", 2, "{{.Reason}}: An activity has no field Reason; did you mean .Region?" + sample},
		{"unknown field of a plan, an MoU, a region", map[string]string{"main.md.tmpl": "{{range .Plans}}{{.Title}}{{end}}{{range .MoUs}}{{.Title}}{{end}}\n{{range .Agreements}}{{with .Region}}{{$.Regions}}{{end}}{{end}}\n"},
			true, "main.md.tmpl", 2, "{{$.Regions}}: The report has no field Regions; the README lists the fields, under Templates" + sample},
		{"unknown field of a warning", map[string]string{"main.md.tmpl": "{{range .Warnings}}{{.Text}}{{end}}\n"},
			true, "main.md.tmpl", 1, "{{.Text}}: A text has no fields, so .Text cannot be taken from it (inside {{range}} or {{with}}, the dot is the item itself)" + sample},
		{"unknown field when the period has no records", map[string]string{"main.md.tmpl": "# Report\n\n{{if not .Activities.Count}}\n{{.NoActivities}}{{end}}\n"},
			true, "main.md.tmpl", 4, "{{.NoActivities}}: The report has no field NoActivities; did you mean .Activities?" + empty},
		{"unknown field without a reporting currency", map[string]string{"main.md.tmpl": "{{with .ReportingCurrency}}{{.}}{{else}}{{.Currency}}{{end}}\n"},
			true, "main.md.tmpl", 1, "{{.Currency}}: The report has no field Currency; the README lists the fields, under Templates" + empty},
		{"a function failing on any data", map[string]string{"main.md.tmpl": "# Report\n\n{{plural .Party \"x\" \"xs\"}}\n"},
			true, "main.md.tmpl", 3, `{{plural .Party "x" "xs"}}: plural cannot use what it is given: "Mongolia" is not a whole number` + sample},
		{"index beyond what a period with no records has", map[string]string{"main.md.tmpl": "{{(index .Activities.First 0).Title}}\n"},
			true, "main.md.tmpl", 1, "{{(index .Activities.First 0).Title}}: .Activities.First is empty, so there is no item 0: test its length first, " +
				"e.g. {{if gt (len .Activities.First) 0}}…{{end}}, or go through it with {{range .Activities.First}}" + empty},
		{"unknown function", map[string]string{"main.md.tmpl": "# Report\n\n{{frobnicate .Party}}\n"},
			true, "main.md.tmpl", 3, `{{frobnicate .Party}}: there is no function "frobnicate" (the README lists the functions, under Templates)`},
		{"unknown function in a partial of the folder", map[string]string{
			"main.md.tmpl":  "# Report\n{{template \"other.md.tmpl\" .}}\n",
			"other.md.tmpl": "text\n\n\n{{shout .Party}}\n"},
			true, "other.md.tmpl", 4, `{{shout .Party}}: there is no function "shout" (the README lists the functions, under Templates)`},
		{"unknown table", map[string]string{"main.md.tmpl": "# Report\n\n{{table \"by-city\"}}\n"},
			true, "main.md.tmpl", 3, `{{table "by-city"}}: there is no table "by-city"; the tables are ` + strings.Join(markdown.Tables, ", ")},
		{"unknown chart", map[string]string{"main.md.tmpl": "# Report\n{{chart \"pie\" \"A pie\"}}\n"},
			true, "main.md.tmpl", 2, `{{chart "pie" "A pie"}}: there is no chart "pie"; the charts are ` + strings.Join(markdown.Charts, ", ")},
		{"unknown partial", map[string]string{"main.md.tmpl": "# Report\n\n{{template \"measures.md.tmpl\" .}}\n"},
			true, "main.md.tmpl", 3, `{{template "measures.md.tmpl" .}}: there is no template "measures.md.tmpl" to include`},
		{"unclosed action", map[string]string{"main.md.tmpl": "# Report\n{{if .Party}}\ntext\n"},
			true, "main.md.tmpl", 2, "{{if .Party}} is never closed: add {{end}} where the text shown only when its condition holds should end"},
		// A function that fails only on some data fails when that data
		// comes: the sample has 8 activities, the example input 16.
		{"a function failing on the period's data", map[string]string{"main.md.tmpl": "# Report\n\n{{if gt .Activities.Count 10}}\n{{plural .Party \"x\" \"xs\"}}{{end}}\n"},
			false, "main.md.tmpl", 4, `{{plural .Party "x" "xs"}}: plural cannot use what it is given: "Mongolia" is not a whole number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tt.files {
				writeFile(t, dir, name, text)
			}
			main := filepath.Join(dir, "main.md.tmpl")
			tm, err := markdown.Load(main)
			if err == nil {
				if tt.atLoad {
					t.Fatal("Load accepted the template")
				}
				var out []byte
				out, err = tm.Execute(r, markdown.PDF)
				if err == nil {
					t.Fatalf("Execute accepted the template: %s", out)
				}
				if out != nil {
					t.Error("Execute returned output with its error")
				}
			} else if !tt.atLoad {
				t.Fatalf("Load failed: %v", err)
			}
			var te *markdown.Error
			if !errors.As(err, &te) {
				t.Fatalf("not a *markdown.Error: %T %v", err, err)
			}
			wantFile := filepath.Join(dir, tt.file)
			if te.File != wantFile || te.Line != tt.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", te.File, te.Line, wantFile, tt.line, err)
			}
			want := "template " + wantFile + " line " + strconv.Itoa(tt.line) + ": " + tt.message
			if got := err.Error(); got != want {
				t.Errorf("error\n%s\nwant\n%s", got, want)
			}
			checkNoGo(t, err)
		})
	}
}

func TestLoadMissing(t *testing.T) {
	tests := []struct{ name, path, want string }{
		{"no such file", "nowhere/report.md.tmpl", "nowhere/report.md.tmpl: there is no such file"},
		{"a folder", ".", "this is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := markdown.Load(tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error holding %q", err, tt.want)
			}
		})
	}
}

// A report writer's own template, in Mongolian, in a folder with a file
// name in Cyrillic, using a partial of its folder and a default one.
func TestMongolianTemplate(t *testing.T) {
	r := inputReport(t)
	dir := t.TempDir()
	main := writeFile(t, dir, "тайлан.md.tmpl", `# Монгол Улсын тайлан

{{.Period.Label}} оны хугацаанд {{.Totals.Countries}} улстай {{.Totals.InForce}} гэрээ хүчинтэй байв.

## Үр дүн

{{range .Measures}}{{template "арга-хэмжээ.md.tmpl" .}}{{end}}

{{template "annexes.md.tmpl" .}}
`)
	writeFile(t, dir, "арга-хэмжээ.md.tmpl", `### {{.Title}}

Өөр өөр түнш: {{len .Partners}}. Үйл ажиллагаа: {{.Activities.Count}}, оролцогч {{number .Participants}}.
`)
	got := execute(t, main, r, markdown.PDF)
	want := "# Монгол Улсын тайлан\n\n" +
		"2012..2015 оны хугацаанд 26 улстай 30 гэрээ хүчинтэй байв.\n\n" +
		"## Үр дүн\n\n" +
		"### Bilateral policy dialogues with cultural authorities of other countries\n\n" +
		"Өөр өөр түнш: 27. Үйл ажиллагаа: 16, оролцогч 208.\n\n" +
		"# Annex 1: Agreements in force\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant it to start with\n%s", got, want)
	}
}

// WriteDefaults writes the files a writer edits; loading the written main
// file gives the same report as the embedded default. It never
// overwrites.
func TestWriteDefaults(t *testing.T) {
	r := inputReport(t)
	dir := filepath.Join(t.TempDir(), "my templates")
	if err := markdown.WriteDefaults(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"report.md.tmpl", "measure.md.tmpl", "annexes.md.tmpl"} {
		want, err := templates.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: not the default (%v)", name, err)
		}
	}
	for _, target := range []markdown.Target{markdown.PDF, markdown.Markdown} {
		if a, b := execute(t, filepath.Join(dir, templates.Default), r, target), execute(t, "", r, target); a != b {
			t.Errorf("target %d: the written templates give another report:\n%s", target, firstDiff(b, a))
		}
	}

	// An edited partial in the folder replaces the default one.
	writeFile(t, dir, "annexes.md.tmpl", "# Annexes\n\nLeft out.\n")
	if got := execute(t, filepath.Join(dir, templates.Default), r, markdown.PDF); !strings.HasSuffix(got, "# Annexes\n\nLeft out.\n") {
		t.Errorf("the edited partial was not used:\n%s", got[len(got)-200:])
	}

	err := markdown.WriteDefaults(dir)
	var exists *markdown.ExistsError
	if !errors.As(err, &exists) || exists.Dir != dir || !slices.Equal(exists.Files, []string{"annexes.md.tmpl", "form-b-measure.md.tmpl", "form-b.md.tmpl", "measure.md.tmpl", "report.md.tmpl"}) {
		t.Errorf("WriteDefaults over existing files: %#v", err)
	}
	if want := dir + " already holds annexes.md.tmpl, form-b-measure.md.tmpl, form-b.md.tmpl, measure.md.tmpl and report.md.tmpl"; err == nil || err.Error() != want {
		t.Errorf("WriteDefaults over existing files: %v, want %q", err, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "annexes.md.tmpl")); string(b) != "# Annexes\n\nLeft out.\n" {
		t.Error("WriteDefaults overwrote a file")
	}

	// With one file present, none is written.
	dir2 := t.TempDir()
	writeFile(t, dir2, "report.md.tmpl", "mine")
	if err := markdown.WriteDefaults(dir2); err == nil || !strings.Contains(err.Error(), "report.md.tmpl") {
		t.Errorf("WriteDefaults: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir2, "annexes.md.tmpl")); err == nil {
		t.Error("WriteDefaults wrote files next to an existing one")
	}
}

// Data with Markdown's special characters stays text: in a table it
// keeps the table's shape, in a heading or a paragraph it stays one.
func TestDataIsEscaped(t *testing.T) {
	r := *inputReport(t)
	r.Agreements = append([]pipeline.Agreement(nil), r.Agreements...)
	r.Agreements[0].Title = "Agreement | with *stars* and _under_ [link](x) <b>bold</b> `code` &amp; \\ # 1. \n- item"
	r.Measures = append([]pipeline.Measure(nil), r.Measures...)
	r.Measures[0].Title = "# Measure *one* | two"
	r.Measures[0].Objectives = "1. First\n- second | part\n> quoted"
	got := execute(t, "", &r, markdown.Markdown)
	checkTables(t, got)
	for _, want := range []string{
		"| AG-001 | Russia | Agreement | Agreement \\| with \\*stars\\* and \\_under\\_ \\[link\\](x) \\<b\\>bold\\</b\\> \\`code\\` \\&amp; \\\\ # 1. - item | 1994-01-20 |",
		"## \\# Measure \\*one\\* \\| two\n",
		"### Key objectives of the measure\n\n1\\. First\n\n\\- second \\| part\n\n\\> quoted\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing: %q", want)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Plain text, (2012-2014) and 10.5%", "Plain text, (2012-2014) and 10.5%"},
		{"a*b*c", `a\*b\*c`},
		{"x | y", `x \| y`},
		{"snake_case", `snake\_case`},
		{"[link](url)", `\[link\](url)`},
		{"<b>", `\<b\>`},
		{"`code`", "\\`code\\`"},
		{`back\slash`, `back\\slash`},
		{"~~strike~~", `\~\~strike\~\~`},
		{"AT&T", "AT&T"},
		{"&amp; &#169; &#x1F600;", `\&amp; \&#169; \&#x1F600;`},
		{"# heading", `\# heading`},
		{"#hashtag", "#hashtag"},
		{"title #", `title \#`},
		{"- item", `\- item`},
		{"-1,250.00 MNT", "-1,250.00 MNT"},
		{"+ item", `\+ item`},
		{"---", `\---`},
		{"===", `\===`},
		{"2015. A year", `2015\. A year`},
		{"1) first", `1\) first`},
		{"12.5 tons", "12.5 tons"},
		{"line one\nline two\r\n\tthree", "line one line two three"},
		{"  spaced  ", "spaced"},
		{"Монгол Улсын тайлан: Ө ө Ү ү ₮", "Монгол Улсын тайлан: Ө ө Ү ү ₮"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := markdown.Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// Without a measures table, one measure is made from the records.
func TestMeasureFromRecords(t *testing.T) {
	r := *inputReport(t)
	r.Measures = nil
	v, err := markdown.NewView(&r)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Measures) != 1 {
		t.Fatalf("%d measures", len(v.Measures))
	}
	m := v.Measures[0]
	if m.Title != "International cultural cooperation" || !m.FromRecords || len(m.Countries) != 26 || len(m.Partners) != 27 ||
		m.Activities.Count != 16 || len(m.Plans) != 1 || len(m.MoUs) != 1 || len(m.Treaties) != 1 || m.Meetings.Count != 1 {
		t.Errorf("measure: %q from records %v, %d countries, %d partners, %d activities, %d plans, %d MoUs, %d treaties, %d meetings",
			m.Title, m.FromRecords, len(m.Countries), len(m.Partners), m.Activities.Count, len(m.Plans), len(m.MoUs), len(m.Treaties), m.Meetings.Count)
	}
	got := execute(t, "", &r, markdown.PDF)
	for _, want := range []string{
		"## International cultural cooperation\n\n### Responsible agencies\n\nNot given.\n",
		"with 26 countries, such as the Russian Federation and the People’s Republic of China",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing: %q", want)
		}
	}
}

// A meeting held on the day its agreement was signed is the signing; a
// meeting decided the later activities of its agreement, within two years
// and up to its next meeting.
func TestMeetings(t *testing.T) {
	v, err := markdown.NewView(inputReport(t))
	if err != nil {
		t.Fatal(err)
	}
	if v.Meetings.Count != 1 || v.Meetings.First[0].ID != "AC-001" {
		t.Fatalf("meetings: %+v", v.Meetings)
	}
	var ids []string
	for _, a := range v.Meetings.First[0].Decided.First {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "AC-002 AC-004 AC-003 AC-005" {
		t.Errorf("decided: %s", got)
	}

	r := *inputReport(t)
	acts := pipeline.First(r.Ledger, r.Ledger.Len())
	for i := range acts {
		if acts[i].ID == "AC-003" { // a second meeting ends what the first decided
			acts[i].Type = pipeline.TypeMeeting
		}
	}
	r.Ledger = pipeline.Activities(acts)
	if v, err = markdown.NewView(&r); err != nil {
		t.Fatal(err)
	}
	ms := v.Meetings.First
	if len(ms) != 2 || ms[0].Decided.Count != 2 || ms[1].Decided.Count != 1 || ms[1].Decided.First[0].ID != "AC-005" {
		t.Errorf("with a second meeting: %+v", v.Meetings)
	}
}

// Only the files a template includes are read: a broken file beside it
// does not matter.
func TestOnlyIncludedFilesAreRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "old.md.tmpl", "{{broken")
	main := writeFile(t, dir, "mine.md.tmpl", "# {{.Party}}\n\n{{template \"part.md.tmpl\" .}}\n")
	writeFile(t, dir, "part.md.tmpl", "{{plural .Totals.Countries \"partner\" \"partners\"}}\n")
	if got := execute(t, main, inputReport(t), markdown.PDF); got != "# Mongolia\n\n26 partners\n" {
		t.Errorf("got %q", got)
	}
}

// A period with no records and no reporting currency still gives a whole
// report that says so.
func TestEmptyPeriod(t *testing.T) {
	in := inputReport(t)
	r := &pipeline.Report{Party: "Mongolia", Made: in.Made, Period: in.Period, Rates: pipeline.NewRates("", nil), Inputs: in.Inputs}
	got := execute(t, "", r, markdown.PDF)
	checkTables(t, got)
	for _, want := range []string{
		"Reporting period: 2012–2015\n\n**No records for this period.** No agreement was in force or signed and no activity took place from 1 January 2012 to 31 December 2015: check the period and the input folder.",
		"No agreement was in force during the period. No activity is recorded for the period.",
		"## International cultural cooperation\n",
		"### Main features of the measure\n\nNo agreement or activity of the period is linked to this measure.\n",
		"No results can be written from the records of the period.",
		"No money was recorded for the measure in the period.",
		"No reporting currency is set, so nothing is converted.\n\nNo money was recorded for the activities of the period.\n\n",
		"No activity took place in the period, so there is no chart of activities.\n\nNo agreement was in force or signed in the period, so there is no chart of agreements.",
		"No agreement in force after the period expires in the twelve months after it, by 31 December 2016.\n\n# Agreements that ended during the period\n\nNo agreement ended during the period.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing: %q", want)
		}
	}
	// No table of zeros: the totals, partners and buckets say it in words.
	for _, never := range []string{"money-by-bucket", "chart:", "in numbers*", "| Partner countries | 0 |", "*Cooperation by partner", "*Cooperation by year"} {
		if strings.Contains(got, never) {
			t.Errorf("the report of an empty period holds %q:\n%s", never, got)
		}
	}
}
