package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"coopreport/pipeline"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/schema"
)

const agreementsCSV = "id,country,instrument,title,signed\nAG-1,Russia,agreement,Culture,2013-01-18\n"

// folder writes files into a new input folder and reads it.
func folder(t *testing.T, opt Options, files map[string]string) (*Dataset, error) {
	t.Helper()
	dir := t.TempDir()
	if _, ok := files["agreements.csv"]; !ok {
		files["agreements.csv"] = agreementsCSV
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Read(context.Background(), dir, opt)
}

func mustRead(t *testing.T, opt Options, files map[string]string) *Dataset {
	t.Helper()
	d, err := folder(t, opt, files)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	for _, in := range d.Inputs {
		if in.Read != in.Accepted+in.Rejected {
			t.Fatalf("%s: read %d ≠ accepted %d + rejected %d", in.Name, in.Read, in.Accepted, in.Rejected)
		}
	}
	return d
}

// activities reads the whole ledger of d.
func activities(t testing.TB, d *Dataset) []pipeline.Activity {
	t.Helper()
	l, err := d.Ledger(nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []pipeline.Activity
	if err := l.Each(func(a *pipeline.Activity) error { out = append(out, *a); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func ids(acts []pipeline.Activity) []string {
	var out []string
	for _, a := range acts {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

func rejectsAt(d *Dataset) map[int][]string {
	out := map[int][]string{}
	for _, e := range d.Rejects {
		out[e.Row] = append(out[e.Row], e.Column)
	}
	return out
}

func hasWarning(d *Dataset, numbers bool, parts ...string) bool {
	for _, w := range d.Warnings {
		if w.Numbers != numbers {
			continue
		}
		all := true
		for _, p := range parts {
			all = all && strings.Contains(w.Message, p)
		}
		if all {
			return true
		}
	}
	return false
}

// Shuffling the rows of a file never changes what is accepted.
func TestDuplicateIDsWhateverTheOrder(t *testing.T) {
	const header = "id,date,country,type,title,participants\n"
	rows := []string{
		"AC-1,2014-01-10,Russia,meeting,First,10",
		"AC-1,2014-01-11,Russia,meeting,Other values,20", // AC-1 twice with different values: neither
		"AC-2,2014-02-01,China,training,Twice,5",
		"AC-2,2014-02-01,China,training,Twice,5", // an exact repeat: counted once
		"AC-3,not a date,Japan,festival,Bad,1",   // AC-3 rejected on its own...
		"AC-3,2014-03-01,Japan,festival,Good,1",  // ...so this one keeps the id
		"AC-4,2014-04-01,Japan,study,Alone,2",
	}
	perms := [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}, {1, 3, 5, 0, 2, 4, 6}, {4, 0, 6, 2, 5, 1, 3}}
	for _, p := range perms {
		var b strings.Builder
		b.WriteString(header)
		for _, i := range p {
			b.WriteString(rows[i] + "\n")
		}
		d := mustRead(t, Options{}, map[string]string{"activities.csv": b.String()})
		if got, want := ids(activities(t, d)), []string{"AC-2", "AC-3", "AC-4"}; !slices.Equal(got, want) {
			t.Errorf("order %v: accepted %q, want %q", p, got, want)
		}
		in := d.Inputs[0]
		if in.Name != "activities.csv" || in.Accepted != 3 || in.Rejected != 4 {
			t.Errorf("order %v: %+v", p, in)
		}
		var parts int64
		for _, a := range activities(t, d) {
			parts += a.Participants
		}
		if parts != 8 {
			t.Errorf("order %v: participants %d, want 8", p, parts)
		}
		dup := 0
		for _, e := range d.Rejects {
			if errors.Is(e.Err, pipeline.ErrDuplicateID) {
				dup++
				if !strings.Contains(e.Reason(), "row ") {
					t.Errorf("reason %q names no other row", e.Reason())
				}
			}
		}
		// AC-1 twice, the AC-2 repeat, the rejected AC-3 told its id is taken.
		if dup != 4 {
			t.Errorf("order %v: %d duplicate problems, want 4: %v", p, dup, d.Rejects)
		}
	}
}

// A reference to an id that several rows give is rejected with a reason.
func TestReferenceToDuplicatedAgreement(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"agreements.csv": "id,country,instrument,title,signed\nAG-1,Russia,agreement,A,2013-01-18\nAG-1,China,agreement,B,2013-01-18\n",
		"activities.csv": "id,date,country,agreement,type,title\nAC-1,2014-01-10,Russia,AG-1,meeting,M\n",
	})
	if len(d.Agreements) != 0 || len(activities(t, d)) != 0 {
		t.Fatalf("accepted %d agreements, %d activities", len(d.Agreements), len(activities(t, d)))
	}
	var msg string
	for _, e := range d.Rejects {
		if e.File == "activities.csv" {
			msg = e.Reason()
		}
	}
	if !strings.Contains(msg, "given by 2 rows with different values") {
		t.Errorf("reason %q", msg)
	}
}

// A CSV saved by Excel with US settings: 1/18/2015 proves month-first, so
// 4/7/2015 is 7 April, and the order is said once.
func TestDateOrderProvedByColumn(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"activities.csv": "id,date,end,country,type,title\n" +
			"AC-1,4/7/2015,4/8/2015,Russia,meeting,Two-way first\n" +
			"AC-2,1/18/2015,,Russia,meeting,Only month-first\n" +
			"AC-3,12/1/2015,,China,training,Two-way again\n",
	})
	got := map[string]string{}
	for _, a := range activities(t, d) {
		got[a.ID] = a.Date.String() + " " + a.End.String()
	}
	want := map[string]string{"AC-1": "2015-04-07 2015-04-08", "AC-2": "2015-01-18 ", "AC-3": "2015-12-01 "}
	for id, w := range want {
		if strings.TrimSpace(got[id]) != strings.TrimSpace(w) {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	// The ledger is in date order, whichever rows waited for the proof.
	var order []string
	for _, a := range activities(t, d) {
		order = append(order, a.ID)
	}
	if !slices.Equal(order, []string{"AC-2", "AC-1", "AC-3"}) {
		t.Errorf("order %q", order)
	}
	if !hasWarning(d, false, `column "date"`, "1/18/2015 (row 3) can only be month-first", "2 dates", "read month-first") {
		t.Errorf("no warning for the date column: %v", d.Warnings)
	}
	// The end column proves nothing of its own: it follows the table.
	if !hasWarning(d, false, `column "end"`, "as the table's other dates are written") {
		t.Errorf("no warning for the end column: %v", d.Warnings)
	}
}

// A column that proves both orders rejects its two-way values, and reads
// the others their only way.
func TestDateOrderMixed(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"activities.csv": "id,date,country,type,title\n" +
			"AC-1,18/01/2015,Russia,meeting,Day-first\n" +
			"AC-2,01/19/2015,Russia,meeting,Month-first\n" +
			"AC-3,4/7/2015,China,training,Two-way\n",
	})
	if got := ids(activities(t, d)); !slices.Equal(got, []string{"AC-1", "AC-2"}) {
		t.Errorf("accepted %q", got)
	}
	if len(d.Rejects) != 1 || !errors.Is(d.Rejects[0].Err, pipeline.ErrAmbiguousDate) ||
		!strings.Contains(d.Rejects[0].Reason(), "2015-07-04") || !strings.Contains(d.Rejects[0].Reason(), "2015-04-07") {
		t.Errorf("rejects %v", d.Rejects)
	}
}

// Nothing proves the order: the default is used and said loudly; a
// configured order is used silently.
func TestDateOrderUnproved(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{"activities.csv": "id,date,country,type,title\nAC-1,4/7/2015,Russia,meeting,Two-way\n"}
	}
	d := mustRead(t, Options{}, files())
	if activities(t, d)[0].Date.String() != "2015-07-04" || !hasWarning(d, true, "date_order", "default") {
		t.Errorf("default: %v %v", activities(t, d)[0].Date, d.Warnings)
	}
	d = mustRead(t, Options{DateOrder: normalize.MonthFirst, DateOrderSet: true}, files())
	if activities(t, d)[0].Date.String() != "2015-04-07" || hasWarning(d, true, "date_order") {
		t.Errorf("configured: %v %v", activities(t, d)[0].Date, d.Warnings)
	}
}

// FuzzDateOrder: whatever a column holds, its two-way values are read in
// one order only. It drives the date rule as each does (a first pass,
// settle, then the rows that waited), without files, so that it fuzzes at
// full speed.
func FuzzDateOrder(f *testing.F) {
	f.Add("4/7/2015;1/18/2015;12/1/2015")
	f.Add("18/01/2015;01/19/2015;4/7/2015")
	f.Add("5/5/2015;2015-01-01;4-7-2015")
	f.Fuzz(func(t *testing.T, cells string) {
		values := strings.Split(cells, ";")
		d := &Dataset{}
		c := newChecker(d, Options{})
		tb := &table{file: &pipeline.InputFile{Name: "activities.csv"}, stats: &pipeline.InputTable{}, csv: true, c: c}
		got := make([]pipeline.Date, len(values))
		read := func(i int) bool {
			r := &row{c: c, t: tb, pos: pipeline.Pos{File: "activities.csv", Row: i + 2}, headers: map[string]string{"date": "Date"}}
			got[i] = r.date("date", values[i], true)
			return r.waits
		}
		var waited []int
		for i := range values {
			if read(i) {
				waited = append(waited, i)
			}
		}
		tb.dates.settle(d, "activities.csv", normalize.DayFirst, false)
		for _, i := range waited {
			if read(i) {
				t.Fatalf("%q still waits once the table is read", values[i])
			}
		}
		orders := map[normalize.DateOrder]bool{}
		for i, v := range values {
			if _, _, _, twoWay := normalize.DateOrders(v); !twoWay || got[i].IsZero() {
				continue
			}
			for _, o := range []normalize.DateOrder{normalize.DayFirst, normalize.MonthFirst} {
				if x, err := normalize.Date(v, o); err == nil && x == got[i] {
					orders[o] = true
				}
			}
		}
		if len(orders) > 1 {
			t.Fatalf("one column read in two orders: %q", values)
		}
	})
}

// A row with several bad cells lists every one.
func TestEveryProblemOfARow(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"activities.csv": "id,date,country,type,title,participants,amount,currency\n" +
			"AC-1,2015-13-45,Narnia,meeting,Bad,-5,abc,XXX\n" +
			"AC-2,2015-02-01,Russia,meeting,Dash,5,–,\n",
	})
	got := rejectsAt(d)[2]
	for _, col := range []string{"date", "country", "participants", "currency", "amount"} {
		if !slices.Contains(got, col) {
			t.Errorf("row 2: problems in %q, missing %q", got, col)
		}
	}
	if len(activities(t, d)) != 1 || activities(t, d)[0].Amount != nil {
		t.Errorf("a lone dash is no amount: %+v", activities(t, d))
	}
}

// The file's decimal mark is named where an amount contradicts it.
func TestDecimalMarkNamed(t *testing.T) {
	d := mustRead(t, Options{DecimalMark: "."}, map[string]string{
		"activities.csv": "id,date,country,type,title,amount,currency\nAC-1,2015-02-01,Russia,meeting,T,\"1,25\",USD\nAC-2,2015-02-01,Russia,meeting,T,2.646.882,MNT\n",
	})
	if len(d.Rejects) != 1 || !strings.Contains(d.Rejects[0].Reason(), `decimal_mark is "."`) {
		t.Errorf("rejects %v", d.Rejects)
	}
	if len(activities(t, d)) != 1 || activities(t, d)[0].Amount.Amount.String() != "2646882" {
		t.Errorf("2.646.882: %+v", activities(t, d))
	}
}

// An emptied Measures sheet is an empty table: references are not
// checked against it.
func TestEmptyMeasuresTable(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"measures.csv":   "id,title\n",
		"activities.csv": "id,date,country,type,title,measure\nAC-1,2015-02-01,Russia,meeting,T,M1\n",
	})
	if len(activities(t, d)) != 1 || len(d.Rejects) != 0 || !hasWarning(d, false, "measures table has no rows") {
		t.Errorf("activities %d rejects %v warnings %v", len(activities(t, d)), d.Rejects, d.Warnings)
	}
}

// Signed, not yet in force: never in force without a date of entry into
// force, whatever the signing date.
func TestAgreementLifeCycle(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"agreements.csv": "ID,Country,Instrument,Title,Date of signature,Date of entry into force,Valid until,Status\n" +
			"A,Russia,agreement,Signed only,2013-01-18,,,not yet in force\n" +
			"B,China,agreement,Ratified later,2013-01-18,2014-06-01,,signed\n" +
			"C,Japan,agreement,On signature,2013-01-18,,,\n" +
			"D,South Korea,agreement,Ended early,2013-01-18,,2012-12-31,\n" +
			"E,Laos,agreement,Pending,2013-01-18,,,Ожидает ратификации\n",
		"activities.csv": "id,date,country,type,title\n",
	})
	got := map[string]string{}
	from, _ := pipeline.MakeDate(2013, 1, 1)
	to, _ := pipeline.MakeDate(2013, 12, 31)
	for _, a := range d.Agreements {
		got[a.ID] = fmt.Sprintf("%v %s", a.InForce(from, to), a.StatusDuring(from, to))
	}
	want := map[string]string{
		"A": "false signed, not yet in force",
		"B": "false signed, not yet in force",
		"C": "true in force",
		"E": "false signed, not yet in force",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	if e := rejectsAt(d)[5]; !slices.Equal(e, []string{"Valid until"}) {
		t.Errorf("an end before the start is rejected: %v", d.Rejects)
	}
}

// A rate says which currency it is in, or is rejected.
func TestRatesBase(t *testing.T) {
	files := func() map[string]string {
		return map[string]string{
			"rates.csv":      "currency,period,rate\nUSD,2015,1970.31\n",
			"activities.csv": "id,date,country,type,title\n",
		}
	}
	d := mustRead(t, Options{}, files())
	if len(d.Rates) != 0 || len(d.Rejects) != 1 || !strings.Contains(d.Rejects[0].Reason(), "rates_base") {
		t.Errorf("no base: rates %v rejects %v", d.Rates, d.Rejects)
	}
	d = mustRead(t, Options{RatesBase: "MNT"}, files())
	if len(d.Rates) != 1 || d.Rates[0].Base != "MNT" {
		t.Errorf("rates_base: %+v", d.Rates)
	}
	d = mustRead(t, Options{}, map[string]string{
		"rates.csv":      "Currency,Period,Rate (MNT per unit)\nUSD,2015,1970.31\n",
		"activities.csv": "id,date,country,type,title\n",
	})
	if len(d.Rates) != 1 || d.Rates[0].Base != "MNT" {
		t.Errorf("header: %+v %v", d.Rates, d.Rejects)
	}
	d = mustRead(t, Options{RatesBase: "MNT"}, map[string]string{
		"rates.csv":      "currency,base,period,rate\nUSD,EUR,2015,0.9\nUSD,2015-Q1,2015,1\nUSD,,2015,1970.31\nUSD,,2015,1970.31\n",
		"activities.csv": "id,date,country,type,title\n",
	})
	if len(d.Rates) != 2 {
		t.Errorf("base column: %+v %v", d.Rates, d.Rejects)
	}
}

// Files the run does not read are named; those that may hold data loudly.
func TestUnreadFilesNamed(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"activities.csv":   "id,date,country,type,title\n",
		"old.xls":          "x",
		"budget.ods":       "x",
		"~$activities.csv": "x",
		".hidden.csv":      "x",
		"README.md":        "x",
		"coopreport.toml":  "",
	})
	for _, name := range []string{"old.xls", "budget.ods", "~$activities.csv", ".hidden.csv"} {
		if !hasWarning(d, true, name) {
			t.Errorf("%s not named loudly: %v", name, d.Warnings)
		}
	}
	if !hasWarning(d, false, "README.md") || hasWarning(d, false, "coopreport.toml") {
		t.Errorf("notes: %v", d.Warnings)
	}
	_, err := folder(t, Options{}, map[string]string{"activities.xls": "x"})
	if err == nil || !strings.Contains(err.Error(), "no activities table") || !strings.Contains(err.Error(), "activities.xls") {
		t.Errorf("missing table: %v", err)
	}
}

// Headers a ministry maps itself, and headers read by their words.
func TestHeadersMapped(t *testing.T) {
	m, err := schema.NewMatcher(map[string]map[string]string{"agreements": {"Date d'effet": "valid_from"}})
	if err != nil {
		t.Fatal(err)
	}
	d := mustRead(t, Options{Headers: m}, map[string]string{
		"agreements.csv": "id,country,instrument,title,signed,Date d'effet,Expiry date of the agreement,Satus\nA,Russia,agreement,T,2013-01-18,2013-02-01,2014-01-31,x\n",
		"activities.csv": "id,date,country,type,title\n",
	})
	a := d.Agreements[0]
	if a.ValidFrom.String() != "2013-02-01" || a.ValidTo.String() != "2014-01-31" {
		t.Errorf("agreement %+v", a)
	}
	if !hasWarning(d, false, `"Expiry date of the agreement" as valid_to`) || !hasWarning(d, true, `"Satus"`, "status") {
		t.Errorf("warnings %v", d.Warnings)
	}
}

// An alias row may count Hong Kong under China, and the run says so.
func TestAliasRedefinesBuiltin(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"aliases.csv":    "name,country,region\nHong Kong,CN,Hong Kong\n",
		"activities.csv": "id,date,country,type,title\nAC-1,2015-02-01,Hong Kong,meeting,T\nAC-2,2015-02-01,\"Hong Kong SAR, China\",meeting,T\n",
	})
	got := map[string]string{}
	for _, a := range activities(t, d) {
		got[a.ID] = a.Country.Code + " " + a.Region
	}
	if got["AC-1"] != "CN Hong Kong" || got["AC-2"] != "HK " {
		t.Errorf("countries %q", got)
	}
	if !hasWarning(d, false, `"Hong Kong"`, "China") {
		t.Errorf("warnings %v", d.Warnings)
	}
}

// Rows of one day keep their reading order in the ledger, also when some
// of them waited for their column's date order.
func TestLedgerOrderWithinADay(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"activities.csv": "id,date,country,type,title\n" +
			"AC-1,4/7/2015,Russia,meeting,Waits\n" +
			"AC-2,2015-04-07,Russia,meeting,Does not wait\n" +
			"AC-3,1/18/2015,Russia,meeting,Proof\n" +
			"AC-4,4/7/2015,Russia,meeting,Waits too\n",
	})
	var order []string
	for _, a := range activities(t, d) {
		order = append(order, a.ID)
	}
	if !slices.Equal(order, []string{"AC-3", "AC-1", "AC-2", "AC-4"}) {
		t.Errorf("order %q", order)
	}
}

// An amount column whose header names its currency gives it to amounts
// that name none.
func TestAmountCurrencyInHeader(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"activities.csv": "id,date,country,type,title,Amount (MNT)\nAC-1,2015-02-01,Russia,meeting,T,\"1,000\"\nAC-2,2015-02-01,Russia,meeting,T,$5\n",
	})
	got := map[string]string{}
	for _, a := range activities(t, d) {
		got[a.ID] = a.Amount.Amount.String() + " " + a.Amount.Currency
	}
	if got["AC-1"] != "1000 MNT" || got["AC-2"] != "5 USD" || len(d.Rejects) != 0 {
		t.Errorf("amounts %v, rejects %v", got, d.Rejects)
	}
}

// What the review of issue 8 found, each never again silent.
func TestNotSilent(t *testing.T) {
	t.Run("spreadsheet errors are rejected", func(t *testing.T) {
		d := mustRead(t, Options{}, map[string]string{
			"agreements.csv": "id,country,instrument,title,signed,valid_to\nAG-1,China,agreement,T,1994-01-18,#N/A\n",
			"activities.csv": "id,date,country,type,title,amount,currency\nAC-1,2015-02-01,Russia,meeting,T,#N/A,MNT\nAC-2,2015-02-01,Russia,meeting,T,n/a,MNT\n" +
				"AC-3,2015-02-01,#REF!,meeting,T,,\nAC-4,2015-02-01,Russia,meeting,#VALUE!,,\n",
		})
		if got := rejectsAt(d); len(got) != 4 || len(d.Rejects) != 5 {
			t.Errorf("rejects %v", d.Rejects)
		}
		formula := 0
		for _, e := range d.Rejects {
			if errors.Is(e.Err, pipeline.ErrFormulaError) {
				formula++
				if !strings.Contains(e.Error(), "correct the formula") || e.Value == "" {
					t.Errorf("message %v", &e)
				}
			}
		}
		if formula != 4 {
			t.Errorf("%d rejects name the formula's error, want 4: %v", formula, d.Rejects)
		}
	})
	t.Run("n/a in an optional date is no date, said", func(t *testing.T) {
		d := mustRead(t, Options{}, map[string]string{
			"agreements.csv": "id,country,instrument,title,signed,valid_to\nAG-1,China,agreement,T,1994-01-18,n/a\n",
			"activities.csv": "id,date,country,type,title\n",
		})
		if len(d.Rejects) != 0 || len(d.Agreements) != 1 || !hasWarning(d, false, `"n/a"`, "no date") {
			t.Errorf("rejects %v warnings %v", d.Rejects, d.Warnings)
		}
	})
	t.Run("not in force is not a status", func(t *testing.T) {
		d := mustRead(t, Options{}, map[string]string{
			"agreements.csv": "id,country,instrument,title,signed,valid_to,status\nAG-1,Japan,agreement,T,1994-01-18,2013-06-30,Not in force\nAG-2,China,plan,T,2014-03-01,2016-12-31,signed\n",
			"activities.csv": "id,date,country,type,title\n",
		})
		if got := rejectsAt(d); len(got[2]) != 1 || len(got[3]) != 1 {
			t.Errorf("rejects %v", d.Rejects)
		}
	})
	t.Run("two headers for one column", func(t *testing.T) {
		d := mustRead(t, Options{}, map[string]string{
			"activities.csv": "id,date,country,type,title,Participants (women),Participants (total),Budget (planned),Expenditure (actual),currency\n" +
				"AC-1,2015-02-01,Russia,meeting,T,3,10,\"1,000\",900,MNT\n",
		})
		a := activities(t, d)[0]
		if a.Amount.Amount.String() != "900" || !hasWarning(d, true, `"Participants (women)" and "Participants (total)" both name participants`) {
			t.Errorf("amount %v, warnings %v", a.Amount, d.Warnings)
		}
	})
	t.Run("number of persons", func(t *testing.T) {
		d := mustRead(t, Options{}, map[string]string{
			"activities.csv": "id,date,country,type,title,Number of persons\nAC-1,2015-02-01,Russia,meeting,T,25\n",
		})
		if a := activities(t, d)[0]; a.Participants != 25 {
			t.Errorf("participants %d", a.Participants)
		}
	})
	t.Run("a mapping no header has", func(t *testing.T) {
		m, err := schema.NewMatcher(map[string]map[string]string{"agreements": {"Date d'effet": "valid_from", "Date de fin": "valid_to"}})
		if err != nil {
			t.Fatal(err)
		}
		d := mustRead(t, Options{Headers: m}, map[string]string{
			"agreements.csv": "id,country,instrument,title,signed,Date d’effet\nAG-1,China,agreement,T,2010-01-18,2011-01-01\n",
			"activities.csv": "id,date,country,type,title\n",
		})
		if d.Agreements[0].ValidFrom.String() != "2011-01-01" || !hasWarning(d, true, `"Date de fin"`) || hasWarning(d, true, "effet") {
			t.Errorf("valid from %v, warnings %v", d.Agreements[0].ValidFrom, d.Warnings)
		}
	})
	t.Run("a sheet about specialists is not a note", func(t *testing.T) {
		d := mustRead(t, Options{}, map[string]string{
			"Exchange of specialists.csv": "Name,Phone\nA,1\n",
			"activities.csv":              "id,date,country,type,title\n",
		})
		if !hasWarning(d, true, "Exchange of specialists.csv") {
			t.Errorf("warnings %v", d.Warnings)
		}
	})
	t.Run("--period all spans accepted rows only", func(t *testing.T) {
		d := mustRead(t, Options{}, map[string]string{
			"activities.csv": "id,date,country,type,title\nAC-1,2015-03-01,Russia,meeting,T\nAC-2,1990-03-01,Russia,meeting,T2\nAC-2,2015-05-01,Russia,meeting,T3\n",
		})
		if d.First.String() != "1994-01-18" && d.First.Year == 1990 {
			t.Errorf("span from %v", d.First)
		}
	})
}

// A blank participants cell is unknown, not zero: it stays unknown through
// the spool, and only the numbers given count.
func TestBlankParticipantsStayUnknown(t *testing.T) {
	d := mustRead(t, Options{}, map[string]string{
		"activities.csv": "id,date,country,type,title,participants\n" +
			"AC-1,2015-04-07,Russia,meeting,Blank,\n" +
			"AC-2,2015-04-08,Russia,meeting,Dash,-\n" +
			"AC-3,2015-04-09,Russia,meeting,Not known,n/a\n" +
			"AC-4,2015-04-10,Russia,meeting,Zero,0\n" +
			"AC-5,2015-04-11,Russia,meeting,Twelve,12\n",
	})
	got := map[string]int64{}
	for _, a := range activities(t, d) {
		got[a.ID] = a.Participants
	}
	want := map[string]int64{"AC-1": pipeline.NoParticipants, "AC-2": pipeline.NoParticipants,
		"AC-3": pipeline.NoParticipants, "AC-4": 0, "AC-5": 12}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s: participants %d, want %d", id, got[id], n)
		}
	}
	if len(d.Rejects) != 0 {
		t.Errorf("rejects %v", d.Rejects)
	}
}
