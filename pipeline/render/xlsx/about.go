package xlsx

import (
	"coopreport/pipeline/period"

	"fmt"
	"strings"
	"time"

	"coopreport/pipeline"
	"coopreport/pipeline/lang"

	"github.com/xuri/excelize/v2"
)

// definitions say in plain words what every number in the workbook is.
var definitions = [][2]string{
	{"Summary: Agreements signed", "Agreements whose signing date falls in the bucket."},
	{"Summary: Agreements in force", "Agreements in force on at least one day of the bucket: valid from on or before its last day, and valid to empty or on or after its first day. A terminated or suspended agreement stops on the date it gives. " + inForceNote},
	{"Summary: Activities", "Activities whose date falls in the bucket."},
	{"Summary: Participants", "The sum of the participants of those activities. An activity whose register leaves participants blank (unknown, which is not zero) adds nothing, and its cell in the Activities sheet stays blank."},
	{"Summary: Totals by bucket", "SUMIF formulas over the rows of the bucket, for all countries together; they stay right when the rows are sorted or filtered. Agreements in force add up over countries (an agreement has one partner), never over buckets."},
	{"Summary: Whole period, by country", "SUMIF formulas over the rows of each country. Agreements in force over the whole period are counted over the whole period, not added up."},
	{"Summary: Multilateral", "Agreements and activities with no single partner country. They are counted in the totals but are not a country."},
	{"Finance: Amount", "The exact sum of the amounts of the activities of the bucket and country in one currency, to the last digit given. Each currency has its own number format with its ISO 4217 decimals. It is a SUMIFS formula over the Activities sheet: the activities whose Country and Currency are the row's and whose Date falls in the bucket (between the DATEs the formula names). Filter the Activities sheet the same way to see them; correct an amount there and the figure follows. Money formulas are rounded (ROUND) to the digits the amount is shown with, which removes the error of adding in binary floating point and nothing else."},
	{"Finance: Rate", "How many units of the reporting currency one unit of the currency was worth; 1 for the reporting currency itself. A rate given the other way round (1 USD = 1970.31 MNT, reporting in USD) or through a base currency (CNY to MNT to USD) is shown as the quotient of the rates used, to 9 decimals; the conversion itself uses the rates exactly (see Conversion on the Activities sheet). Empty where several rates applied within the row or none did."},
	{"Finance: Amount in reporting currency", "The sum of the row's amounts, each multiplied by the rate whose span covers its date (a month's rate before a quarter's, a quarter's before a year's) and rounded to the reporting currency's minor unit, halves away from zero. Empty, and marked, where any amount had no rate: nothing is estimated. Where given, a SUMIFS formula over the Activities sheet's Amount in reporting currency, like Amount."},
	{"Finance: totals", "SUMIF and SUMIFS formulas over the rows by bucket above them, which add amounts of one currency only. A total in the reporting currency is given only where every amount it covers was converted."},
	{"Agreements: Status during the period", "in force; signed, not yet in force (the register says it awaits ratification or entry into force, and gives no date of entry into force within the period); not yet in force; expired; expired during the period; or the status the register gives (terminated, suspended) when the agreement ended before the period's last day."},
	{"Agreements: Days until expiry", "Valid to minus the last day of the period, in days; negative when the agreement ended before; empty when it is open-ended."},
	{"Activities: Total", "The row below the ledger, a total of the rows shown: SUBTOTAL(109, …) formulas over the participants and the amounts in the reporting currency. They add up the rows shown: with a filter on, the activities it shows; without one, all of them. Amounts in their own currencies are not added up across currencies (see Finance); the converted total is given only where every amount was converted. When the ledger continues on further sheets, the total row is on the last one and adds up every part."},
	{"Activities: Amount in reporting currency", "The amount converted with the rates covering the activity's date (directly, the other way round, or through a base currency: see Conversion), exactly, then rounded once to the reporting currency's minor unit, halves away from zero; empty when no rate covers it."},
	{"Changes: Old, New, Bucket closed", "What changed since the report of the period last published, as changes.csv lists it: first each row of the registers added, removed or changed (by input file and id), then each figure of summary.csv and finance.csv that changed, old → new, by bucket (or the whole period), country (All partners for all of them) and currency; Figure names the column (agreements_signed, agreements_in_force, activities, participants, amount, amount_reporting: the amount converted to the reporting currency). Old is blank for a row that did not exist, New for one that no longer does. Bucket closed: the bucket had ended when the published report was made, so the change restates a published figure. The sheet is left out on the period's first report (the About sheet says so) and when the run did not compare."},
	{"Data issues: Row", "The row number the spreadsheet program shows, counting title and header rows."},
	{"About: Rows read, accepted, rejected", "Per input file and table: rows read = rows accepted + rows rejected."},
}

// made is when the workbook was made, in the configured time zone with
// its offset: RFC 3339 in English, as it always was; in the other
// languages the date in words, the time and the offset ("15 января
// 2026 г., 10:00 (UTC+08:00)").
func (b *book) made() string {
	t, l := b.r.Made, b.r.Lang
	if l == lang.English || l == "" {
		return t.Format(time.RFC3339)
	}
	clock := t.Format("15:04")
	if l == lang.French {
		clock = t.Format("15 h 04")
	}
	return b.wf("%s, %s (UTC%s)", pipeline.DateOf(t).In(l), clock, t.Format("-07:00"))
}

// about writes the About sheet: what the file is, how and from what it
// was made, and what its numbers mean.
func (b *book) about() error {
	r := b.r
	bold := func(s string) any { return excelize.Cell{StyleID: b.st.bold, Value: b.w(s)} }
	wrap := func(s string) any { return excelize.Cell{StyleID: b.st.wrap, Value: text(s)} }
	var rows [][]any
	kv := func(k string, v any) { rows = append(rows, []any{bold(k), v}) }
	l := r.Lang

	rows = append(rows, []any{bold("coopreport finance workbook")})
	kv("What this file is", wrap(b.w("The finance workbook of the periodic report on international cultural cooperation: "+
		"agreements and activities by period and partner country, money by currency, the agreement register, "+
		"the activity ledger and the input rows that could not be used.")))
	kv("Reporting party", b.str(r.Party))
	kv("Report title", b.str(r.Title))
	kv("Period", b.str(period.Words(r.Period, r.Lang)+" ("+r.Period.Label+")"))
	kv("From", b.date(r.Period.From))
	kv("To", b.date(r.Period.To))
	labels := make([]string, len(r.Period.Buckets))
	for i, bk := range r.Period.Buckets {
		labels[i] = bk.Label
	}
	buckets := fmt.Sprintf("%d by %s: %s", len(labels), r.Period.By, strings.Join(labels, ", "))
	if l != lang.English && l != "" {
		buckets = b.wf("%s by "+string(r.Period.By)+": %s", num(l, len(labels)), strings.Join(labels, ", "))
	}
	kv("Buckets", wrap(buckets))
	if r.Currency != "" {
		kv("Reporting currency", b.code(r.Currency))
	} else {
		kv("Reporting currency", b.w("none set: amounts are not converted"))
	}
	kv("Partner countries", b.count(int64(len(r.Countries))))
	kv("Made", b.made()) // in the configured time zone, with its offset
	kv("Made by", "coopreport "+r.Version)
	if note := changesNote(r); note != "" {
		kv("Changes", wrap(note))
	}
	kv("Sheets", wrap(strings.Join(append(append([]string{}, b.sheets...), sheetName(b.w(sheetAbout), b.sheets)), ", ")))
	for _, s := range b.splits {
		kv("Sheet continued", wrap(s))
	}
	for _, s := range b.cuts {
		kv("Columns left out", wrap(s))
	}

	rows = append(rows, nil, []any{bold("Input file"), bold("SHA-256"), bold("Rows read"), bold("Rows accepted"), bold("Rows rejected")})
	for _, in := range r.Inputs {
		rows = append(rows, []any{b.str(in.Name), b.code(in.SHA256), b.count(int64(in.Read)), b.count(int64(in.Accepted)), b.count(int64(in.Rejected))})
		for _, t := range in.Tables {
			what := "  "
			if t.Sheet != "" {
				what += b.wf("sheet %s, ", t.Sheet)
			}
			if t.Kind != "" {
				what += b.w(string(t.Kind))
			} else {
				what += b.w("skipped")
			}
			rows = append(rows, []any{b.str(what), nil, b.count(int64(t.Read)), b.count(int64(t.Accepted)), b.count(int64(t.Rejected))})
		}
	}
	if len(r.Warnings) > 0 {
		rows = append(rows, nil, []any{bold("Warnings")})
		for _, w := range r.Warnings {
			rows = append(rows, []any{nil, wrap(w.String())})
		}
	}
	rows = append(rows, nil, []any{bold("Number"), bold("Definition")})
	for _, d := range definitions {
		rows = append(rows, []any{excelize.Cell{StyleID: b.st.wrap, Value: b.definedTerm(d[0])}, wrap(b.w(d[1]))})
	}
	return b.write(sheetSpec{name: b.w(sheetAbout), landscape: true}, len(rows), func(i int) ([]any, error) { return rows[i], nil })
}
