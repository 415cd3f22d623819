package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"coopreport/pipeline"
)

func dec(s string) pipeline.Decimal {
	d, err := pipeline.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

func date(y int, m time.Month, d int) pipeline.Date { return pipeline.Date{Year: y, Month: m, Day: d} }

var (
	russia   = pipeline.Country{Code: "RU", Alpha3: "RUS", Name: "Russia", LongName: "Russian Federation"}
	china    = pipeline.Country{Code: "CN", Alpha3: "CHN", Name: "China", LongName: "People's Republic of China"}
	japan    = pipeline.Country{Code: "JP", Alpha3: "JPN", Name: "Japan", LongName: "Japan"}
	kuwait   = pipeline.Country{Code: "KW", Alpha3: "KWT", Name: "Kuwait", LongName: "State of Kuwait"}
	multilat = pipeline.Country{}
)

const longMeasureText = "Main objectives of multilateral cultural cooperation of Mongolia aim to develop her national unique culture and heritage intertwined and in parallel with global cultural achievements, to protect and recover historical and cultural values and properties.\n\n\n\nIn regard to strengthening capacity of human resources of cultural institutions, selected staffs have participated in international trainings overseas.\r\nСоёлын хамтын ажиллагааны зорилт: Өвөрмөц соёлын өвийг хамгаалах, үндэсний үүрэг.\n"

// sampleReport is a period of 2025-Q3 by month with n activities, a few
// hundred of which make the activity annex span several pages.
func sampleReport(n int) *pipeline.Report {
	r := &pipeline.Report{
		Party:    "Mongolia",
		Title:    "Соёлын хамтын ажиллагааны тайлан 😀",
		Currency: "MNT",
		Version:  "v1.2.3",
		Made:     time.Date(2025, time.October, 2, 9, 30, 0, 0, time.UTC),
		Period: pipeline.Period{
			Label: "2025-Q3", From: date(2025, 7, 1), To: date(2025, 9, 30), By: pipeline.ByMonth,
			Buckets: []pipeline.Bucket{
				{Label: "2025-07", From: date(2025, 7, 1), To: date(2025, 7, 31)},
				{Label: "2025-08", From: date(2025, 8, 1), To: date(2025, 8, 31)},
				{Label: "2025-09", From: date(2025, 9, 1), To: date(2025, 9, 30)},
			},
		},
		Countries: []pipeline.Country{china, japan, kuwait, russia},
		Totals: []pipeline.SummaryRow{
			{Bucket: "2025-Q3", Country: china, Counts: pipeline.Counts{Signed: 1, InForce: 2, Activities: 40, Participants: 1200}},
			{Bucket: "2025-Q3", Country: japan, Counts: pipeline.Counts{Signed: 0, InForce: 1, Activities: 3, Participants: 45}},
			{Bucket: "2025-Q3", Country: kuwait, Counts: pipeline.Counts{Signed: 0, InForce: 1, Activities: 0, Participants: 0}},
			{Bucket: "2025-Q3", Country: russia, Counts: pipeline.Counts{Signed: 2, InForce: 3, Activities: 57, Participants: 123456}},
			{Bucket: "2025-Q3", Country: multilat, Counts: pipeline.Counts{Signed: 1, InForce: 1, Activities: 1, Participants: 10}},
		},
		Summary: []pipeline.SummaryRow{
			{Bucket: "2025-07", Country: china, Counts: pipeline.Counts{Signed: 1, InForce: 2, Activities: 20, Participants: 600}},
			{Bucket: "2025-07", Country: russia, Counts: pipeline.Counts{Signed: 2, InForce: 3, Activities: 30, Participants: 100000}},
			{Bucket: "2025-08", Country: russia, Counts: pipeline.Counts{InForce: 3, Activities: 27, Participants: 23456}},
			{Bucket: "2025-09", Country: china, Counts: pipeline.Counts{InForce: 2, Activities: 20, Participants: 600}},
		},
		FinanceTotals: []pipeline.FinanceRow{
			{Bucket: "2025-Q3", Country: china, Currency: "MNT", Amount: dec("1250000.5"), Rate: dec("1"), RateKnown: true, Reporting: dec("1250000.50"), Converted: true},
			{Bucket: "2025-Q3", Country: japan, Currency: "JPY", Amount: dec("150000"), Rate: dec("23.456"), RateKnown: true, Reporting: dec("3518400.00"), Converted: true},
			{Bucket: "2025-Q3", Country: kuwait, Currency: "KWD", Amount: dec("1234.5"), Converted: false},
			{Bucket: "2025-Q3", Country: russia, Currency: "MNT", Amount: dec("98765432.10"), Rate: dec("1"), RateKnown: true, Reporting: dec("98765432.10"), Converted: true},
		},
		Finance: []pipeline.FinanceRow{
			{Bucket: "2025-07", Country: china, Currency: "MNT", Amount: dec("1250000.5"), Rate: dec("1"), RateKnown: true, Reporting: dec("1250000.50"), Converted: true},
			{Bucket: "2025-08", Country: japan, Currency: "JPY", Amount: dec("150000"), Reporting: dec("3518400.00"), Converted: true},
			{Bucket: "2025-09", Country: kuwait, Currency: "KWD", Amount: dec("1234.5")},
		},
		Agreements: []pipeline.Agreement{
			{Pos: pipeline.Pos{File: "agreements.csv", Row: 2}, ID: "AG-001", Country: russia, Instrument: pipeline.InstrumentAgreement,
				Title: "Соглашение о культурном сотрудничестве между Монголией и Российской Федерацией", Signed: date(2013, 1, 18), ValidFrom: date(2013, 1, 18)},
			{Pos: pipeline.Pos{File: "agreements.csv", Row: 3}, ID: "AG-002", Country: china, Region: "Inner Mongolia", Instrument: pipeline.InstrumentMoU,
				Title: "Өвөр Монголын театртай байгуулсан санамж бичиг", Signed: date(2013, 5, 1), ValidFrom: date(2013, 5, 1), ValidTo: date(2026, 12, 31)},
			{Pos: pipeline.Pos{File: "agreements.csv", Row: 4}, ID: "AG-EXPIRED", Country: japan, Instrument: pipeline.InstrumentPlan,
				Title: "Expired plan 2012-2014", Signed: date(2012, 1, 1), ValidFrom: date(2012, 1, 1), ValidTo: date(2014, 12, 31)},
		},
		Measures: []pipeline.Measure{
			{Pos: pipeline.Pos{File: "measures.xlsx", Sheet: "Measures", Row: 2}, ID: "M1",
				Title:      "Bilateral policy dialogues with cultural authorities of other countries",
				Agencies:   "Ministry of Education, Culture and Science\nMinistry of Foreign Affairs",
				Objectives: strings.Repeat(longMeasureText, 12),
				Nature:     []pipeline.Nature{pipeline.Legislative, pipeline.Financial},
				Results:    "Signed agreements with 26 countries.",
				Resources:  "₮ 1,250,000,000 from the state budget."},
		},
		Warnings: []string{"Two exchange rates were given for JPY in 2025-08; the monthly one was used."},
	}
	types := []pipeline.ActivityType{pipeline.TypeFestival, pipeline.TypeTraining, pipeline.TypeExhibition}
	countries := []pipeline.Country{russia, china, japan}
	for i := range n {
		a := pipeline.Activity{
			Pos:          pipeline.Pos{File: "activities.csv", Row: i + 2},
			ID:           fmt.Sprintf("ACT-%04d", i+1),
			Date:         date(2025, time.Month(7+i%3), 1+i%28),
			Country:      countries[i%3],
			Type:         types[i%3],
			Title:        fmt.Sprintf("Гастроли ансамбля «Үндэсний дуу бүжиг» № %d", i+1),
			Participants: int64(10 + i),
		}
		if i%2 == 0 {
			a.Amount = &pipeline.Money{Amount: pipeline.NewDecimal(int64(1000000+i*1234567), 2), Currency: "MNT"}
		}
		if i == 7 {
			a.Title = "Concert 😀 in Ulaanbaatar with a long title that has to wrap onto a second line of its cell to test row heights"
			a.End = date(2025, 7, 12)
		}
		r.Activities = append(r.Activities, a)
	}
	for i := range 60 {
		r.Rejects = append(r.Rejects, pipeline.RowError{
			Pos:    pipeline.Pos{File: "activities.csv", Row: 500 + i},
			Column: "date", Value: "31.02.2025",
			Err: fmt.Errorf("%w: 31.02.2025 does not exist; write the date as 2025-02-28", pipeline.ErrBadDate),
		})
	}
	return r
}

// writeReport writes r to a temporary file and returns its path, its bytes
// and the missing glyphs reported.
func writeReport(t testing.TB, r *pipeline.Report, opt Options) (string, []byte, []MissingGlyph) {
	t.Helper()
	var missing []MissingGlyph
	opt.MissingGlyph = func(m MissingGlyph) { missing = append(missing, m) }
	var buf bytes.Buffer
	if err := Write(&buf, r, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "report-2025-Q3.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes(), missing
}

// tool finds a program users check PDFs with. CI installs poppler-utils
// and qpdf, so a missing one fails the test rather than skipping it.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed to check the PDF (install poppler-utils and qpdf): %v", name, err)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pages returns the text of each page, as pdftotext extracts it.
func pages(t *testing.T, path string) []string {
	t.Helper()
	txt := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	p := strings.Split(txt, "\f")
	if len(p) > 0 && strings.TrimSpace(p[len(p)-1]) == "" {
		p = p[:len(p)-1]
	}
	return p
}

func TestWriteReadBack(t *testing.T) {
	path, _, missing := writeReport(t, sampleReport(300), Options{})
	pp := pages(t, path)
	all := strings.Join(pp, "\n")
	if len(pp) < 8 {
		t.Fatalf("got %d pages; want the activity annex to span several", len(pp))
	}

	// Text in reading order, whitespace collapsed: wrapped cells read on.
	flow := strings.Join(strings.Fields(run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
	t.Run("facts", func(t *testing.T) {
		for _, want := range []string{
			"Соёлын хамтын ажиллагааны тайлан", // title, Mongolian Cyrillic
			"Mongolia",
			"Period 2025-Q3: 1 July 2025 to 30 September 2025",
			"Made on 2 October 2025",
			"coopreport version v1.2.3",
			"Соглашение о культурном сотрудничестве", // Russian
			"Өвөр Монголын театртай",                 // Ө
			"үндэсний үүрэг",                         // ү
			"«Үндэсний дуу бүжиг» № 300",             // Ү, last activity
			"₮ 1,250,000,000",
			"98,765,432.10", "1,250,000.50", // MNT: 2 digits, grouped
			"150,000 JPY", // JPY: no minor unit (summary)
			"1,234.500",   // KWD: 3 digits
			"not converted",
			"123,456",                // participants grouped
			"China (Inner Mongolia)", // region
			"open-ended",             // valid to
			"60 rows of the input were rejected",
			"and 10 more in rejects.csv",
			"31.02.2025 does not exist",
			"Page 3 of " + fmt.Sprint(len(pp)),
		} {
			if !strings.Contains(all, want) && !strings.Contains(flow, want) {
				t.Errorf("the PDF text lacks %q", want)
			}
		}
		if strings.Contains(all, "AG-EXPIRED") {
			t.Error("an agreement that expired before the period is listed among those in force")
		}
	})

	t.Run("summary numbers", func(t *testing.T) {
		for _, re := range []string{
			`Partner countries\s+4\n`,
			`Agreements signed\s+4\n`,
			`Agreements in force\s+8\n`,
			`Activities\s+101\n`,
			`Participants\s+124,711\n`,
			`Money spent in MNT\s+100,015,432.60 MNT`,
			`Money spent in KWD\s+1,234.500 KWD\n\s+converted to MNT\s+not converted`,
			`Money spent in JPY\s+150,000 JPY\n\s+converted to MNT\s+3,518,400.00 MNT`,
		} {
			if !regexp.MustCompile(re).MatchString(all) {
				t.Errorf("the summary does not match %s", re)
			}
		}
	})

	t.Run("header repeated", func(t *testing.T) {
		cont := 0
		for _, p := range pp {
			if strings.Contains(p, "Activities from 1 July 2025 to 30 September 2025 (continued)") {
				cont++
				if !regexp.MustCompile(`Date\s+Country\s+Type\s+Title\s+Participants\s+Amount`).MatchString(p) {
					t.Errorf("a continued page lacks the column header:\n%s", p)
				}
			}
		}
		if cont < 3 {
			t.Errorf("activity table continued on %d pages; want at least 3", cont)
		}
		for i, p := range pp[1:] {
			if !strings.Contains(p, "Period 2025-Q3") || !strings.Contains(p, fmt.Sprintf("Page %d of %d", i+2, len(pp))) {
				t.Errorf("page %d lacks the running header or footer", i+2)
			}
		}
	})

	t.Run("every row once", func(t *testing.T) {
		for _, n := range []int{1, 150, 299, 300} {
			if c := strings.Count(all, fmt.Sprintf("№ %d\n", n)) + strings.Count(all, fmt.Sprintf("№ %d ", n)); c != 1 {
				t.Errorf("activity %d appears %d times", n, c)
			}
		}
	})

	t.Run("missing glyph", func(t *testing.T) {
		want := []MissingGlyph{
			{'😀', "report title"},
			{'😀', "activities, row 8 (activities.csv, row 9)"},
		}
		for _, w := range want {
			found := false
			for _, m := range missing {
				found = found || m == w
			}
			if !found {
				t.Errorf("missing glyphs %v lack %v", missing, w)
			}
		}
		for _, m := range missing {
			if m.Rune != '😀' && m.Rune != '\r' {
				t.Errorf("unexpected missing glyph %v", m)
			}
		}
		if strings.Contains(all, "😀") || !strings.Contains(all, "Concert \uFFFD in Ulaanbaatar") {
			t.Error("the emoji was not replaced by U+FFFD")
		}
	})

	t.Run("fonts embedded", func(t *testing.T) {
		out := run(t, "pdffonts", path)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 5 { // 2 header lines + regular, bold, oblique
			t.Fatalf("pdffonts lists too few fonts:\n%s", out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type... emb sub uni object ID: emb is the 5th field from the end.
			if len(f) < 7 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", l)
			}
			if !strings.Contains(strings.ToLower(l), "dejavu") {
				t.Errorf("unexpected font: %s", l)
			}
		}
	})

	t.Run("qpdf check", func(t *testing.T) {
		out := run(t, "qpdf", "--check", path)
		if !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
			t.Errorf("qpdf --check:\n%s", out)
		}
	})

	t.Run("metadata", func(t *testing.T) {
		info := run(t, "pdfinfo", path)
		for _, want := range []string{"Author:          Mongolia", "Title:           Соёлын хамтын ажиллагааны тайлан \uFFFD", "Subject:", "Keywords:", "CreationDate:", "2025"} {
			if !strings.Contains(info, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, info)
			}
		}
	})

	t.Run("bookmarks", func(t *testing.T) {
		out := run(t, "qpdf", "--json", "--json-key=outlines", path)
		for _, want := range []string{"Summary of the period", "Annex B. Activities of the period", "Bilateral policy dialogues"} {
			if !strings.Contains(out, want) {
				t.Errorf("no bookmark %q", want)
			}
		}
	})
}

func TestWriteDeterministic(t *testing.T) {
	r := sampleReport(120)
	_, a, _ := writeReport(t, r, Options{})
	_, b, _ := writeReport(t, r, Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same report differ")
	}
	r2 := sampleReport(120)
	r2.Made = r2.Made.Add(24 * time.Hour)
	_, c, _ := writeReport(t, r2, Options{})
	if bytes.Equal(a, c) {
		t.Fatal("the made date does not reach the PDF")
	}
}

func TestWriteOptions(t *testing.T) {
	tests := []struct {
		name, size string
		wantSize   string // as pdfinfo says it
		wantErr    bool
	}{
		{"default", "", "595.28 x 841.89 pts (A4)", false},
		{"letter", "Letter", "612 x 792 pts (letter)", false},
		{"lower case", "a4", "(A4)", false},
		{"unknown", "A5", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, sampleReport(5), Options{PageSize: tt.size})
			if tt.wantErr {
				if err == nil || !strings.Contains(err.Error(), "use A4 or Letter") {
					t.Fatalf("err = %v; want a hint about A4 or Letter", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "r.pdf")
			os.WriteFile(path, buf.Bytes(), 0o644)
			if info := run(t, "pdfinfo", path); !strings.Contains(info, tt.wantSize) {
				t.Errorf("pdfinfo: want %q in\n%s", tt.wantSize, info)
			}
		})
	}
	if err := Write(&bytes.Buffer{}, nil, Options{}); err == nil {
		t.Error("Write(nil report) = nil error")
	}
}

// An empty report (nothing in the period) still makes a complete PDF.
func TestWriteEmpty(t *testing.T) {
	r := &pipeline.Report{Party: "Mongolia", Title: "Report", Made: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		Period: pipeline.Period{Label: "2024", From: date(2024, 1, 1), To: date(2024, 12, 31), By: pipeline.ByQuarter}}
	path, _, missing := writeReport(t, r, Options{})
	all := strings.Join(pages(t, path), "\n")
	for _, want := range []string{"None.", "No measures were given", "No rows were rejected", "Partner countries 0"} {
		if !strings.Contains(strings.Join(strings.Fields(all), " "), want) {
			t.Errorf("the PDF text lacks %q", want)
		}
	}
	if len(missing) != 0 {
		t.Errorf("missing glyphs %v", missing)
	}
}

// A cell longer than a page is cut into page-sized pieces, nothing lost.
func TestWriteTallCell(t *testing.T) {
	r := sampleReport(3)
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "line%03d ", i)
	}
	r.Activities[1].Title = b.String()
	path, _, _ := writeReport(t, r, Options{})
	all := strings.Join(pages(t, path), "\n")
	for i := range 400 {
		if !strings.Contains(all, fmt.Sprintf("line%03d", i)) {
			t.Fatalf("word line%03d of the tall cell is lost", i)
		}
	}
	if !strings.Contains(all, "(continued)") {
		t.Error("the tall row did not continue on a new page")
	}
}

func BenchmarkWrite(b *testing.B) {
	r := sampleReport(2000)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/op-output")
}
