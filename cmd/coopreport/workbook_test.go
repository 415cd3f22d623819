package main

// End-to-end proof that the finance workbook of a real run agrees with
// summary.csv, finance.csv and the PDF to the last digit (issue 3), checked
// with the programs finance staff and their scripts open it in:
//
//   - LibreOffice headless, with a throw-away profile that recalculates every
//     formula on load (OOXMLRecalcMode=0), converts the workbook to one CSV
//     per sheet with raw values (see /work/shared/notes/checking-with-real-clients.md);
//   - openpyxl (Debian's python3-openpyxl): the formulas (data_only=False),
//     the cached values (data_only=True) and what pandas sees (read_only=True).
//
// All sums are exact (math/big.Rat over decimal strings); a number read from
// a client is compared as the decimal it spells, never with a tolerance.
// The tools are required: the tests fail, not skip, when one is missing.

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// wbRecalcProfile is a LibreOffice user profile that recalculates every
// formula on load instead of trusting the cached values.
const wbRecalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// wbRecalculate has LibreOffice recalculate each book and export every
// sheet as CSV with raw values, in one start of LibreOffice; it returns the
// records of each sheet by book and sheet name. A non-zero exit (a file
// LibreOffice cannot open cleanly) fails the test.
func wbRecalculate(t *testing.T, books ...string) map[string]map[string][][]string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("LibreOffice is needed to recalculate the workbook (apt-get install libreoffice-calc): %v", err)
	}
	profile, out := t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(wbRecalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", out}, books...)
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile) // nothing of the user's own profile
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to csv: %v\n%s", err, msg)
	}
	all := map[string]map[string][][]string{}
	for _, book := range books {
		base := strings.TrimSuffix(filepath.Base(book), ".xlsx") + "-"
		files, err := filepath.Glob(filepath.Join(out, base+"*.csv"))
		if err != nil || len(files) == 0 {
			t.Fatalf("LibreOffice wrote no CSV for %s (%v)", filepath.Base(book), err)
		}
		sheets := map[string][][]string{}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(bytes.NewReader(b))
			r.FieldsPerRecord = -1
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", filepath.Base(f), err)
			}
			sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base), ".csv")] = recs
		}
		all[book] = sheets
	}
	return all
}

// wbFormulaMismatches compares the cached value of every formula with the
// value LibreOffice recalculated, as exact decimals; it returns how many
// formulas each sheet has and the differences.
func wbFormulaMismatches(wb wbBook, order []string, lo map[string][][]string) (map[string]int, []string) {
	perSheet := map[string]int{}
	var bad []string
	for _, name := range order {
		for _, c := range wb[name].Cells {
			if c.Type != "f" {
				continue
			}
			perSheet[name]++
			got := wbLO(lo[name], c.Row, c.Col)
			if c.Value == nil {
				bad = append(bad, fmt.Sprintf("%s!%s %s carries no cached value (LibreOffice computes %q); previews that do not recalculate show nothing", name, c.Ref, c.Formula, got))
				continue
			}
			cached, ok1 := wbDec(c.Value.V)
			recalc, ok2 := wbDec(got)
			if c.Value.T != "n" || !ok1 || !ok2 || cached.Cmp(recalc) != 0 {
				bad = append(bad, fmt.Sprintf("%s!%s %s: cached %q (%s), LibreOffice recalculates %q", name, c.Ref, c.Formula, c.Value.V, c.Value.T, got))
			}
		}
	}
	return perSheet, bad
}

// wbDoctor copies a workbook with the cached value of its first SUM
// formula in part changed, as a writer with a wrong cache would leave it;
// it returns the cell and its old and new cached values.
func wbDoctor(t *testing.T, src, dst, part string) (cell, old, doctored string) {
	t.Helper()
	entries := wbUnzip(t, src)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	re := regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"[^>]*><f>(?:ROUND\()?SUM\([^<]*</f><v>([^<]*)</v>`)
	for _, e := range entries {
		data := e.data
		if e.name == part {
			m := re.FindSubmatchIndex(data)
			if m == nil {
				t.Fatalf("%s has no SUM formula with a cached value", part)
			}
			cell, old = string(data[m[2]:m[3]]), string(data[m[4]:m[5]])
			doctored = old + "1" // 228009084.16 → 228009084.161, 208 → 2081
			data = append(append(append([]byte{}, data[:m[4]]...), doctored...), data[m[5]:]...)
		}
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if cell == "" {
		t.Fatalf("the workbook has no %s", part)
	}
	if err := os.WriteFile(dst, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return cell, old, doctored
}

// wbLO is the text LibreOffice exported for row and col (1-based).
func wbLO(recs [][]string, row, col int) string {
	if row-1 < len(recs) && col-1 < len(recs[row-1]) {
		return recs[row-1][col-1]
	}
	return ""
}

// wbOpenpyxlDump loads the workbook three ways and prints, as JSON, every
// non-empty cell with its type and formula (data_only=False) and its cached
// value (data_only=True), what read-only mode sees, and the sheet's panes,
// filter, tables and print titles. Numbers are printed as Python spells
// them (ints exactly, floats by repr, the shortest text that reads back).
const wbOpenpyxlDump = `
import sys, json, datetime, openpyxl
path = sys.argv[1]
def enc(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return {"t": "b", "v": str(v)}
    if isinstance(v, int):
        return {"t": "n", "v": str(v)}
    if isinstance(v, float):
        return {"t": "n", "v": repr(v)}
    if isinstance(v, datetime.datetime):
        return {"t": "d", "v": v.isoformat()}
    if isinstance(v, str):
        return {"t": "s", "v": v}
    return {"t": type(v).__name__, "v": str(v)}
forms = openpyxl.load_workbook(path)
vals = openpyxl.load_workbook(path, data_only=True)
ro = openpyxl.load_workbook(path, read_only=True, data_only=True)
out = []
for ws in forms.worksheets:
    wv, wr = vals[ws.title], ro[ws.title]
    s = {"name": ws.title, "max_row": ws.max_row, "max_col": ws.max_column,
         "ro_max_row": wr.max_row, "ro_max_col": wr.max_column, "ro_rows": 0, "ro_mismatch": [],
         "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "print_titles": ws.print_title_rows,
         "print_area": ",".join(ws.print_area) if isinstance(ws.print_area, list) else ws.print_area, "print_cols": ws.print_title_cols, "orientation": ws.page_setup.orientation,
         "fit": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
         "tables": {}, "cells": []}
    for tb in ws.tables.values():
        s["tables"][tb.displayName] = {"ref": tb.ref, "filter": tb.autoFilter.ref if tb.autoFilter is not None else None}
    for row in ws.iter_rows():
        for c in row:
            v = wv[c.coordinate].value
            if c.value is None and v is None:
                continue
            s["cells"].append({"ref": c.coordinate, "row": c.row, "col": c.column, "type": c.data_type,
                               "formula": c.value if c.data_type == "f" else "", "value": enc(v)})
    for row in wr.iter_rows():
        s["ro_rows"] += 1
        for c in row:
            if getattr(c, "row", None) is None or c.value is None:
                continue
            want = wv.cell(row=c.row, column=c.column).value
            if c.value != want or type(c.value) != type(want):
                s["ro_mismatch"].append("%s%d: read-only %r, normal %r" % (openpyxl.utils.get_column_letter(c.column), c.row, c.value, want))
    out.append(s)
ro.close()
json.dump(out, sys.stdout)
`

type wbValue struct {
	T string `json:"t"` // n, s, d (datetime), b
	V string `json:"v"`
}

type wbCell struct {
	Ref     string   `json:"ref"`
	Row     int      `json:"row"`
	Col     int      `json:"col"`
	Type    string   `json:"type"` // openpyxl data_type: n, s, d, b, f
	Formula string   `json:"formula"`
	Value   *wbValue `json:"value"` // cached
}

type wbTable struct {
	Ref    string  `json:"ref"`
	Filter *string `json:"filter"`
}

type wbSheet struct {
	Name        string             `json:"name"`
	MaxRow      int                `json:"max_row"`
	MaxCol      int                `json:"max_col"`
	ROMaxRow    *int               `json:"ro_max_row"`
	ROMaxCol    *int               `json:"ro_max_col"`
	RORows      int                `json:"ro_rows"`
	ROMismatch  []string           `json:"ro_mismatch"`
	Freeze      *string            `json:"freeze"`
	Filter      *string            `json:"filter"`
	PrintTitles *string            `json:"print_titles"`
	PrintArea   *string            `json:"print_area"`
	PrintCols   *string            `json:"print_cols"`
	Orientation *string            `json:"orientation"`
	Fit         bool               `json:"fit"`
	Tables      map[string]wbTable `json:"tables"`
	Cells       []wbCell           `json:"cells"`

	grid map[[2]int]*wbCell
}

// at is the cell at row and col (1-based), or nil when it is empty.
func (s *wbSheet) at(row, col int) *wbCell {
	if s.grid == nil {
		s.grid = map[[2]int]*wbCell{}
		for i := range s.Cells {
			s.grid[[2]int{s.Cells[i].Row, s.Cells[i].Col}] = &s.Cells[i]
		}
	}
	return s.grid[[2]int{row, col}]
}

// text is the cached text of a cell, "" when it is empty or not text.
func (s *wbSheet) text(row, col int) string {
	if c := s.at(row, col); c != nil && c.Value != nil && c.Value.T == "s" {
		return c.Value.V
	}
	return ""
}

// columns maps the header texts of row 1 to their column numbers.
func (s *wbSheet) columns(t *testing.T, names ...string) map[string]int {
	t.Helper()
	cols := map[string]int{}
	for c := 1; c <= s.MaxCol; c++ {
		if h := s.text(1, c); h != "" {
			cols[h] = c
		}
	}
	for _, n := range names {
		if cols[n] == 0 {
			t.Fatalf("sheet %s has no column %q in its header row", s.Name, n)
		}
	}
	return cols
}

func wbCellName(row, col int) string {
	name := ""
	for c := col; c > 0; c = (c - 1) / 26 {
		name = string(rune('A'+(c-1)%26)) + name
	}
	return fmt.Sprintf("%s%d", name, row)
}

type wbBook map[string]*wbSheet

// wbOpenpyxl reads book with openpyxl (the system python3, Debian's
// python3-openpyxl; the pyenv python3 on PATH has none).
func wbOpenpyxl(t *testing.T, book string) (wbBook, []string) {
	t.Helper()
	python := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Fatal("python3 with openpyxl is needed to read the workbook as scripts do (apt-get install python3-openpyxl)")
	}
	cmd := exec.Command(python, "-c", wbOpenpyxlDump, book)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl cannot read %s: %v\n%s", filepath.Base(book), err, stderr.String())
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Errorf("openpyxl warns while reading %s:\n%s", filepath.Base(book), s)
	}
	var sheets []*wbSheet
	if err := json.Unmarshal(out, &sheets); err != nil {
		t.Fatalf("openpyxl dump: %v", err)
	}
	wb, order := wbBook{}, []string{}
	for _, s := range sheets {
		wb[s.Name] = s
		order = append(order, s.Name)
	}
	return wb, order
}

// wbDec reads a decimal number as LibreOffice or Python spell it
// ("4500000", "32843950.16", "1.5E+16") exactly.
func wbDec(s string) (*big.Rat, bool) {
	if s == "" || strings.ContainsAny(s, "/ ") {
		return nil, false
	}
	return new(big.Rat).SetString(s)
}

// wbPlain reads a decimal of the CSV outputs ("12500.00", "1.725") exactly.
func wbPlain(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := wbDec(s)
	if !ok || !regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`).MatchString(s) {
		t.Fatalf("not a plain decimal: %q", s)
	}
	return r
}

// wbNumber checks that sheet's cell holds the number want (cached and typed
// as a number), or is empty when want is nil.
func wbNumber(t *testing.T, s *wbSheet, row, col int, want *big.Rat, what string) {
	t.Helper()
	c := s.at(row, col)
	if want == nil {
		if c != nil && c.Value != nil && c.Value.V != "" {
			t.Errorf("%s!%s (%s) = %q, want it empty", s.Name, wbCellName(row, col), what, c.Value.V)
		}
		return
	}
	if c == nil || c.Value == nil {
		t.Errorf("%s!%s (%s) is empty, want %s", s.Name, wbCellName(row, col), what, want.RatString())
		return
	}
	got, ok := wbDec(c.Value.V)
	if c.Value.T != "n" || !ok {
		t.Errorf("%s!%s (%s) = %q of type %s, want the number %s", s.Name, c.Ref, what, c.Value.V, c.Value.T, wbRatText(want))
		return
	}
	if got.Cmp(want) != 0 {
		t.Errorf("%s!%s (%s) = %s, want %s", s.Name, c.Ref, what, c.Value.V, wbRatText(want))
	}
}

// wbRatText spells an exact decimal for messages.
func wbRatText(r *big.Rat) string {
	for d := 0; d <= 12; d++ {
		s := r.FloatString(d)
		if x, ok := new(big.Rat).SetString(s); ok && x.Cmp(r) == 0 {
			return s
		}
	}
	return r.RatString()
}

// wbText checks that sheet's cell holds the text want ("" for empty).
func wbText(t *testing.T, s *wbSheet, row, col int, want, what string) {
	t.Helper()
	c := s.at(row, col)
	got := ""
	if c != nil && c.Value != nil {
		if c.Value.T != "s" {
			t.Errorf("%s!%s (%s) = %q of type %s, want the text %q", s.Name, c.Ref, what, c.Value.V, c.Value.T, want)
			return
		}
		got = c.Value.V
	}
	if got != want {
		t.Errorf("%s!%s (%s) = %q, want %q", s.Name, wbCellName(row, col), what, got, want)
	}
}

// wbFormula checks that sheet's cell is a live formula.
func wbFormula(t *testing.T, s *wbSheet, row, col int, what string) {
	t.Helper()
	if c := s.at(row, col); c == nil || c.Type != "f" {
		t.Errorf("%s!%s (%s) is not a formula; totals must be live formulas", s.Name, wbCellName(row, col), what)
	}
}

func wbSum(t *testing.T, rows []map[string]string, field string, keep func(map[string]string) bool) *big.Rat {
	t.Helper()
	sum := new(big.Rat)
	for _, r := range rows {
		if keep(r) && r[field] != "" {
			sum.Add(sum, wbPlain(t, r[field]))
		}
	}
	return sum
}

// wbGrouped formats an exact amount with thousands commas and the given
// decimals, as the PDF writes money.
func wbGrouped(r *big.Rat, decimals int) string {
	s := r.FloatString(decimals)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if neg {
		return "-" + b.String() + frac
	}
	return b.String() + frac
}

func wbDecimals(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// TestWorkbookAgrees runs the example, has LibreOffice recalculate the
// workbook and openpyxl read it, and holds every number in it against
// summary.csv, finance.csv and the PDF.
func TestWorkbookAgrees(t *testing.T) {
	dir := runExample(t, noEnv, "--now", exampleNow)
	book := filepath.Join(dir, "report-"+exampleLabel+".xlsx")
	wb, order := wbOpenpyxl(t, book)
	// A copy with one wrong cached total proves that LibreOffice does
	// recalculate and that the comparison sees it.
	if wb["Finance"] == nil {
		t.Fatalf("the workbook has no sheet Finance: %v", order)
	}
	doctoredBook := filepath.Join(t.TempDir(), "doctored.xlsx")
	doctoredCell, cachedValue, doctoredValue := wbDoctor(t, book, doctoredBook, wbSheetPart(t, wbUnzip(t, book), "Finance"))
	recalculated := wbRecalculate(t, book, doctoredBook)
	lo := recalculated[book]
	summary := readCSV(t, filepath.Join(dir, "summary.csv"),
		"period", "country_code", "country", "agreements_signed", "agreements_in_force", "activities", "participants")
	finance := readCSV(t, filepath.Join(dir, "finance.csv"),
		"period", "country_code", "country", "currency", "amount", "reporting_currency", "rate", "amount_reporting")
	whole := func(r map[string]string) bool { return r["period"] == exampleLabel }
	inBucket := func(r map[string]string) bool { return r["period"] != exampleLabel }
	buckets := map[string]bool{}
	for _, r := range summary {
		if inBucket(r) {
			buckets[r["period"]] = true
		}
	}
	if len(buckets) != 4 {
		t.Fatalf("summary.csv has buckets %v, want the 4 years of %s", buckets, exampleLabel)
	}
	sheet := func(t *testing.T, name string) *wbSheet {
		t.Helper()
		s := wb[name]
		if s == nil {
			t.Fatalf("the workbook has no sheet %q: %v", name, order)
		}
		return s
	}

	for _, name := range []string{"Summary", "Finance", "Agreements", "Activities", "Data issues", "About"} {
		if wb[name] == nil || lo[name] == nil {
			t.Errorf("sheet %q: openpyxl sees it %t, LibreOffice exports it %t; sheets %v", name, wb[name] != nil, lo[name] != nil, order)
		}
	}

	t.Run("formulas recalculate to their cached values", func(t *testing.T) {
		perSheet, bad := wbFormulaMismatches(wb, order, lo)
		for _, m := range bad {
			t.Error(m)
		}
		for _, name := range []string{"Summary", "Finance"} {
			if perSheet[name] == 0 {
				t.Errorf("sheet %s has no formula; its totals must be live formulas", name)
			}
		}
		t.Logf("formulas compared: %v", perSheet)

		// The doctored copy: LibreOffice shows the recalculated value, and
		// the comparison reports that one cell.
		fin := *wb["Finance"]
		fin.Cells, fin.grid = append([]wbCell(nil), fin.Cells...), nil
		found := false
		for i, c := range fin.Cells {
			if c.Ref == doctoredCell {
				found = true
				fin.Cells[i].Value = &wbValue{T: "n", V: doctoredValue}
				got := wbLO(recalculated[doctoredBook]["Finance"], c.Row, c.Col)
				want, _ := wbDec(cachedValue)
				if r, ok := wbDec(got); !ok || r.Cmp(want) != 0 {
					t.Errorf("LibreOffice shows %q for Finance!%s of the doctored copy (cached %s), want the recalculated %s: it does not recalculate on load", got, doctoredCell, doctoredValue, cachedValue)
				}
			}
		}
		if !found {
			t.Fatalf("openpyxl sees no Finance!%s", doctoredCell)
		}
		doctored := wbBook{}
		for k, v := range wb {
			doctored[k] = v
		}
		doctored["Finance"] = &fin
		_, bad = wbFormulaMismatches(doctored, order, recalculated[doctoredBook])
		if len(bad) != 1 || !strings.HasPrefix(bad[0], "Finance!"+doctoredCell+" ") {
			t.Errorf("a copy whose cached Finance!%s is %s instead of %s gives the mismatches %q, want that one cell: LibreOffice did not recalculate, or the check is blind", doctoredCell, doctoredValue, cachedValue, bad)
		}
	})

	t.Run("every cell reads the same in LibreOffice and openpyxl", func(t *testing.T) {
		bad := 0
		entries := wbUnzip(t, book)
		for _, name := range order {
			s, recs := wb[name], lo[name]
			// The number written in the file is the decimal openpyxl reads
			// (Python prints the shortest float that reads back, so a <v> of
			// 46148234.160000004 would pass for 46148234.16 without this).
			raw := wbRawNumbers(t, entries, name)
			for _, c := range s.Cells {
				if c.Value == nil || c.Value.T != "n" {
					continue
				}
				a, ok1 := wbDec(c.Value.V)
				b, ok2 := wbDec(raw[c.Ref])
				if (!ok1 || !ok2 || a.Cmp(b) != 0) && bad < 20 {
					bad++
					t.Errorf("%s!%s: the file holds <v>%s</v>, openpyxl reads %s", name, c.Ref, raw[c.Ref], c.Value.V)
				}
			}
			if len(recs) != s.MaxRow {
				t.Errorf("%s: LibreOffice exports %d rows, openpyxl sees %d", name, len(recs), s.MaxRow)
			}
			seen := map[[2]int]bool{}
			for _, c := range s.Cells {
				seen[[2]int{c.Row, c.Col}] = true
				got := wbLO(recs, c.Row, c.Col)
				var ok bool
				switch v := c.Value; {
				case v == nil:
					ok = got == ""
				case v.T == "n":
					a, ok1 := wbDec(v.V)
					b, ok2 := wbDec(got)
					ok = ok1 && ok2 && a.Cmp(b) == 0
				case v.T == "d":
					// A date without a time of day, the same day in both.
					ok = strings.HasSuffix(v.V, "T00:00:00") && got == strings.TrimSuffix(v.V, "T00:00:00")
				default:
					ok = got == v.V
				}
				if !ok && bad < 20 {
					bad++
					t.Errorf("%s!%s: openpyxl reads %+v, LibreOffice %q", name, c.Ref, c.Value, got)
				}
			}
			for r, rec := range recs {
				for col, v := range rec {
					if v != "" && !seen[[2]int{r + 1, col + 1}] && bad < 20 {
						bad++
						t.Errorf("%s!%s: LibreOffice shows %q where openpyxl sees no cell", name, wbCellName(r+1, col+1), v)
					}
				}
			}
		}
	})

	t.Run("Summary agrees with summary.csv", func(t *testing.T) {
		s := sheet(t, "Summary")
		nums := [][2]string{{"agreements_signed", "Agreements signed"}, {"agreements_in_force", "Agreements in force"},
			{"activities", "Activities"}, {"participants", "Participants"}}
		texts := [][2]string{{"period", "Period"}, {"country_code", "Country code"}, {"country", "Country"}}
		cols := s.columns(t, "Period", "Country code", "Country", "Agreements signed", "Agreements in force", "Activities", "Participants")
		var data, wholeRows, bucketTotals, wholeTotals []int
		for r := 2; r <= s.MaxRow; r++ {
			period, country := s.text(r, cols["Period"]), s.text(r, cols["Country"])
			switch {
			case buckets[period] && country != "All countries":
				data = append(data, r)
			case buckets[period]:
				bucketTotals = append(bucketTotals, r)
			case period == exampleLabel && country != "All countries":
				wholeRows = append(wholeRows, r)
			case period == exampleLabel:
				wholeTotals = append(wholeTotals, r)
			}
		}
		var csvBucket, csvWhole []map[string]string
		for _, r := range summary {
			if whole(r) {
				csvWhole = append(csvWhole, r)
			} else {
				csvBucket = append(csvBucket, r)
			}
		}
		check := func(rows []int, want []map[string]string, what string) {
			t.Helper()
			if len(rows) != len(want) {
				t.Errorf("Summary has %d %s rows, summary.csv %d", len(rows), what, len(want))
			}
			for i := 0; i < min(len(rows), len(want)); i++ {
				for _, f := range texts {
					wbText(t, s, rows[i], cols[f[1]], want[i][f[0]], what+" "+f[1])
				}
				for _, f := range nums {
					wbNumber(t, s, rows[i], cols[f[1]], wbPlain(t, want[i][f[0]]), what+" "+f[1])
				}
			}
		}
		check(data, csvBucket, "bucket × country")
		check(wholeRows, csvWhole, "whole-period by country")

		// The totals are SUMs over the rows of summary.csv; agreements in
		// force are counted, not added up over buckets.
		summed := [][2]string{nums[0], nums[2], nums[3]}
		if len(bucketTotals) != len(buckets) {
			t.Errorf("Summary has %d per-bucket total rows, want one for each of %d buckets", len(bucketTotals), len(buckets))
		}
		for _, r := range bucketTotals {
			b := s.text(r, cols["Period"])
			inB := func(m map[string]string) bool { return m["period"] == b }
			for _, f := range summed {
				wbNumber(t, s, r, cols[f[1]], wbSum(t, summary, f[0], inB), "total of bucket "+b+" "+f[1])
				wbFormula(t, s, r, cols[f[1]], "total of bucket "+b+" "+f[1])
			}
			// Within one bucket every agreement has one partner, so a number
			// here, if any, must be the sum of the bucket's rows.
			if c := s.at(r, cols["Agreements in force"]); c != nil && c.Value != nil && c.Value.T == "n" {
				wbNumber(t, s, r, cols["Agreements in force"], wbSum(t, summary, "agreements_in_force", inB), "in force in bucket "+b)
			}
		}
		for _, r := range wholeRows {
			country := s.text(r, cols["Country"])
			ofCountry := func(m map[string]string) bool { return inBucket(m) && m["country"] == country }
			for _, f := range summed {
				wbNumber(t, s, r, cols[f[1]], wbSum(t, summary, f[0], ofCountry), "sum over the buckets of "+country+" "+f[1])
				wbFormula(t, s, r, cols[f[1]], "whole period "+country+" "+f[1])
			}
		}
		if len(wholeTotals) != 1 {
			t.Fatalf("Summary has %d whole-period all-countries rows, want 1", len(wholeTotals))
		}
		r := wholeTotals[0]
		for _, f := range summed {
			sumB, sumW := wbSum(t, summary, f[0], inBucket), wbSum(t, summary, f[0], whole)
			if sumB.Cmp(sumW) != 0 {
				t.Errorf("summary.csv: %s sums to %s over the buckets but %s over the whole-period rows", f[0], sumB.RatString(), sumW.RatString())
			}
			wbNumber(t, s, r, cols[f[1]], sumW, "whole period all countries "+f[1])
			wbFormula(t, s, r, cols[f[1]], "whole period all countries "+f[1])
		}
		if c := s.at(r, cols["Agreements in force"]); c != nil && c.Value != nil && c.Value.T == "n" {
			wbNumber(t, s, r, cols["Agreements in force"], wbSum(t, summary, "agreements_in_force", whole), "whole period in force")
		}
		wbNumber(t, s, r, cols["Participants"], big.NewRat(208, 1), "whole-period participants of the example")
	})

	t.Run("Finance agrees with finance.csv", func(t *testing.T) {
		s := sheet(t, "Finance")
		cols := s.columns(t, "Period", "Country code", "Country", "Currency", "Amount", "Reporting currency", "Rate", "Amount in reporting currency", "Note")
		texts := [][2]string{{"period", "Period"}, {"country_code", "Country code"}, {"country", "Country"},
			{"currency", "Currency"}, {"reporting_currency", "Reporting currency"}}
		nums := [][2]string{{"amount", "Amount"}, {"rate", "Rate"}, {"amount_reporting", "Amount in reporting currency"}}
		var data, wholeRows, curTotals, grand []int
		for r := 2; r <= s.MaxRow; r++ {
			period, country := s.text(r, cols["Period"]), s.text(r, cols["Country"])
			switch {
			case buckets[period]:
				data = append(data, r)
			case period == exampleLabel && country != "All countries":
				wholeRows = append(wholeRows, r)
			case period == exampleLabel && s.text(r, cols["Currency"]) != "":
				curTotals = append(curTotals, r)
			case period == exampleLabel:
				grand = append(grand, r)
			}
		}
		var csvBucket, csvWhole []map[string]string
		for _, r := range finance {
			if whole(r) {
				csvWhole = append(csvWhole, r)
			} else {
				csvBucket = append(csvBucket, r)
			}
		}
		check := func(rows []int, want []map[string]string, what string) {
			t.Helper()
			if len(rows) != len(want) {
				t.Errorf("Finance has %d %s rows, finance.csv %d", len(rows), what, len(want))
			}
			for i := 0; i < min(len(rows), len(want)); i++ {
				for _, f := range texts {
					wbText(t, s, rows[i], cols[f[1]], want[i][f[0]], what+" "+f[1])
				}
				for _, f := range nums {
					var w *big.Rat
					if v := want[i][f[0]]; v != "" {
						w = wbPlain(t, v)
					}
					wbNumber(t, s, rows[i], cols[f[1]], w, what+" "+f[1])
				}
				// A missing rate or converted amount is marked, never left blank.
				if (want[i]["rate"] == "" || want[i]["amount_reporting"] == "") && s.text(rows[i], cols["Note"]) == "" {
					t.Errorf("Finance!%s: no rate or no converted amount, and no note says why", wbCellName(rows[i], cols["Note"]))
				}
			}
		}
		check(data, csvBucket, "bucket × country × currency")
		check(wholeRows, csvWhole, "whole-period by country and currency")

		currencies := map[string]bool{}
		for _, r := range finance {
			currencies[r["currency"]] = true
		}
		if len(curTotals) != len(currencies) {
			t.Errorf("Finance has %d per-currency total rows, finance.csv %d currencies", len(curTotals), len(currencies))
		}
		for _, r := range curTotals {
			cur := s.text(r, cols["Currency"])
			if !currencies[cur] {
				t.Errorf("Finance!%s: a total of %q, a currency finance.csv does not have", wbCellName(r, cols["Currency"]), cur)
				continue
			}
			delete(currencies, cur)
			inCur := func(m map[string]string) bool { return inBucket(m) && m["currency"] == cur }
			wholeCur := func(m map[string]string) bool { return whole(m) && m["currency"] == cur }
			for _, f := range [][2]string{nums[0], nums[2]} {
				sumB, sumW := wbSum(t, finance, f[0], inCur), wbSum(t, finance, f[0], wholeCur)
				if sumB.Cmp(sumW) != 0 {
					t.Errorf("finance.csv: %s %s sums to %s over the buckets but %s over the whole-period rows", cur, f[0], wbRatText(sumB), wbRatText(sumW))
				}
				wbNumber(t, s, r, cols[f[1]], sumB, "total "+cur+" "+f[1])
				wbFormula(t, s, r, cols[f[1]], "total "+cur+" "+f[1])
			}
			wbText(t, s, r, cols["Reporting currency"], finance[0]["reporting_currency"], "total "+cur+" reporting currency")
		}
		if len(currencies) > 0 {
			t.Errorf("Finance has no total row for %v", currencies)
		}
		if len(grand) != 1 {
			t.Fatalf("Finance has %d rows of the total converted amount, want 1", len(grand))
		}
		all := wbSum(t, finance, "amount_reporting", inBucket)
		if w := wbSum(t, finance, "amount_reporting", whole); all.Cmp(w) != 0 {
			t.Errorf("finance.csv: amount_reporting sums to %s over the buckets but %s over the whole-period rows", wbRatText(all), wbRatText(w))
		}
		wbNumber(t, s, grand[0], cols["Amount in reporting currency"], all, "total converted")
		wbFormula(t, s, grand[0], cols["Amount in reporting currency"], "total converted")
	})

	t.Run("every Finance money figure is a formula over the ledger", func(t *testing.T) {
		s := sheet(t, "Finance")
		cols := s.columns(t, "Period", "Amount", "Amount in reporting currency")
		n := 0
		for r := 2; r <= s.MaxRow; r++ {
			for _, name := range []string{"Amount", "Amount in reporting currency"} {
				c := s.at(r, cols[name])
				if c == nil || c.Value == nil || c.Value.T != "n" {
					continue
				}
				n++
				if c.Type != "f" {
					t.Errorf("Finance!%s (%s) is the fixed value %s, want a formula", c.Ref, name, c.Value.V)
					continue
				}
				// Rows by bucket add up the activities; the totals below add up
				// those rows. LibreOffice's value of each is compared with the
				// cached one in "formulas recalculate to their cached values".
				if buckets[s.text(r, cols["Period"])] && !strings.HasPrefix(strings.TrimPrefix(c.Formula, "=ROUND("), "SUMIFS('Activities'!") {
					t.Errorf("Finance!%s (%s) = %s, want a SUMIFS over the Activities sheet (rounded to the digits of the exact sum)", c.Ref, name, c.Formula)
				}
			}
		}
		if n < len(finance) {
			t.Errorf("Finance has %d money figures, fewer than finance.csv's %d rows", n, len(finance))
		}
	})

	t.Run("Activities ends with a total row", func(t *testing.T) {
		s := sheet(t, "Activities")
		cols := s.columns(t, "ID", "Participants", "Amount in reporting currency")
		last := wbDataRows(t, s)
		if s.MaxRow != last+1 {
			t.Fatalf("Activities: %d rows, the table ends on row %d; want the total row right below it", s.MaxRow, last)
		}
		r := s.MaxRow
		if got := s.text(r, cols["ID"]); !strings.HasPrefix(got, "Total") {
			t.Errorf("Activities!%s = %q, want a label saying the row is a total", wbCellName(r, cols["ID"]), got)
		}
		for _, c := range []struct {
			col  string
			want *big.Rat
		}{
			{"Participants", wbSum(t, summary, "participants", whole)},
			{"Amount in reporting currency", wbSum(t, finance, "amount_reporting", whole)},
		} {
			wbNumber(t, s, r, cols[c.col], c.want, "total "+c.col)
			want := fmt.Sprintf("SUBTOTAL(109,%s:%s)", wbCellName(2, cols[c.col]), wbCellName(last, cols[c.col]))
			// Money is rounded to the digits of the exact sum: =ROUND(SUBTOTAL(…),2).
			if cell := s.at(r, cols[c.col]); cell == nil || (cell.Formula != "="+want && !strings.HasPrefix(cell.Formula, "=ROUND("+want+",")) {
				t.Errorf("Activities!%s is %+v, want the formula %s, which adds up the rows a filter shows", wbCellName(r, cols[c.col]), cell, want)
			}
		}
		// LibreOffice's recalculation of these is compared with the cached
		// values in "formulas recalculate to their cached values".
	})

	t.Run("PDF shows the same whole-period totals", func(t *testing.T) {
		text := string(pdfText(t, filepath.Join(dir, "report-"+exampleLabel+".pdf"), "-layout"))
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
		flat := strings.Join(lines, "\n")
		count := func(field string) string { return wbSum(t, summary, field, whole).RatString() }
		if got := count("participants"); got != "208" {
			t.Errorf("summary.csv: whole-period participants %s, want 208", got)
		}
		for _, want := range []string{
			"Participants " + count("participants"),
			"Activities " + count("activities"),
			"Agreements signed in the period " + count("agreements_signed"),
			"Agreements in force " + count("agreements_in_force"),
			fmt.Sprintf("All partners %s %s %s %s", count("agreements_signed"), count("agreements_in_force"), count("activities"), count("participants")),
		} {
			if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(want) + `$`).MatchString(flat) {
				t.Errorf("the PDF has no line %q", want)
			}
		}
		reporting := finance[0]["reporting_currency"]
		currencies := map[string]bool{}
		for _, r := range finance {
			currencies[r["currency"]] = true
		}
		for _, cur := range wbSortedKeys(currencies) {
			inCur := func(m map[string]string) bool { return whole(m) && m["currency"] == cur }
			amount, conv := wbSum(t, finance, "amount", inCur), wbSum(t, finance, "amount_reporting", inCur)
			var amountDec, convDec int
			for _, r := range finance {
				if r["currency"] == cur {
					amountDec, convDec = wbDecimals(r["amount"]), wbDecimals(r["amount_reporting"])
				}
			}
			a := wbGrouped(amount, amountDec) + " " + cur
			c := wbGrouped(conv, convDec) + " " + reporting
			if cur == "MNT" && a != "32,700,000.00 MNT" {
				t.Errorf("finance.csv: the MNT total is %s, want 32,700,000.00 MNT", a)
			}
			// The line listing the currency's total also gives it converted.
			found := false
			for _, l := range lines {
				if strings.Contains(l, a) && (cur == reporting || strings.Contains(l, c)) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("the PDF has no line with the total %q and its conversion %q", a, c)
			}
			// And the finance table's total row.
			row := regexp.MustCompile(`(?m)^All partners ` + regexp.QuoteMeta(cur) + ` ` + regexp.QuoteMeta(wbGrouped(amount, amountDec)) +
				` \S+ ` + regexp.QuoteMeta(wbGrouped(conv, convDec)) + `$`)
			if !row.MatchString(flat) {
				t.Errorf("the PDF's finance table has no row \"All partners %s %s … %s\"", cur, wbGrouped(amount, amountDec), wbGrouped(conv, convDec))
			}
		}
	})

	t.Run("read-only mode sees every row", func(t *testing.T) {
		for _, name := range order {
			s := wb[name]
			if s.ROMaxRow == nil || *s.ROMaxRow != s.MaxRow || s.RORows != s.MaxRow {
				t.Errorf("%s: read-only max_row %v and %d rows iterated, the sheet has %d rows (its <dimension> is wrong)", name, wbDeref(s.ROMaxRow), s.RORows, s.MaxRow)
			}
			if s.ROMaxCol == nil || *s.ROMaxCol != s.MaxCol {
				t.Errorf("%s: read-only max_column %v, the sheet has %d columns", name, wbDeref(s.ROMaxCol), s.MaxCol)
			}
			for _, m := range s.ROMismatch {
				t.Errorf("%s!%s", name, m)
			}
		}
		// The registers hold every row of the outputs they come from.
		if n := len(summary) - wbCount(summary, whole) + 1; wb["Summary"] != nil && wb["Summary"].MaxRow < n {
			t.Errorf("Summary has %d rows, fewer than summary.csv's %d bucket rows and a header", wb["Summary"].MaxRow, n-1)
		}
	})

	t.Run("cells are typed", func(t *testing.T) {
		const (
			text   = "s"
			number = "n"
			date   = "d"
		)
		tests := []struct {
			sheet, column, kind string
			required            bool
		}{
			{"Summary", "Period", text, true},
			{"Summary", "Country code", text, false},
			{"Summary", "Country", text, true},
			{"Summary", "Agreements signed", number, true},
			{"Summary", "Agreements in force", number, true},
			{"Summary", "Activities", number, true},
			{"Summary", "Participants", number, true},
			{"Finance", "Period", text, true},
			{"Finance", "Country code", text, false},
			{"Finance", "Currency", text, true},
			{"Finance", "Amount", number, true},
			{"Finance", "Reporting currency", text, true},
			{"Finance", "Rate", number, false},
			{"Finance", "Amount in reporting currency", number, false},
			{"Agreements", "ID", text, true},
			{"Agreements", "Country code", text, false},
			{"Agreements", "Signed", date, true},
			{"Agreements", "Valid from", date, true},
			{"Agreements", "Valid to", date, false},
			{"Agreements", "Days until expiry", number, false},
			{"Agreements", "Measure", text, false},
			{"Agreements", "Source row", number, true},
			{"Activities", "ID", text, true},
			{"Activities", "Date", date, true},
			{"Activities", "End", date, false},
			{"Activities", "Country code", text, false},
			{"Activities", "Agreement", text, false},
			{"Activities", "Participants", number, false},
			{"Activities", "Amount", number, false},
			{"Activities", "Currency", text, false},
			{"Activities", "Rate", number, false},
			{"Activities", "Amount in reporting currency", number, false},
			{"Activities", "Source row", number, true},
			{"Data issues", "Row", number, false},
			{"Data issues", "Value", text, false},
		}
		for _, tt := range tests {
			t.Run(tt.sheet+"/"+tt.column, func(t *testing.T) {
				s := sheet(t, tt.sheet)
				col := s.columns(t, tt.column)[tt.column]
				last := wbDataRows(t, s)
				if tt.required && last < 2 && tt.sheet != "Data issues" {
					t.Fatalf("%s has no data rows", tt.sheet)
				}
				seen := 0
				for r := 2; r <= last; r++ {
					c := s.at(r, col)
					if c == nil || c.Value == nil {
						if tt.required {
							t.Errorf("%s!%s is empty", tt.sheet, wbCellName(r, col))
						}
						continue
					}
					seen++
					// A number may be a formula (Finance's amounts): its cached
					// value is then the number.
					if (c.Type != tt.kind && !(tt.kind == number && c.Type == "f")) || c.Value.T != tt.kind {
						t.Errorf("%s!%s = %q: openpyxl type %s (cached %s), want %s", tt.sheet, c.Ref, c.Value.V, c.Type, c.Value.T, tt.kind)
					}
					if tt.kind == date && !strings.HasSuffix(c.Value.V, "T00:00:00") {
						t.Errorf("%s!%s = %s: a date with a time of day (shifted by a time zone?)", tt.sheet, c.Ref, c.Value.V)
					}
				}
				if tt.required && seen == 0 {
					t.Errorf("%s column %q is empty", tt.sheet, tt.column)
				}
			})
		}
		t.Run("About/From and To", func(t *testing.T) {
			s := sheet(t, "About")
			for _, label := range []string{"From", "To"} {
				found := false
				for r := 1; r <= s.MaxRow; r++ {
					if s.text(r, 1) == label {
						found = true
						if c := s.at(r, 2); c == nil || c.Type != date {
							t.Errorf("About!B%d (%s) is not a date: %+v", r, label, c)
						}
					}
				}
				if !found {
					t.Errorf("About has no row %q", label)
				}
			}
		})
	})

	t.Run("pages", func(t *testing.T) {
		for _, name := range order {
			s := wb[name]
			wide := s.MaxCol > 10
			if wide && (wbDeref(s.Orientation) != "landscape" || s.Fit || wbDeref(s.PrintCols) != "$A:$A") {
				t.Errorf("%s: %d columns printed %v, fitted to the page %t, repeating columns %v; want landscape at full size, the id column repeated",
					name, s.MaxCol, wbDeref(s.Orientation), s.Fit, wbDeref(s.PrintCols))
			}
			if !wide && !s.Fit {
				t.Errorf("%s: %d columns, not fitted to the page's width", name, s.MaxCol)
			}
			want := fmt.Sprintf("$A$1:$%s", strings.TrimRight(wbCellName(s.MaxRow, s.MaxCol), "0123456789")+"$")
			if got := wbDeref(s.PrintArea); got == nil || !strings.HasPrefix(got.(string), want) {
				t.Errorf("%s: print area %v, want %s… over every column written", name, got, want)
			}
		}
	})

	t.Run("header frozen and filters on every table sheet", func(t *testing.T) {
		for _, name := range order {
			if name == "About" {
				continue
			}
			s := wb[name]
			if s.Freeze == nil || *s.Freeze != "A2" {
				t.Errorf("%s: freeze panes %v, want the header row frozen (A2)", name, wbDeref(s.Freeze))
			}
			if s.PrintTitles == nil || *s.PrintTitles != "$1:$1" {
				t.Errorf("%s: print titles %v, want the header row ($1:$1)", name, wbDeref(s.PrintTitles))
			}
			ref := wbFilterRef(s)
			if s.MaxRow == 1 { // an empty register: nothing to filter
				if ref != "" {
					t.Errorf("%s has no rows but a filter over %s", name, ref)
				}
				continue
			}
			if ref == "" {
				t.Errorf("%s: no auto filter and no table", name)
				continue
			}
			m := regexp.MustCompile(`^\$?A\$?1:\$?([A-Z]+)\$?([0-9]+)$`).FindStringSubmatch(ref)
			if m == nil {
				t.Errorf("%s: filter %q does not start at A1", name, ref)
				continue
			}
			var lastRow int
			fmt.Sscan(m[2], &lastRow)
			if wantCol := wbCellName(1, s.MaxCol); m[1]+"1" != wantCol {
				t.Errorf("%s: filter %q does not cover the %d columns (to %s)", name, ref, s.MaxCol, wantCol)
			}
			// Summary and Finance have totals below their filtered rows
			// (checked below), Activities its total row; the other tables
			// end with their data.
			end := s.MaxRow
			if name == "Activities" {
				end--
			}
			if name != "Summary" && name != "Finance" && lastRow != end {
				t.Errorf("%s: filter %q, want it to end with the data on row %d", name, ref, s.MaxRow)
			}
		}
		wantRows := map[string]int{
			"Summary": len(summary) - wbCount(summary, whole) + 1,
			"Finance": len(finance) - wbCount(finance, whole) + 1,
		}
		for name, n := range wantRows {
			if got := wbDataRows(t, sheet(t, name)); got != n {
				t.Errorf("%s: the filter covers rows 1..%d, want the header and the %d bucket rows (1..%d)", name, got, n-1, n)
			}
		}
	})
}

// wbFilterRef is the range of the sheet's auto filter, or of its table.
func wbFilterRef(s *wbSheet) string {
	if s.Filter != nil && *s.Filter != "" {
		return *s.Filter
	}
	for _, tb := range s.Tables {
		if tb.Filter != nil && *tb.Filter != "" {
			return *tb.Filter
		}
	}
	return ""
}

// wbDataRows is the last row of the sheet's table or filtered range: the
// register proper, above any totals and notes.
func wbDataRows(t *testing.T, s *wbSheet) int {
	t.Helper()
	ref := wbFilterRef(s)
	if ref == "" && s.MaxRow == 1 {
		return 1 // an empty register has no filter
	}
	m := regexp.MustCompile(`([0-9]+)$`).FindString(ref)
	if m == "" {
		t.Fatalf("%s: no filter or table to tell its data rows", s.Name)
	}
	var n int
	fmt.Sscan(m, &n)
	return n
}

func wbCount(rows []map[string]string, keep func(map[string]string) bool) int {
	n := 0
	for _, r := range rows {
		if keep(r) {
			n++
		}
	}
	return n
}

func wbSortedKeys(m map[string]bool) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func wbDeref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestWorkbookHostileText: input text that a spreadsheet would take for a
// formula arrives in the workbook as text, and LibreOffice, recalculating
// everything, shows it verbatim.
func TestWorkbookHostileText(t *testing.T) {
	hostile := []string{
		`=HYPERLINK("http://x","y")`,
		"+1",
		"-2",
		"@SUM(A1)",
		"\tTab-led text",
		"\rCR-led text",
	}
	in, out := t.TempDir(), t.TempDir()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"id", "country", "instrument", "title", "signed", "budget line"})
	for i, h := range hostile {
		// The title is a known column (its surrounding spaces, tab and CR
		// included, are trimmed by the input contract); "budget line" is an
		// unknown column, carried into the register as it was read.
		w.Write([]string{fmt.Sprintf("AG-%d", i+1), "Russia", "agreement", h, "2013-01-18", h})
	}
	w.Write([]string{"AG-9", "=1+1", "agreement", "Bad country", "2013-01-18", ""})
	w.Flush()
	acts := "id,date,country,agreement,type,title,participants,amount,currency\n" +
		"AC-1,2013-02-01,Russia,AG-1,meeting,@SUM(A1:A9),3,100.00,USD\n"
	for name, text := range map[string]string{"agreements.csv": b.String(), "activities.csv": acts} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"run", "--input", in, "--out", out, "--now", exampleNow, "--period", "all"}, &stdout, &stderr, noEnv); code != ExitOK {
		t.Fatalf("coopreport run: exit %d, want %d; stderr:\n%s", code, ExitOK, stderr.String())
	}
	book := periodFile(t, out, ".xlsx")
	lo := wbRecalculate(t, book)[book]
	wb, order := wbOpenpyxl(t, book)

	// find returns the row whose first column is id.
	find := func(t *testing.T, s *wbSheet, id string) int {
		t.Helper()
		for r := 2; r <= s.MaxRow; r++ {
			if s.text(r, 1) == id {
				return r
			}
		}
		t.Fatalf("%s has no row %s", s.Name, id)
		return 0
	}
	isText := func(t *testing.T, s *wbSheet, row, col int, want string) {
		t.Helper()
		c := s.at(row, col)
		if c == nil {
			t.Errorf("%s!%s is empty, want the text %q", s.Name, wbCellName(row, col), want)
			return
		}
		if c.Type != "s" {
			t.Errorf("%s!%s: openpyxl data_type %q (formula %q), want a string %q", s.Name, c.Ref, c.Type, c.Formula, want)
		}
		if c.Value == nil || c.Value.V != want {
			t.Errorf("%s!%s = %+v, want %q", s.Name, c.Ref, c.Value, want)
		}
		if got := wbLO(lo[s.Name], row, col); got != want {
			t.Errorf("%s!%s: LibreOffice shows %q after recalculating, want %q", s.Name, c.Ref, got, want)
		}
	}
	for _, name := range []string{"Agreements", "Activities", "Data issues"} {
		if wb[name] == nil || lo[name] == nil {
			t.Fatalf("sheet %s: openpyxl %t, LibreOffice %t; sheets %v", name, wb[name] != nil, lo[name] != nil, order)
		}
	}
	ag := wb["Agreements"]
	cols := ag.columns(t, "Title", "budget line")
	for i, h := range hostile {
		id := fmt.Sprintf("AG-%d", i+1)
		t.Run(fmt.Sprintf("%q", h), func(t *testing.T) {
			r := find(t, ag, id)
			isText(t, ag, r, cols["Title"], strings.TrimSpace(h))
			isText(t, ag, r, cols["budget line"], h)
		})
	}
	t.Run("activity title", func(t *testing.T) {
		s := wb["Activities"]
		isText(t, s, find(t, s, "AC-1"), s.columns(t, "Title")["Title"], "@SUM(A1:A9)")
	})
	t.Run("rejected value", func(t *testing.T) {
		s := wb["Data issues"]
		col := s.columns(t, "Value")["Value"]
		for r := 2; r <= s.MaxRow; r++ {
			if s.text(r, col) == "=1+1" {
				isText(t, s, r, col, "=1+1")
				return
			}
		}
		t.Errorf("Data issues has no row with the value %q", "=1+1")
	})
	// Nothing anywhere in the workbook became a formula.
	for _, name := range order {
		for _, c := range wb[name].Cells {
			if c.Type == "f" && name != "Summary" && name != "Finance" && !(name == "Activities" && c.Row == wb[name].MaxRow) {
				t.Errorf("%s!%s is the formula %q", name, c.Ref, c.Formula)
			}
		}
	}
}

// TestWorkbookOnlyTimeDiffers: a run with another --now writes the same
// workbook but for the time it was made: docProps/core.xml (created,
// modified) and the "Made" line of the About sheet. Same zip entries, in
// the same order, with the same headers; the time is the only difference.
func TestWorkbookOnlyTimeDiffers(t *testing.T) {
	const otherNow = "2026-02-20T09:30:00+08:00"
	a := runExample(t, noEnv, "--now", exampleNow)
	b := runExample(t, noEnv, "--now", otherNow)
	name := "report-" + exampleLabel + ".xlsx"
	za, zb := wbUnzip(t, filepath.Join(a, name)), wbUnzip(t, filepath.Join(b, name))
	utc := func(s string) string {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm.UTC().Format(time.RFC3339)
	}
	madeA, madeB := utc(exampleNow), utc(otherNow)

	about := wbSheetPart(t, za, "About")
	var names []string
	for _, e := range za {
		names = append(names, e.name)
	}
	var namesB []string
	for _, e := range zb {
		namesB = append(namesB, e.name)
	}
	if strings.Join(names, "\n") != strings.Join(namesB, "\n") {
		t.Fatalf("the zip entries differ:\n%q\n%q", names, namesB)
	}
	differ := map[string]bool{}
	for i := range za {
		ea, eb := za[i], zb[i]
		if ea.method != eb.method || !ea.modified.Equal(eb.modified) || ea.flags != eb.flags {
			t.Errorf("%s: zip header differs: method %d/%d, modified %v/%v, flags %x/%x", ea.name, ea.method, eb.method, ea.modified, eb.modified, ea.flags, eb.flags)
		}
		if bytes.Equal(ea.data, eb.data) {
			continue
		}
		differ[ea.name] = true
		if ea.name != "docProps/core.xml" && ea.name != about && ea.name != "xl/sharedStrings.xml" {
			t.Errorf("%s differs between runs with --now %s and %s", ea.name, exampleNow, otherNow)
			continue
		}
		// The difference is the time and nothing else: in UTC in the
		// document properties, in the configured zone (the example's is
		// Asia/Ulaanbaatar) on the About sheet.
		a, b := madeA, madeB
		if ea.name != "docProps/core.xml" {
			a, b = zoned(t, madeA), zoned(t, madeB)
		}
		if !bytes.Contains(eb.data, []byte(b)) {
			t.Errorf("%s differs but does not hold the time %s", ea.name, b)
		}
		if fixed := bytes.ReplaceAll(eb.data, []byte(b), []byte(a)); !bytes.Equal(fixed, ea.data) {
			t.Errorf("%s differs between the runs beyond the time %s/%s", ea.name, a, b)
		}
	}
	if !differ["docProps/core.xml"] {
		t.Errorf("docProps/core.xml is the same for --now %s and %s: the document properties do not follow --now", exampleNow, otherNow)
	}
	if !differ[about] && !differ["xl/sharedStrings.xml"] {
		t.Errorf("the About sheet (%s) is the same for --now %s and %s: it must say when the file was made", about, exampleNow, otherNow)
	}
	t.Logf("entries that differ: %v", wbSortedKeys(differ))
}

// zoned is an RFC 3339 UTC time in the example's time zone.
func zoned(t *testing.T, utc string) string {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, utc)
	if err != nil {
		t.Fatal(err)
	}
	loc, err := time.LoadLocation("Asia/Ulaanbaatar")
	if err != nil {
		t.Fatal(err)
	}
	return tm.In(loc).Format(time.RFC3339)
}

type wbEntry struct {
	name     string
	method   uint16
	flags    uint16
	modified time.Time
	data     []byte
}

func wbUnzip(t *testing.T, p string) []wbEntry {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	defer zr.Close()
	var out []wbEntry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s in %s: %v", f.Name, p, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s in %s: %v", f.Name, p, err)
		}
		out = append(out, wbEntry{f.Name, f.Method, f.Flags, f.Modified, data})
	}
	return out
}

// wbRawNumbers returns the <v> text of every number cell (no t attribute,
// or t="n") of the named sheet, formulas' cached values included.
func wbRawNumbers(t *testing.T, entries []wbEntry, sheet string) map[string]string {
	t.Helper()
	part := wbSheetPart(t, entries, sheet)
	re := regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"([^>]*)>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?<v>([^<]*)</v>`)
	typ := regexp.MustCompile(`\bt="([^"]*)"`)
	nums := map[string]string{}
	for _, e := range entries {
		if e.name != part {
			continue
		}
		for _, m := range re.FindAllSubmatch(e.data, -1) {
			if tm := typ.FindSubmatch(m[2]); tm == nil || string(tm[1]) == "n" {
				nums[string(m[1])] = string(m[3])
			}
		}
	}
	return nums
}

// wbSheetPart finds the zip entry of the named sheet through
// xl/workbook.xml and its relationships.
func wbSheetPart(t *testing.T, entries []wbEntry, sheet string) string {
	t.Helper()
	get := func(name string) []byte {
		for _, e := range entries {
			if e.name == name {
				return e.data
			}
		}
		t.Fatalf("the workbook has no %s", name)
		return nil
	}
	var wbx struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(get("xl/workbook.xml"), &wbx); err != nil {
		t.Fatalf("xl/workbook.xml: %v", err)
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(get("xl/_rels/workbook.xml.rels"), &rels); err != nil {
		t.Fatalf("xl/_rels/workbook.xml.rels: %v", err)
	}
	for _, s := range wbx.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/")
				}
				return path.Join("xl", r.Target)
			}
		}
	}
	t.Fatalf("xl/workbook.xml names no sheet %q", sheet)
	return ""
}
