package main

// Golden tests of the example run, in the manner of go/printer's
// printer_test.go: the real command runs in-process on ../../input, and its
// outputs (the CSV files, manifest.json, a text dump of every sheet of the
// workbook, the text of the PDF) are compared with the files in
// testdata/golden. After a deliberate change, rewrite them with
//
//	go test ./cmd/coopreport -run Golden -update
//
// and review the change with git diff: every number in them is a promise of
// the output contract.

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// update (-update) is declared in flags_test.go, shared with the README test.

const (
	exampleInput = "../../input"
	exampleLabel = "2012..2015" // the cycle coopreport.toml sets
	exampleNow   = "2026-01-15T10:00:00+08:00"
	goldenDir    = "testdata/golden"
)

// noEnv is an environment with nothing set, so that SOURCE_DATE_EPOCH of
// the machine running the tests cannot leak into the outputs.
func noEnv(string) string { return "" }

// runExample runs `coopreport run` on the example input into a new
// temporary folder and returns the folder of the period's outputs.
func runExample(t *testing.T, getenv func(string) string, flags ...string) string {
	t.Helper()
	out := t.TempDir()
	args := append([]string{"run", "--input", exampleInput, "--out", out}, flags...)
	var stdout, stderr bytes.Buffer
	if code := Main(args, &stdout, &stderr, getenv); code != ExitOK {
		t.Fatalf("coopreport %s: exit status %d, want %d; stderr:\n%s", strings.Join(args, " "), code, ExitOK, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("coopreport run wrote to stdout (it must be silent on success): %q", stdout.String())
	}
	return filepath.Join(out, exampleLabel)
}

func TestGolden(t *testing.T) {
	dir := runExample(t, noEnv, "--now", exampleNow)
	tests := []struct {
		golden string
		make   func(t *testing.T, dir string) []byte
	}{
		{"summary.csv", readOutput("summary.csv")},
		{"finance.csv", readOutput("finance.csv")},
		{"rejects.csv", readOutput("rejects.csv")},
		{"rows.csv", readOutput("rows.csv")},
		{"changes.csv", readOutput("changes.csv")},
		{"manifest.json", readOutput("manifest.json")},
		{"workbook.txt", func(t *testing.T, dir string) []byte {
			return dumpWorkbook(t, filepath.Join(dir, "report-"+exampleLabel+".xlsx"))
		}},
		{"report.txt", func(t *testing.T, dir string) []byte {
			return pdfText(t, filepath.Join(dir, "report-"+exampleLabel+".pdf"), "-layout")
		}},
		{"report-docx.txt", func(t *testing.T, dir string) []byte {
			return dumpDOCX(t, filepath.Join(dir, "report-"+exampleLabel+".docx"))
		}},
		{"report-html.txt", func(t *testing.T, dir string) []byte {
			return dumpHTML(t, filepath.Join(dir, "report-"+exampleLabel+".html"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			got := tt.make(t, dir)
			path := filepath.Join(goldenDir, tt.golden)
			if *update {
				if err := os.MkdirAll(goldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/coopreport -run Golden -update to write it)", err)
			}
			if d := diffLines(got, want); d != "" {
				t.Errorf("%s differs from %s (if the change is meant, rerun with -update and review git diff):\n%s", tt.golden, path, d)
			}
		})
	}
}

func readOutput(name string) func(t *testing.T, dir string) []byte {
	return func(t *testing.T, dir string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// diffLines describes the first lines where got and want differ, or
// returns "" when they are equal.
func diffLines(got, want []byte) string {
	if bytes.Equal(got, want) {
		return ""
	}
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 8; i++ {
		var gl, wl string
		gok, wok := i < len(g), i < len(w)
		if gok {
			gl = g[i]
		}
		if wok {
			wl = w[i]
		}
		if gok == wok && gl == wl {
			continue
		}
		shown++
		fmt.Fprintf(&b, "line %d:\n", i+1)
		if gok {
			fmt.Fprintf(&b, "  got:  %q\n", gl)
		} else {
			b.WriteString("  got:  (end of file)\n")
		}
		if wok {
			fmt.Fprintf(&b, "  want: %q\n", wl)
		} else {
			b.WriteString("  want: (end of file)\n")
		}
	}
	fmt.Fprintf(&b, "(%d lines got, %d lines want)\n", len(g), len(w))
	return b.String()
}

// pdfText is what pdftotext (poppler), a program users have, reads in the
// PDF. mode is -layout or -raw.
func pdfText(t *testing.T, path, mode string) []byte {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatalf("pdftotext is needed to check the PDF (apt-get install poppler-utils): %v", err)
	}
	cmd := exec.Command(bin, mode, "-enc", "UTF-8", path, "-")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext %s %s: %v\n%s", mode, path, err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("pdftotext %s complained: %s", path, stderr.String())
	}
	return out
}

var cellTypeNames = map[excelize.CellType]string{
	excelize.CellTypeUnset:        "number", // no t attribute: a number
	excelize.CellTypeBool:         "bool",
	excelize.CellTypeDate:         "date",
	excelize.CellTypeError:        "error",
	excelize.CellTypeFormula:      "str-formula",
	excelize.CellTypeInlineString: "inline-string",
	excelize.CellTypeNumber:       "number",
	excelize.CellTypeSharedString: "string",
}

// dumpWorkbook writes every sheet of the workbook as text, one line a
// non-empty cell: its type, its raw value (dates as serials), its number
// format and its formula; then what a user meets on opening the sheet: the
// freeze pane, tables, filters, print titles and merged cells.
func dumpWorkbook(t *testing.T, path string) []byte {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	props, err := f.GetDocProps()
	check(err)
	fmt.Fprintf(&b, "doc: title=%q creator=%q created=%q modified=%q\n", props.Title, props.Creator, props.Created, props.Modified)
	names := f.GetDefinedName()
	for _, dn := range names {
		if dn.Scope == "" || dn.Scope == "Workbook" {
			fmt.Fprintf(&b, "defined name %s = %s\n", dn.Name, dn.RefersTo)
		}
	}
	styles := map[int]string{}
	numFmt := func(sheet, cell string) string {
		id, err := f.GetCellStyle(sheet, cell)
		check(err)
		if s, ok := styles[id]; ok {
			return s
		}
		st, err := f.GetStyle(id)
		check(err)
		s := ""
		switch {
		case st.CustomNumFmt != nil:
			s = fmt.Sprintf(" fmt=%q", *st.CustomNumFmt)
		case st.NumFmt != 0:
			s = fmt.Sprintf(" fmt=%d", st.NumFmt)
		}
		styles[id] = s
		return s
	}
	for i, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", sheet)
		visible, err := f.GetSheetVisible(sheet)
		check(err)
		if !visible {
			b.WriteString("hidden\n")
		}
		if f.GetActiveSheetIndex() == i {
			b.WriteString("active\n")
		}
		panes, err := f.GetPanes(sheet)
		check(err)
		if panes.Freeze || panes.Split {
			fmt.Fprintf(&b, "panes: freeze=%t split=%t x=%d y=%d top-left=%s\n", panes.Freeze, panes.Split, panes.XSplit, panes.YSplit, panes.TopLeftCell)
		} else {
			b.WriteString("panes: none\n")
		}
		tables, err := f.GetTables(sheet)
		check(err)
		for _, tb := range tables {
			fmt.Fprintf(&b, "table %s %s style=%q\n", tb.Name, tb.Range, tb.StyleName)
		}
		for _, dn := range names {
			if dn.Scope == sheet {
				fmt.Fprintf(&b, "defined name %s = %s\n", dn.Name, dn.RefersTo)
			}
		}
		merged, err := f.GetMergeCells(sheet, true)
		check(err)
		for _, m := range merged {
			fmt.Fprintf(&b, "merged %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}

		// The extent of the sheet: its dimension, widened by what GetRows
		// sees, in case a writer left the dimension out.
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		check(err)
		maxRow, maxCol := len(rows), 0
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		if dim, err := f.GetSheetDimension(sheet); err == nil && dim != "" {
			last := dim[strings.LastIndex(dim, ":")+1:]
			if c, r, err := excelize.CellNameToCoordinates(last); err == nil {
				maxRow, maxCol = max(maxRow, r), max(maxCol, c)
			}
		}
		for r := 1; r <= maxRow; r++ {
			for c := 1; c <= maxCol; c++ {
				cell, err := excelize.CoordinatesToCellName(c, r)
				check(err)
				formula, err := f.GetCellFormula(sheet, cell)
				check(err)
				value, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				check(err)
				if value == "" && formula == "" {
					continue
				}
				typ, err := f.GetCellType(sheet, cell)
				check(err)
				name, ok := cellTypeNames[typ]
				if !ok {
					name = fmt.Sprintf("type%d", typ)
				}
				fmt.Fprintf(&b, "%s %s %q%s", cell, name, value, numFmt(sheet, cell))
				if formula != "" {
					fmt.Fprintf(&b, " = %s", formula)
				}
				b.WriteByte('\n')
			}
		}
	}
	return []byte(b.String())
}

// TestSameBytes holds the promise "same inputs, same bytes": two runs into
// two folders give identical files, and SOURCE_DATE_EPOCH stands for --now.
func TestSameBytes(t *testing.T) {
	t.Run("two runs", func(t *testing.T) {
		a := runExample(t, noEnv, "--now", exampleNow)
		b := runExample(t, noEnv, "--now", exampleNow)
		sameFiles(t, a, b)
	})
	t.Run("SOURCE_DATE_EPOCH", func(t *testing.T) {
		epoch := runExample(t, func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1768442400" // 2026-01-15T02:00:00Z
			}
			return ""
		})
		now := runExample(t, noEnv, "--now", "2026-01-15T02:00:00Z")
		made := func(dir string) string {
			var m struct{ Made string }
			readJSON(t, filepath.Join(dir, "manifest.json"), &m)
			return m.Made
		}
		if got, want := made(epoch), made(now); got != want || want != "2026-01-15T02:00:00Z" {
			t.Errorf("manifest made: SOURCE_DATE_EPOCH=1768442400 gives %q, --now 2026-01-15T02:00:00Z gives %q; want both 2026-01-15T02:00:00Z", got, want)
		}
		sameFiles(t, epoch, now)
	})
}

// sameFiles checks that folders a and b hold the same files, byte for byte.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	list := func(dir string) []string {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	na, nb := list(a), list(b)
	if strings.Join(na, "\n") != strings.Join(nb, "\n") {
		t.Fatalf("the runs wrote different files:\n%v\n%v", na, nb)
	}
	if len(na) != 11 {
		t.Errorf("a run wrote %d files, want the 6 of the output contract, report-<period>.md, .docx and .html, rows.csv and changes.csv: %v", len(na), na)
	}
	for _, name := range na {
		ba, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		bb, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(ba, bb) {
			i := 0
			for i < min(len(ba), len(bb)) && ba[i] == bb[i] {
				i++
			}
			t.Errorf("%s differs between the runs from byte %d of %d/%d", name, i, len(ba), len(bb))
		}
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// readCSV returns the records of a CSV file as maps from header to cell.
func readCSV(t *testing.T, path string, header ...string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", path)
	}
	if header != nil && strings.Join(recs[0], ",") != strings.Join(header, ",") {
		t.Fatalf("%s header: got %q, want %q", path, recs[0], header)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		m := make(map[string]string, len(rec))
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("not a whole number: %q", s)
	}
	return n
}

// rat reads a plain decimal exactly.
func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok || !regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`).MatchString(s) {
		t.Fatalf("not a plain decimal: %q", s)
	}
	return r
}

// exampleAmount reads the amount forms the example uses ("12,500,000.00",
// "₽450,000", "1500.50 USD", "JPY 1,200,000"): there, commas only group
// thousands and the point is the decimal mark.
func exampleAmount(t *testing.T, s string) *big.Rat {
	t.Helper()
	digits := strings.Map(func(r rune) rune {
		switch {
		case r >= '0' && r <= '9', r == '.':
			return r
		case r == ',', r == ' ', r >= 'A' && r <= 'Z', strings.ContainsRune("₮$€₽", r):
			return -1
		}
		t.Fatalf("amount %q: unexpected %q (the test reads only the example's forms)", s, r)
		return -1
	}, s)
	return rat(t, digits)
}

// exampleDate reads the date forms the example's activities use
// (2014-11-20, 18.01.2013, 2014/06/10) as year and month.
func exampleDate(t *testing.T, s string) (year, month int) {
	t.Helper()
	var d, m, y int
	switch {
	case strings.Count(s, "-") == 2:
		_, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d)
		if err == nil {
			return y, m
		}
	case strings.Count(s, ".") == 2:
		if _, err := fmt.Sscanf(s, "%d.%d.%d", &d, &m, &y); err == nil {
			return y, m
		}
	case strings.Count(s, "/") == 2:
		if _, err := fmt.Sscanf(s, "%d/%d/%d", &y, &m, &d); err == nil && y > 1000 {
			return y, m
		}
	}
	t.Fatalf("date %q: not one of the example's forms", s)
	return 0, 0
}

// rateFor picks, from rates.csv, the rate of cur on the given month by the
// contract's rule: the most specific period that covers the date wins.
func rateFor(t *testing.T, rates []map[string]string, cur string, year, month int) *big.Rat {
	t.Helper()
	var best *big.Rat
	bestRank := 0
	for _, r := range rates {
		if r["currency"] != cur {
			continue
		}
		p, rank := r["period"], 0
		switch {
		case p == strconv.Itoa(year):
			rank = 1
		case p == fmt.Sprintf("%d-Q%d", year, (month+2)/3):
			rank = 2
		case p == fmt.Sprintf("%d-%02d", year, month):
			rank = 3
		}
		if rank > bestRank {
			best, bestRank = rat(t, r["rate"]), rank
		}
	}
	if best == nil {
		t.Fatalf("rates.csv has no rate for %s in %d-%02d", cur, year, month)
	}
	return best
}

// round2 rounds a positive amount to 2 decimals, halves away from zero.
func round2(x *big.Rat) *big.Rat {
	h := new(big.Rat).Mul(x, big.NewRat(100, 1))
	h.Add(h, big.NewRat(1, 2))
	q := new(big.Int).Quo(h.Num(), h.Denom())
	return new(big.Rat).SetFrac(q, big.NewInt(100))
}

// TestExampleFacts ties the outputs to what the contract says the example
// must show, computing the expected numbers from input/ where it can, so
// that the golden files cannot drift away from the contract unnoticed.
func TestExampleFacts(t *testing.T) {
	dir := runExample(t, noEnv, "--now", exampleNow)
	summary := readCSV(t, filepath.Join(dir, "summary.csv"),
		"period", "country_code", "country", "agreements_signed", "agreements_in_force", "activities", "participants")
	finance := readCSV(t, filepath.Join(dir, "finance.csv"),
		"period", "country_code", "country", "currency", "amount", "reporting_currency", "rate", "amount_reporting")
	activities := readCSV(t, filepath.Join(exampleInput, "activities.csv"))
	agreements := readCSV(t, filepath.Join(exampleInput, "agreements.csv"))
	rates := readCSV(t, filepath.Join(exampleInput, "rates.csv"))

	whole := map[string]map[string]string{} // whole-period summary rows by country code
	for _, r := range summary {
		if r["period"] == exampleLabel {
			if whole[r["country_code"]] != nil {
				t.Errorf("summary.csv: two whole-period rows for country code %q", r["country_code"])
			}
			whole[r["country_code"]] = r
		}
	}

	t.Run("26 partner countries", func(t *testing.T) {
		var codes []string
		for code, r := range whole {
			if code != "" && atoi(t, r["agreements_in_force"]) > 0 {
				codes = append(codes, code)
			}
		}
		sort.Strings(codes)
		if len(codes) != 26 {
			t.Errorf("summary.csv: %d countries with agreements in force over %s, want 26: %v", len(codes), exampleLabel, codes)
		}
	})

	t.Run("multilateral", func(t *testing.T) {
		m := whole[""]
		if m == nil {
			t.Fatalf("summary.csv: no whole-period row with an empty country_code (the Marrakesh Treaty accession)")
		}
		// AG-030 (signed and in force from 2015-09-23) and AC-006.
		want := map[string]string{"country": "Multilateral", "agreements_signed": "1", "agreements_in_force": "1", "activities": "1", "participants": "0"}
		for k, v := range want {
			if m[k] != v {
				t.Errorf("summary.csv multilateral row: %s = %q, want %q", k, m[k], v)
			}
		}
		for _, r := range summary {
			if strings.EqualFold(r["country"], "multilateral") && r["country_code"] != "" {
				t.Errorf("summary.csv: multilateral row with country_code %q", r["country_code"])
			}
		}
	})

	t.Run("Inner Mongolia under China", func(t *testing.T) {
		for _, r := range summary {
			if strings.Contains(r["country"], "Mongolia") || (r["country_code"] != "" && len(r["country_code"]) != 2) {
				t.Errorf("summary.csv: row %v: Inner Mongolia must count under CN", r)
			}
		}
		// CN: AG-002 (People’s Republic of China), AG-007 (Inner Mongolia),
		// AG-029 (the Tianjin memorandum, 2013-2015); activities AC-008
		// (Tianjin, 35 people, 2014) and AC-016 (Inner Mongolia, 20 people, 2013).
		tests := []struct {
			period string
			want   string // agreements_signed,agreements_in_force,activities,participants
		}{
			{"2012", "0,2,0,0"},
			{"2013", "1,3,1,20"},
			{"2014", "0,3,1,35"},
			{"2015", "0,3,0,0"},
			{exampleLabel, "1,3,2,55"},
		}
		for _, tt := range tests {
			found := false
			for _, r := range summary {
				if r["period"] == tt.period && r["country_code"] == "CN" {
					found = true
					got := strings.Join([]string{r["agreements_signed"], r["agreements_in_force"], r["activities"], r["participants"]}, ",")
					if got != tt.want || r["country"] != "China" {
						t.Errorf("summary.csv %s %s: got %s, want China %s", tt.period, r["country_code"], got, tt.want)
					}
				}
			}
			if !found {
				t.Errorf("summary.csv: no CN row for %s", tt.period)
			}
		}
	})

	t.Run("whole period equals the sum of the buckets", func(t *testing.T) {
		sums := map[string][4]int{}
		for _, r := range summary {
			if r["period"] == exampleLabel {
				continue
			}
			s := sums[r["country_code"]]
			s[0] += atoi(t, r["agreements_signed"])
			s[2] += atoi(t, r["activities"])
			s[3] += atoi(t, r["participants"])
			sums[r["country_code"]] = s
		}
		for code, s := range sums {
			w := whole[code]
			if w == nil {
				t.Errorf("summary.csv: no whole-period row for %q", code)
				continue
			}
			if atoi(t, w["agreements_signed"]) != s[0] || atoi(t, w["activities"]) != s[2] || atoi(t, w["participants"]) != s[3] {
				t.Errorf("summary.csv %q: whole period %v, buckets sum to signed %d, activities %d, participants %d", code, w, s[0], s[2], s[3])
			}
		}
		var acts, people int
		for _, w := range whole {
			acts += atoi(t, w["activities"])
			people += atoi(t, w["participants"])
		}
		var wantPeople int
		for _, a := range activities {
			if a["participants"] != "" {
				wantPeople += atoi(t, a["participants"])
			}
		}
		if acts != len(activities) || people != wantPeople {
			t.Errorf("summary.csv: %d activities and %d participants over the period, want %d and %d (activities.csv)", acts, people, len(activities), wantPeople)
		}
	})

	t.Run("money", func(t *testing.T) {
		// Computed from activities.csv and rates.csv: amounts per currency
		// for the whole period and per year, and their conversion to MNT,
		// each amount with the most specific rate and rounded to 2 decimals.
		type sums struct{ amount, mnt *big.Rat }
		want := map[string]*sums{} // "period currency"
		add := func(k string, amount, mnt *big.Rat) {
			s := want[k]
			if s == nil {
				s = &sums{new(big.Rat), new(big.Rat)}
				want[k] = s
			}
			s.amount.Add(s.amount, amount)
			s.mnt.Add(s.mnt, mnt)
		}
		for _, a := range activities {
			if a["amount"] == "" {
				continue
			}
			amount := exampleAmount(t, a["amount"])
			y, m := exampleDate(t, a["date"])
			rate := big.NewRat(1, 1)
			if a["currency"] != "MNT" {
				rate = rateFor(t, rates, a["currency"], y, m)
			}
			mnt := round2(new(big.Rat).Mul(amount, rate))
			add(strconv.Itoa(y)+" "+a["currency"], amount, mnt)
			add(exampleLabel+" "+a["currency"], amount, mnt)
		}
		got := map[string]*sums{}
		for _, r := range finance {
			if r["reporting_currency"] != "MNT" {
				t.Errorf("finance.csv row %v: reporting_currency %q, want MNT (coopreport.toml)", r, r["reporting_currency"])
			}
			amount, mnt := rat(t, r["amount"]), rat(t, r["amount_reporting"])
			if r["rate"] != "" {
				if conv := round2(new(big.Rat).Mul(amount, rat(t, r["rate"]))); conv.Cmp(mnt) != 0 {
					t.Errorf("finance.csv row %v: %s × %s is %s MNT", r, r["amount"], r["rate"], conv.FloatString(2))
				}
			}
			k := r["period"] + " " + r["currency"]
			s := got[k]
			if s == nil {
				s = &sums{new(big.Rat), new(big.Rat)}
				got[k] = s
			}
			s.amount.Add(s.amount, amount)
			s.mnt.Add(s.mnt, mnt)
		}
		var keys []string
		for k := range want {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		currencies := 0
		for _, k := range keys {
			if strings.HasPrefix(k, exampleLabel+" ") {
				currencies++
			}
			w, g := want[k], got[k]
			if g == nil {
				t.Errorf("finance.csv: no rows for %s", k)
				continue
			}
			if g.amount.Cmp(w.amount) != 0 || g.mnt.Cmp(w.mnt) != 0 {
				t.Errorf("finance.csv %s: amount %s, in MNT %s; activities.csv gives %s, in MNT %s",
					k, g.amount.FloatString(2), g.mnt.FloatString(2), w.amount.FloatString(2), w.mnt.FloatString(2))
			}
		}
		if len(got) != len(want) {
			t.Errorf("finance.csv has %d period-currency groups, activities.csv gives %d", len(got), len(want))
		}
		if currencies != 7 {
			t.Errorf("activities.csv has amounts in %d currencies, the example has 7 (MNT USD EUR RUB JPY KRW CNY)", currencies)
		}
	})

	t.Run("PDF", func(t *testing.T) {
		pdf := filepath.Join(dir, "report-"+exampleLabel+".pdf")
		layout := string(pdfText(t, pdf, "-layout"))
		if !regexp.MustCompile(`(?m)^Partner countries +26$`).MatchString(layout) {
			t.Errorf("the PDF summary does not give 26 partner countries")
		}
		// The reading order of -raw keeps a wrapped table cell together.
		raw := strings.Join(strings.Fields(string(pdfText(t, pdf, "-raw"))), " ")
		titles := map[string]string{}
		for _, a := range agreements {
			titles[a["id"]] = a["title"]
		}
		for _, want := range []string{
			titles["AG-028"], // the DPRK plan
			titles["AG-029"], // the opera memorandum with Tianjin
			titles["AG-030"], // the Marrakesh Treaty accession
			"Tianjin Grand Theatre",
			"Marrakesh Treaty",
			"Democratic People’s Republic of Korea for 2012-2014",
		} {
			if want == "" || !strings.Contains(raw, want) {
				t.Errorf("the PDF text lacks %q", want)
			}
		}
	})

	t.Run("manifest", func(t *testing.T) {
		type counts struct {
			Read     int `json:"rows_read"`
			Accepted int `json:"rows_accepted"`
			Rejected int `json:"rows_rejected"`
		}
		var m struct {
			Made    string `json:"made"`
			Version string `json:"version"`
			Inputs  []struct {
				File   string `json:"file"`
				SHA256 string `json:"sha256"`
				counts
				Tables []struct {
					Kind string `json:"kind"`
					counts
				} `json:"tables"`
			} `json:"inputs"`
			counts
			Outputs []struct {
				File   string `json:"file"`
				Bytes  int    `json:"bytes"`
				SHA256 string `json:"sha256"`
			} `json:"outputs"`
		}
		readJSON(t, filepath.Join(dir, "manifest.json"), &m)
		if m.Made != "2026-01-15T02:00:00Z" || m.Version != Version {
			t.Errorf("manifest: made %q version %q, want 2026-01-15T02:00:00Z and %q", m.Made, m.Version, Version)
		}
		wantRows := map[string]int{"activities.csv": 16, "agreements.csv": 30, "aliases.csv": 3, "measures.csv": 1, "rates.csv": 25}
		var total counts
		for _, in := range m.Inputs {
			if in.Read != in.Accepted+in.Rejected {
				t.Errorf("manifest %s: %d rows read, %d accepted + %d rejected", in.File, in.Read, in.Accepted, in.Rejected)
			}
			if n, ok := wantRows[in.File]; !ok || in.Read != n || in.Rejected != 0 {
				t.Errorf("manifest %s: %d rows read, %d rejected; want %d read, 0 rejected", in.File, in.Read, in.Rejected, n)
			}
			delete(wantRows, in.File)
			var tabs counts
			for _, tb := range in.Tables {
				if tb.Read != tb.Accepted+tb.Rejected {
					t.Errorf("manifest %s %s: %d rows read, %d accepted + %d rejected", in.File, tb.Kind, tb.Read, tb.Accepted, tb.Rejected)
				}
				tabs.Read += tb.Read
				tabs.Accepted += tb.Accepted
				tabs.Rejected += tb.Rejected
			}
			if tabs != in.counts {
				t.Errorf("manifest %s: its tables add up to %+v, the file says %+v", in.File, tabs, in.counts)
			}
			total.Read += in.Read
			total.Accepted += in.Accepted
			total.Rejected += in.Rejected
		}
		if len(wantRows) != 0 {
			t.Errorf("manifest: inputs missing: %v", wantRows)
		}
		if total != m.counts {
			t.Errorf("manifest: the inputs add up to %+v, the total says %+v", total, m.counts)
		}
		var names []string
		for _, o := range m.Outputs {
			names = append(names, o.File)
			b, err := os.ReadFile(filepath.Join(dir, o.File))
			if err != nil {
				t.Errorf("manifest names %s: %v", o.File, err)
				continue
			}
			if o.Bytes != len(b) || o.SHA256 != sha256Hex(b) {
				t.Errorf("manifest %s: %d bytes, sha256 %s; the file has %d bytes, sha256 %s", o.File, o.Bytes, o.SHA256, len(b), sha256Hex(b))
			}
		}
		sort.Strings(names)
		want := []string{"changes.csv", "finance.csv", "rejects.csv", "report-" + exampleLabel + ".docx", "report-" + exampleLabel + ".html", "report-" + exampleLabel + ".md", "report-" + exampleLabel + ".pdf", "report-" + exampleLabel + ".xlsx", "rows.csv", "summary.csv"}
		if strings.Join(names, " ") != strings.Join(want, " ") {
			t.Errorf("manifest outputs %v, want %v", names, want)
		}
		for _, in := range m.Inputs {
			b, err := os.ReadFile(filepath.Join(exampleInput, in.File))
			if err != nil {
				t.Fatal(err)
			}
			if in.SHA256 != sha256Hex(b) {
				t.Errorf("manifest %s: sha256 %s, the file has %s", in.File, in.SHA256, sha256Hex(b))
			}
		}
	})
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// dumpDOCX is the text of a Word document, a line per paragraph with its
// style ("Heading1: Summary of the period"), a line per table row with its
// cells between bars (a header row marked "header"), and "[picture NAME]"
// for each picture: what a reader of the document sees, in its order.
func dumpDOCX(t *testing.T, path string) []byte {
	t.Helper()
	f, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rc, err := f.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var b strings.Builder
	var (
		text, style string
		cells       []string
		header      bool
		inCell      int
	)
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tc":
				inCell++
			case "tblHeader":
				header = true
			case "pStyle":
				for _, a := range e.Attr {
					if a.Name.Local == "val" {
						style = a.Value
					}
				}
			case "t", "instrText":
				if e.Name.Local == "t" {
					var s string
					if err := d.DecodeElement(&s, &e); err != nil {
						t.Fatal(err)
					}
					text += s
				}
			case "tab":
				text += "\t"
			case "docPr":
				for _, a := range e.Attr {
					if a.Name.Local == "name" {
						text += "[picture " + a.Value + "]"
					}
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				if inCell > 0 {
					if len(cells) > 0 && cells[len(cells)-1] != "" {
						cells[len(cells)-1] += " "
					}
					if len(cells) == 0 {
						cells = append(cells, "")
					}
					cells[len(cells)-1] += text
				} else if text != "" {
					if style == "" {
						style = "Normal"
					}
					fmt.Fprintf(&b, "%s: %s\n", style, text)
				}
				text, style = "", ""
			case "tc":
				inCell--
				cells = append(cells, "")
			case "tr":
				mark := ""
				if header {
					mark = "header "
				}
				fmt.Fprintf(&b, "%s| %s\n", mark, strings.Join(cells[:max(len(cells)-1, 0)], " | "))
				cells, header = nil, false
			}
		}
	}
	return []byte(b.String())
}

// dumpHTML is the text of the web report, a line per heading, paragraph,
// list item, caption and table row, and "[svg]" for each chart, parsed as
// the XML it must be.
func dumpHTML(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var b strings.Builder
	var stack []string
	var text strings.Builder
	blocks := map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "p": true, "li": true, "caption": true, "figcaption": true, "tr": true, "title": true}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the HTML is not well-formed: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "svg" {
				b.WriteString("[svg]\n")
				if err := d.Skip(); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if e.Name.Local == "style" {
				if err := d.Skip(); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if e.Name.Local == "td" || e.Name.Local == "th" {
				text.WriteString(" | ")
			}
			stack = append(stack, e.Name.Local)
		case xml.CharData:
			text.Write(e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if blocks[e.Name.Local] {
				if s := strings.Join(strings.Fields(text.String()), " "); s != "" {
					fmt.Fprintf(&b, "%s: %s\n", e.Name.Local, s)
				}
				text.Reset()
			}
		}
	}
	return []byte(b.String())
}

// The Word and web reports hold every heading of the report, at its
// level and in its order, and each of its three charts.
func TestWordAndWebHoldTheReport(t *testing.T) {
	dir := runExample(t, noEnv, "--now", exampleNow)
	md, err := os.ReadFile(filepath.Join(dir, "report-"+exampleLabel+".md"))
	if err != nil {
		t.Fatal(err)
	}
	var headings []string // "2 Measures"
	for _, l := range strings.Split(string(md), "\n") {
		level := len(l) - len(strings.TrimLeft(l, "#"))
		if level > 0 && level <= 4 && strings.HasPrefix(l[level:], " ") {
			headings = append(headings, fmt.Sprintf("%d %s", level, strings.TrimSpace(l[level:])))
		}
	}
	docxText := string(dumpDOCX(t, filepath.Join(dir, "report-"+exampleLabel+".docx")))
	htmlText := string(dumpHTML(t, filepath.Join(dir, "report-"+exampleLabel+".html")))
	for _, c := range []struct {
		name, text string
		line       func(level int, text string) string
		charts     string
	}{
		{"docx", docxText, func(level int, text string) string {
			if level == 1 && strings.HasPrefix(text, "Quadrennial") {
				return "Title: " + text // the cover's title
			}
			return fmt.Sprintf("Heading%d: %s", level, text)
		}, "[picture "},
		{"html", htmlText, func(level int, text string) string { return fmt.Sprintf("h%d: %s", level, text) }, "[svg]"},
	} {
		at := 0
		for _, h := range headings {
			level, text, _ := strings.Cut(h, " ")
			want := c.line(int(level[0]-'0'), text) + "\n"
			i := strings.Index(c.text[at:], want)
			if i < 0 {
				t.Errorf("%s: heading %q missing or out of order", c.name, h)
				continue
			}
			at += i + len(want)
		}
		if n := strings.Count(c.text, c.charts); n != 3 {
			t.Errorf("%s: %d charts, want 3", c.name, n)
		}
	}
	if len(headings) < 20 {
		t.Errorf("found %d headings in the report", len(headings))
	}
}
