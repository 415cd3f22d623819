package starter

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"coopreport/pipeline"
	"coopreport/pipeline/config"
	"coopreport/pipeline/framework"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/period"
	"coopreport/pipeline/run"
	"coopreport/pipeline/schema"
)

// now is the Init date of most tests: the examples fall in 2025.
var now = time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)

// newFolder runs Init into a folder that does not exist yet.
func newFolder(t *testing.T, opt Options) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "input")
	if err := Init(dir, opt); err != nil {
		t.Fatalf("Init: %v", err)
	}
	return dir
}

func openBook(t *testing.T, dir string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(filepath.Join(dir, WorkbookName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestInitWritesTwoFiles(t *testing.T) {
	dir := newFolder(t, Options{Now: now})
	var names []string
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"coopreport.toml", "registry.xlsx"}; !slices.Equal(names, want) {
		t.Errorf("folder holds %q, want %q", names, want)
	}
}

// The pipeline reads what Init wrote as it is: no rejects, every example
// row accepted, and only a note about the Instructions sheet, which the
// report's text leaves out.
func TestInitThenRead(t *testing.T) {
	dir := newFolder(t, Options{Now: now})
	r, err := run.Read(context.Background(), run.Options{Input: dir, Now: now, Location: time.UTC, Period: period.All})
	if err != nil {
		t.Fatalf("run.Read: %v", err)
	}
	for _, e := range r.Rejects {
		t.Errorf("reject: %v", &e)
	}
	wantWarnings := []pipeline.Warning{{
		Message: `registry.xlsx, sheet "Instructions": not read: it explains the workbook (no known header in its first 10 rows)`,
		Note:    true,
	}}
	if !reflect.DeepEqual(r.Warnings, wantWarnings) {
		t.Errorf("warnings:\n%q\nwant\n%q", r.Warnings, wantWarnings)
	}

	if len(r.Inputs) != 1 {
		t.Fatalf("inputs %+v, want registry.xlsx only", r.Inputs)
	}
	in := r.Inputs[0]
	if in.Name != WorkbookName || in.Read != 11 || in.Accepted != 11 || in.Rejected != 0 {
		t.Errorf("input %s: read %d, accepted %d, rejected %d; want registry.xlsx 11, 11, 0", in.Name, in.Read, in.Accepted, in.Rejected)
	}
	type tableCount struct {
		sheet string
		kind  pipeline.Kind
		n     int
	}
	var got []tableCount
	for _, tb := range in.Tables {
		if tb.Read != tb.Accepted {
			t.Errorf("sheet %s: read %d, accepted %d", tb.Sheet, tb.Read, tb.Accepted)
		}
		got = append(got, tableCount{tb.Sheet, tb.Kind, tb.Accepted})
	}
	want := []tableCount{
		{"Instructions", "", 0},
		{"Agreements", pipeline.KindAgreements, 3},
		{"Activities", pipeline.KindActivities, 3},
		{"Measures", pipeline.KindMeasures, 1},
		{"Rates", pipeline.KindRates, 3},
		{"Aliases", pipeline.KindAliases, 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("sheets %+v, want %+v", got, want)
	}

	// The rows hold what the examples say, typed: real dates, decimal
	// amounts, the alias resolved, the agreements and measure linked.
	var ags []string
	for _, a := range r.Agreements {
		ags = append(ags, strings.Join([]string{a.ID, a.Country.Code, a.Region, string(a.Sector), string(a.Instrument),
			a.Signed.String(), a.ValidFrom.String(), a.ValidTo.String(), string(a.Status), a.Measure}, "|"))
	}
	wantAgs := []string{
		"A-1|KR||governmental|agreement|2019-05-14|2019-05-14||in force|M1",
		"A-2|CN|Tianjin|non-governmental|mou|2024-09-20|2024-10-01|2027-09-30|in force|M1",
		"A-3|RU||governmental|plan|2025-02-15|2025-02-15|2027-12-31|in force|M1",
	}
	if !slices.Equal(ags, wantAgs) {
		t.Errorf("agreements\n%q\nwant\n%q", ags, wantAgs)
	}
	var acts []string
	for _, a := range pipeline.First(r.Ledger, r.Ledger.Len()) {
		money := ""
		if a.Amount != nil {
			money = a.Amount.Amount.String() + " " + a.Amount.Currency
		}
		acts = append(acts, strings.Join([]string{a.ID, a.Date.String(), a.End.String(), a.Country.Code, a.Region, a.Agreement,
			a.Measure, string(a.Type), strconv.FormatInt(int64(a.Participants), 10), money}, "|"))
	}
	wantActs := []string{
		"ACT-1|2025-06-10|2025-06-14|KR||A-1|M1|exhibition|12|15000000 MNT",
		"ACT-2|2025-09-05|2025-09-25|CN|Tianjin|A-2|M1|training|8|8500.5 USD",
		"ACT-3|2025-11-20||RU||A-3|M1|meeting|6|250000 RUB",
	}
	if !slices.Equal(acts, wantActs) {
		t.Errorf("activities\n%q\nwant\n%q", acts, wantActs)
	}
	var rates []string
	for _, x := range r.RateList {
		rates = append(rates, x.Currency+" "+x.Span.Label+" "+x.Rate.String())
	}
	if want := []string{"USD 2025 3400", "USD 2025-09 3392.5", "RUB 2025 37.25"}; !slices.Equal(rates, want) {
		t.Errorf("rates %q, want %q", rates, want)
	}
	if len(r.Measures) != 1 || r.Measures[0].ID != "M1" || len(r.Measures[0].Nature) != 2 {
		t.Fatalf("measures %+v, want M1 with two natures", r.Measures)
	}
	// Form B's fields, read from the words of the lists: the areas in the
	// framework's order.
	m := r.Measures[0]
	if !slices.Equal(m.Goals, []int{2}) || !slices.Equal(m.Areas, []string{"2.1", "2.3"}) ||
		!slices.Equal(m.Domains, []string{"Music", "Performing arts", "Visual arts"}) ||
		m.Evaluated != "no" || m.Conclusions != "" || m.PartnerType != "Private sector" || !strings.HasPrefix(m.Achieved, "Three agreements in force") {
		t.Errorf("measure M1: goals %v, areas %q, domains %q, evaluated %q, conclusions %q, partner type %q, achieved %q",
			m.Goals, m.Areas, m.Domains, m.Evaluated, m.Conclusions, m.PartnerType, m.Achieved)
	}
	if got := r.Period.From.String() + ".." + r.Period.To.String(); got != "2019-05-01..2025-11-30" || r.Period.Label != "2019-05..2025-11" {
		t.Errorf("period all spans %s (%s), want 2019-05-01..2025-11-30 (the months of the examples' dates)", got, r.Period.Label)
	}
}

// What `coopreport validate` does with the folder as init leaves it: its
// own configuration (previous-year in Ulaanbaatar, MNT) applies, the
// examples fall in the period, and every amount converts.
func TestInitThenReadWithItsConfig(t *testing.T) {
	dir := newFolder(t, Options{Party: "Mongolia", Now: now})
	cfg, err := config.Load(filepath.Join(dir, config.FileName), false)
	if err != nil {
		t.Fatal(err)
	}
	st, err := cfg.Settings(nil, func(loc *time.Location) (time.Time, error) { return now.In(loc), nil })
	if err != nil {
		t.Fatal(err)
	}
	r, err := run.Read(context.Background(), run.NewOptions(dir, st))
	if err != nil {
		t.Fatalf("run.Read: %v", err)
	}
	if len(r.Rejects) != 0 {
		t.Errorf("rejects %v", r.Rejects)
	}
	if r.Period.Label != "2025" || r.Ledger.Len() != 3 {
		t.Errorf("period %q with %d activities, want 2025 with 3", r.Period.Label, r.Ledger.Len())
	}
	var money []string
	for _, m := range r.GrandMoney {
		if !m.Converted {
			t.Errorf("%s %s not converted: the rates should cover it", m.Amount, m.Currency)
		}
		money = append(money, m.Currency+" "+m.Amount.String()+" = MNT "+m.Reporting.String())
	}
	// USD in September takes the month's rate (3392.5), not the year's.
	want := []string{"MNT 15000000 = MNT 15000000.00", "RUB 250000 = MNT 9312500.00", "USD 8500.5 = MNT 28837946.25"}
	if !slices.Equal(money, want) {
		t.Errorf("money\n%q\nwant\n%q", money, want)
	}
	if r.Grand.Activities != 3 || r.Grand.Participants != 26 {
		t.Errorf("grand %+v, want 3 activities, 26 participants", r.Grand)
	}
}

func TestConfigFile(t *testing.T) {
	tests := []struct {
		name, party string
		wantLine    string
	}{
		{"placeholder", "", `party = ""`},
		{"party", "Mongolia", `party = "Mongolia"`},
		{"quotes", `Ministry "A" \ B`, `party = "Ministry \"A\" \\ B"`},
		{"cyrillic", "Монгол Улс", `party = "Монгол Улс"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newFolder(t, Options{Party: tt.party, Now: now})
			path := filepath.Join(dir, config.FileName)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			if !strings.Contains(text, "\n"+tt.wantLine+" ") {
				t.Errorf("no line %s in\n%s", tt.wantLine, text)
			}
			cfg, err := config.Load(path, false)
			if err != nil {
				t.Fatalf("config.Load: %v", err)
			}
			cfg.Path = ""
			strict := true
			want := config.Config{Party: tt.party, Period: "previous-year", Currency: "MNT", RatesBase: "MNT", Timezone: "Asia/Ulaanbaatar",
				Strict: &strict, MaxRejected: "5%", Template: "form-b"}
			if !reflect.DeepEqual(cfg, want) {
				t.Errorf("config %+v, want %+v", cfg, want)
			}

			// Every key the configuration knows is there, set or
			// commented out; uncommented, the defaults load as they say.
			for _, k := range config.Keys() {
				if k == "columns" {
					k = `\[columns\.agreements\]`
				} else {
					k += " = "
				}
				if !regexp.MustCompile(`(?m)^(# )?` + k).MatchString(text) {
					t.Errorf("key %s is not in the file", k)
				}
			}
			open := regexp.MustCompile(`(?m)^# (\w+ = )`).ReplaceAllString(text, "$1")
			openPath := filepath.Join(t.TempDir(), "open.toml")
			if err := os.WriteFile(openPath, []byte(open), 0o644); err != nil {
				t.Fatal(err)
			}
			all, err := config.Load(openPath, false)
			if err != nil {
				t.Fatalf("with every key uncommented: %v", err)
			}
			all.Path = ""
			no := false
			want.DataIssuesAnnex = &no
			want.Formats = []string{"pdf", "docx", "xlsx", "csv"}
			history := 12
			want.History = &history
			want.Title, want.ShortTitle = "Periodic report on international cultural cooperation", "Periodic report"
			want.By, want.DecimalMark, want.Output, want.PageSize, want.DateOrder = "quarter", ".", "output", "A4", "day-first"
			want.Language, want.CountryAbbreviations = "en", &no
			if !reflect.DeepEqual(all, want) {
				t.Errorf("uncommented %+v, want %+v", all, want)
			}
		})
	}
}

// cellOf finds the header cell of column name in row 1.
func columnOf(t *testing.T, f *excelize.File, sheet, name string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	for i, h := range rows[0] {
		if h == name {
			col, _ := excelize.ColumnNumberToName(i + 1)
			return col
		}
	}
	t.Fatalf("sheet %s has no column %s", sheet, name)
	return ""
}

func TestDataValidations(t *testing.T) {
	f := openBook(t, newFolder(t, Options{Now: now}))
	tests := []struct {
		sheet, column string
		list          string
	}{
		{SheetAgreements, "sector", `"governmental,non-governmental"`},
		{SheetAgreements, "instrument", `"agreement,plan,mou,treaty,protocol,other"`},
		{SheetAgreements, "status", `"signed,in force,suspended,terminated"`},
		{SheetActivities, "type", `"training,festival,exhibition,exchange,meeting,study,treaty,other"`},
		{SheetActivities, "currency", `"MNT,USD,EUR,RUB,CNY,JPY,KRW,GBP,CHF,KZT,KGS,UZS,TRY,INR,AUD,CAD,HKD,SGD,SEK,PLN,CZK,HUF,THB,VND"`},
		{SheetRates, "currency", `"MNT,USD,EUR,RUB,CNY,JPY,KRW,GBP,CHF,KZT,KGS,UZS,TRY,INR,AUD,CAD,HKD,SGD,SEK,PLN,CZK,HUF,THB,VND"`},
		{SheetRates, "base", `"MNT,USD,EUR,RUB,CNY,JPY,KRW,GBP,CHF,KZT,KGS,UZS,TRY,INR,AUD,CAD,HKD,SGD,SEK,PLN,CZK,HUF,THB,VND"`},
		{SheetMeasures, "goals", "Instructions!$B$" + listRow(t, f, "1 Support") + ":$B$" + listRow(t, f, "4 Promote")},
		{SheetMeasures, "areas", "Instructions!$B$" + listRow(t, f, "1.1 Cultural") + ":$B$" + listRow(t, f, "4.2 Artistic")},
		{SheetMeasures, "domains", `"Audiovisual arts,Design,Media arts,Music,Performing arts,Publishing,Visual arts,Multi-domain"`},
		{SheetMeasures, "partner_type", `"Public sector,Private sector,Civil society"`},
		{SheetMeasures, "evaluated", `"yes,no"`},
	}
	got := map[string]map[string]*excelize.DataValidation{}
	for _, s := range []string{SheetAgreements, SheetActivities, SheetMeasures, SheetRates, SheetAliases} {
		dvs, err := f.GetDataValidations(s)
		if err != nil {
			t.Fatal(err)
		}
		got[s] = map[string]*excelize.DataValidation{}
		for _, dv := range dvs {
			got[s][dv.Sqref] = dv
		}
	}
	count := 0
	for _, tt := range tests {
		t.Run(tt.sheet+"/"+tt.column, func(t *testing.T) {
			col := columnOf(t, f, tt.sheet, tt.column)
			sqref := col + "2:" + col + "5000"
			dv := got[tt.sheet][sqref]
			if dv == nil {
				t.Fatalf("no data validation on %s; have %v", sqref, got[tt.sheet])
			}
			if dv.Type != "list" || dv.Formula1 != tt.list {
				t.Errorf("%s: %s %s, want list %s", sqref, dv.Type, dv.Formula1, tt.list)
			}
			if dv.ErrorStyle == nil || *dv.ErrorStyle != "warning" || !dv.ShowErrorMessage || !dv.AllowBlank {
				t.Errorf("%s: want a warning that allows blanks", sqref)
			}
		})
		count++
	}
	total := 0
	for _, m := range got {
		total += len(m)
	}
	if total != count {
		t.Errorf("%d data validations in the workbook, want %d", total, count)
	}
}

// listRow is the row of the Instructions sheet whose column B begins
// with text.
func listRow(t *testing.T, f *excelize.File, text string) string {
	t.Helper()
	rows, err := f.GetRows(SheetInstructions)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 1 && strings.HasPrefix(r[1], text) {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("the Instructions sheet has no row %q", text)
	return ""
}

// The long lists' cells on the Instructions sheet hold the lists, one
// value a cell, and nothing else.
func TestLongListsOnInstructions(t *testing.T) {
	f := openBook(t, newFolder(t, Options{Now: now}))
	for name, want := range longLists[pipeline.KindMeasures] {
		ref := listCells()[name]
		from, to, ok := strings.Cut(strings.TrimPrefix(ref, SheetInstructions+"!"), ":")
		if !ok || !strings.HasPrefix(ref, SheetInstructions+"!") {
			t.Fatalf("%s: list cells %q", name, ref)
		}
		cells, err := f.GetCellValue(SheetInstructions, strings.ReplaceAll(from, "$", ""))
		if err != nil || cells != want[0] {
			t.Errorf("%s: %s holds %q, want %q", name, from, cells, want[0])
		}
		var got []string
		_, first, _ := excelize.CellNameToCoordinates(strings.ReplaceAll(from, "$", ""))
		_, last, _ := excelize.CellNameToCoordinates(strings.ReplaceAll(to, "$", ""))
		for row := first; row <= last; row++ {
			v, _ := f.GetCellValue(SheetInstructions, cellName(2, row))
			got = append(got, v)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %s holds %q, want %q", name, ref, got, want)
		}
	}
}

// Every value a drop-down list offers is one the pipeline reads as it is.
func TestListValuesAreAccepted(t *testing.T) {
	check := func(name string, values []string, read func(string) (string, error)) {
		t.Run(name, func(t *testing.T) {
			for _, v := range values {
				got, err := read(v)
				if err != nil || got != v {
					t.Errorf("%q reads as %q, %v", v, got, err)
				}
			}
		})
	}
	check("instrument", instruments, func(s string) (string, error) { v, _, err := normalize.Instrument(s); return string(v), err })
	check("sector", sectors, func(s string) (string, error) { v, err := normalize.Sector(s); return string(v), err })
	check("status", statuses, func(s string) (string, error) { v, err := normalize.Status(s); return string(v), err })
	check("type", types, func(s string) (string, error) { v, _, err := normalize.ActivityType(s); return string(v), err })
	check("currency", currencies, normalize.Currency)
	check("evaluated", yesNo, normalize.YesNo)
	fw := framework.MustDefault()
	check("domains", domains, fw.Domain)
	check("partner_type", entities, fw.Entity)
	// Goals and areas are listed with their numbers, and read as them.
	for i, v := range goals {
		if n, err := fw.Goal(v); err != nil || n != i+1 {
			t.Errorf("goal %q reads as %d, %v", v, n, err)
		}
	}
	var ids []string
	for _, v := range areas {
		a, err := fw.Area(v)
		if err != nil || !strings.HasPrefix(v, a.ID+" ") {
			t.Errorf("area %q reads as %q, %v", v, a.ID, err)
		}
		ids = append(ids, a.ID)
	}
	if len(goals) != 4 || len(ids) != 11 || ids[6] != "2.3" {
		t.Errorf("goals %q, areas %q", goals, ids)
	}
}

// The tables of this package name only columns the schema knows, and
// every column has its help text.
func TestTablesMatchSchema(t *testing.T) {
	for _, kind := range schema.Kinds() {
		t.Run(string(kind), func(t *testing.T) {
			known := map[string]bool{}
			for _, c := range schema.Columns(kind) {
				known[c.Name] = true
				if help[kind][c.Name] == "" {
					t.Errorf("no help for %s", c.Name)
				}
				if _, ok := widths[c.Name]; !ok {
					t.Errorf("no width for %s", c.Name)
				}
			}
			for _, m := range []map[string]bool{keys(help[kind]), keys(formats[kind]), keys(lists[kind])} {
				for name := range m {
					if !known[name] {
						t.Errorf("%q is not a %s column", name, kind)
					}
				}
			}
		})
	}
}

func keys[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

func TestWorkbookLayout(t *testing.T) {
	f := openBook(t, newFolder(t, Options{Now: now}))
	if got, want := f.GetSheetList(), []string{"Instructions", "Agreements", "Activities", "Measures", "Rates", "Aliases"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want 0 (Instructions)", i)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2026-03-05T10:00:00Z" || props.Modified != props.Created {
		t.Errorf("doc props %+v, %v", props, err)
	}

	for _, s := range dataSheets {
		t.Run(s.name, func(t *testing.T) {
			rows, err := f.GetRows(s.name)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, c := range schema.Columns(s.kind) {
				want = append(want, c.Name)
			}
			if !slices.Equal(rows[0], want) {
				t.Errorf("header %q, want %q", rows[0], want)
			}
			panes, err := f.GetPanes(s.name)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("panes %+v, %v: want the header row frozen", panes, err)
			}
			comments, err := f.GetComments(s.name)
			if err != nil {
				t.Fatal(err)
			}
			byCell := map[string]string{}
			for _, c := range comments {
				var b strings.Builder
				for _, p := range c.Paragraph {
					b.WriteString(p.Text)
				}
				byCell[c.Cell] = b.String() + c.Text
			}
			for i, c := range schema.Columns(s.kind) {
				cell, _ := excelize.CoordinatesToCellName(i+1, 1)
				id, err := f.GetCellStyle(s.name, cell)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				bold := st.Font != nil && st.Font.Bold
				prefix := "Optional. "
				if c.Required {
					prefix = "Required. "
				}
				if bold != c.Required {
					t.Errorf("%s (%s): bold %v, required %v", cell, c.Name, bold, c.Required)
				}
				if got := byCell[cell]; got != prefix+help[s.kind][c.Name] {
					t.Errorf("%s comment %q, want %q", cell, got, prefix+help[s.kind][c.Name])
				}
			}
		})
	}

	// Values as the spreadsheet shows them: dates as yyyy-mm-dd, money
	// with two decimals, participants and rates as numbers.
	shown := []struct{ sheet, column, cell, want, raw string }{
		{SheetAgreements, "signed", "2", "2019-05-14", "43599"},
		{SheetActivities, "date", "2", "2025-06-10", "45818"},
		{SheetActivities, "end", "3", "2025-09-25", "45925"},
		{SheetActivities, "amount", "2", "15,000,000.00", "15000000"},
		{SheetActivities, "amount", "3", "8,500.50", "8500.5"},
		{SheetActivities, "participants", "2", "12", "12"},
		{SheetRates, "rate", "3", "3,392.50", "3392.5"},
		{SheetRates, "period", "3", "2025-09", "2025-09"},
	}
	for _, tt := range shown {
		cell := columnOf(t, f, tt.sheet, tt.column) + tt.cell
		got, err := f.GetCellValue(tt.sheet, cell)
		raw, _ := f.GetCellValue(tt.sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil || got != tt.want || raw != tt.raw {
			t.Errorf("%s!%s (%s) shows %q (raw %q), want %q (raw %q)", tt.sheet, cell, tt.column, got, raw, tt.want, tt.raw)
		}
	}
	// The column formats reach the rows users type into.
	for _, tt := range []struct{ sheet, column, numFmt string }{
		{SheetAgreements, "valid_to", "yyyy-mm-dd"},
		{SheetActivities, "date", "yyyy-mm-dd"},
		{SheetActivities, "amount", "#,##0.00"},
		{SheetActivities, "participants", "#,##0"},
		{SheetRates, "period", "@"},
	} {
		col := columnOf(t, f, tt.sheet, tt.column)
		id, err := f.GetColStyle(tt.sheet, col)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.GetStyle(id)
		got := builtinFormats[st.NumFmt]
		if st.CustomNumFmt != nil {
			got = *st.CustomNumFmt
		}
		if got != tt.numFmt {
			t.Errorf("%s column %s (%s): format %q, want %q", tt.sheet, col, tt.column, got, tt.numFmt)
		}
	}

	text := sheetText(t, f, SheetInstructions)
	for _, want := range []string{
		"Agreements\tid, country, instrument, title, signed",
		"Activities\tid, date, country, type, title",
		"Rates\tcurrency, period, rate",
		"coopreport validate --input FOLDER",
		"coopreport run --input FOLDER --out output",
		"15.03.2025",
		"1 250 000,50",
		"rejects.csv",
		"several are separated by semicolons",
		"Goals\t1 Support sustainable systems of governance for culture",
		"Areas of monitoring\t1.1 Cultural and creative sectors",
		"Cultural domains\tAudiovisual arts",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Instructions do not say %q", want)
		}
	}
}

var builtinFormats = map[int]string{3: "#,##0", 4: "#,##0.00", 49: "@"}

func sheetText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t") + "\n")
	}
	return b.String()
}

// openpyxl, which reads workbooks as Excel writes them, sees the sheets,
// the active sheet, the frozen header, the lists and the date cells.
func TestOpenpyxlReadsIt(t *testing.T) {
	dir := newFolder(t, Options{Now: now})
	const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(",".join(wb.sheetnames), wb.active.title)
for ws in wb.worksheets[1:]:
    dvs = sorted(str(dv.sqref) + "=" + dv.formula1 for dv in ws.data_validations.dataValidation)
    print(ws.title, ws.freeze_panes, ws.max_row, len(dvs), ";".join(dvs))
    for dv in sorted(ws.data_validations.dataValidation, key=lambda dv: str(dv.sqref)):
        if dv.formula1.startswith("Instructions!"):
            cells = wb["Instructions"][dv.formula1.split("!")[1].replace("$", "")]
            print(" ", str(dv.sqref), "|".join(row[0].value[:12] for row in cells))
ws = wb["Activities"]
print(ws["B2"].value.date().isoformat(), ws["B2"].number_format, ws["K3"].value, ws["K3"].number_format, ws["J2"].value)
`
	out, err := exec.Command("/usr/bin/python3", "-c", script, filepath.Join(dir, WorkbookName)).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	want := `Instructions,Agreements,Activities,Measures,Rates,Aliases Instructions
Agreements A2 4 3 F2:F5000="governmental,non-governmental";G2:G5000="agreement,plan,mou,treaty,protocol,other";L2:L5000="signed,in force,suspended,terminated"
Activities A2 4 2 H2:H5000="training,festival,exhibition,exchange,meeting,study,treaty,other";L2:L5000="MNT,USD,EUR,RUB,CNY,JPY,KRW,GBP,CHF,KZT,KGS,UZS,TRY,INR,AUD,CAD,HKD,SGD,SEK,PLN,CZK,HUF,THB,VND"
Measures A2 2 5 K2:K5000=Instructions!$B$48:$B$51;L2:L5000=Instructions!$B$52:$B$62;M2:M5000="Audiovisual arts,Design,Media arts,Music,Performing arts,Publishing,Visual arts,Multi-domain";O2:O5000="Public sector,Private sector,Civil society";P2:P5000="yes,no"
  K2:K5000 1 Support su|2 Achieve a |3 Integrate |4 Promote hu
  L2:L5000 1.1 Cultural|1.2 Media di|1.3 Digital |1.4 Partneri|2.1 Mobility|2.2 Flow of |2.3 Treaties|3.1 National|3.2 Internat|4.1 Gender e|4.2 Artistic
Rates A2 4 2 A2:A5000="MNT,USD,EUR,RUB,CNY,JPY,KRW,GBP,CHF,KZT,KGS,UZS,TRY,INR,AUD,CAD,HKD,SGD,SEK,PLN,CZK,HUF,THB,VND";B2:B5000="MNT,USD,EUR,RUB,CNY,JPY,KRW,GBP,CHF,KZT,KGS,UZS,TRY,INR,AUD,CAD,HKD,SGD,SEK,PLN,CZK,HUF,THB,VND"
Aliases A2 2 0 
2025-06-10 yyyy-mm-dd 8500.5 #,##0.00 12
`
	if string(out) != want {
		t.Errorf("openpyxl says\n%s\nwant\n%s", out, want)
	}
}

func TestInitRefuses(t *testing.T) {
	tests := []struct {
		name     string
		existing []string // created before Init, in this order
		blamed   string   // the file the error names
	}{
		{"workbook there", []string{"registry.xlsx"}, "registry.xlsx"},
		{"config there", []string{"coopreport.toml"}, "coopreport.toml"},
		{"both there", []string{"coopreport.toml", "registry.xlsx"}, "registry.xlsx"},
		{"data there", []string{"agreements.csv"}, "agreements.csv"},
		{"workbook and data there", []string{"activities.xlsx", "registry.xlsx"}, "registry.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			before := map[string][]byte{}
			for i, name := range tt.existing {
				data := []byte("user data " + name + strings.Repeat("!", i))
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
				before[name] = data
			}
			err := Init(dir, Options{Now: now})
			if !errors.Is(err, ErrExists) {
				t.Fatalf("Init = %v, want ErrExists", err)
			}
			if !strings.Contains(err.Error(), tt.blamed) {
				t.Errorf("error %q does not name %s", err, tt.blamed)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != len(tt.existing) {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("folder holds %q after a refusal, want only %q", names, tt.existing)
			}
			for name, data := range before {
				got, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil || !bytes.Equal(got, data) {
					t.Errorf("%s changed: %q, %v", name, got, err)
				}
			}
		})
	}
}

// Files Init does not write, and ones the pipeline does not read, do not
// stop it.
func TestInitBesideOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"README.md", ".hidden.csv", "~$registry.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Init(dir, Options{Now: now}); err != nil {
		t.Fatalf("Init: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, WorkbookName)); err != nil {
		t.Error(err)
	}
}

func TestInitSameBytes(t *testing.T) {
	a := newFolder(t, Options{Party: "Mongolia", Now: now})
	b := newFolder(t, Options{Party: "Mongolia", Now: now.In(time.FixedZone("X", 8*3600))})
	for _, name := range []string{WorkbookName, ConfigName} {
		x, err1 := os.ReadFile(filepath.Join(a, name))
		y, err2 := os.ReadFile(filepath.Join(b, name))
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two folders made with the same Now", name)
		}
	}
	// Another Now moves the examples and the document dates.
	c := newFolder(t, Options{Party: "Mongolia", Now: now.AddDate(1, 0, 0)})
	x, _ := os.ReadFile(filepath.Join(a, WorkbookName))
	y, _ := os.ReadFile(filepath.Join(c, WorkbookName))
	if bytes.Equal(x, y) {
		t.Error("registry.xlsx is the same for another Now")
	}
}

func TestReportYear(t *testing.T) {
	tests := []struct {
		now  time.Time
		want int
	}{
		{time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC), 2025},
		// 00:30 on 1 January 2026 in Ulaanbaatar is still 2025 in UTC.
		{time.Date(2025, 12, 31, 16, 30, 0, 0, time.UTC), 2025},
		{time.Date(2025, 12, 31, 15, 59, 0, 0, time.UTC), 2024},
	}
	for _, tt := range tests {
		t.Run(tt.now.Format(time.RFC3339), func(t *testing.T) {
			if got := reportYear(tt.now); got != tt.want {
				t.Errorf("reportYear = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestInitNeedsNow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "input")
	if err := Init(dir, Options{}); err == nil {
		t.Fatal("Init without Now succeeded")
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Init without Now made the folder: %v", err)
	}
}
