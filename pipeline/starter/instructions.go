package starter

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"coopreport/pipeline"
	"coopreport/pipeline/schema"
)

// line is one row of the Instructions sheet: a label in column A and text
// in column B, or a heading.
type line struct {
	heading bool
	label   string
	text    string
	list    string // the column whose drop-down list this row's text is a value of
}

// instructionLines is what the Instructions sheet says, in plain words.
// The required columns come from schema.Columns; nothing names the
// folder, so that Init gives the same bytes wherever it writes.
func instructionLines() []line {
	sheetOf := map[pipeline.Kind]string{}
	for _, s := range dataSheets {
		sheetOf[s.kind] = s.name
	}
	var req []line
	for _, s := range dataSheets {
		var names []string
		for _, c := range schema.Columns(s.kind) {
			if c.Required {
				names = append(names, c.Name)
			}
		}
		req = append(req, line{label: s.name, text: strings.Join(names, ", ")})
	}

	out := []line{
		{text: "This workbook is a register of international cultural cooperation for coopreport. Fill in the Agreements and Activities sheets (and Measures, Rates and Aliases if you need them), let coopreport check it, then make the report. The first row of each sheet holds the column names: keep them as they are. Point at a column name to read what the column holds."},
		{},
		{heading: true, label: "The sheets"},
		{label: SheetAgreements, text: "Required. One row for each agreement, plan or programme, memorandum, treaty or protocol with a partner, whether still in force or not."},
		{label: SheetActivities, text: "Required. One row for each activity carried out with a partner: a training, festival, exhibition, exchange, meeting, study or treaty accession, with its date, participants and cost."},
		{label: SheetMeasures, text: "Optional. One row for each policy or measure the agreements and activities belong to, as the periodic report on the 2005 Convention describes them. When this sheet has rows, the measure column of the other sheets must hold ids from it."},
		{label: SheetRates, text: "Optional. Exchange rates for a year, a quarter or a month: what one unit of a currency was worth in its base currency (MNT, as rates_base in coopreport.toml sets it where the base column is empty). Amounts are converted into the reporting currency directly, or through the base currency. An amount in another currency that no rate covers is reported in its own currency only, never converted by guess."},
		{label: SheetAliases, text: "Optional. Spellings of countries that your sheets use and coopreport does not know, each with the country it means."},
		{label: SheetInstructions, text: "This sheet. coopreport does not read it, and says so in a warning when it checks the workbook: that warning is expected."},
		{},
		{heading: true, label: "Required columns"},
		{text: "Required columns have a bold name on an orange background; the others may stay empty. A row that leaves a required column empty is rejected. Headers in Mongolian or Russian are read too (see the README for every name a column may have)."},
	}
	out = append(out, req...)
	out = append(out,
		line{},
		line{heading: true, label: "Dates"},
		line{text: "Type dates into the date columns as 2025-03-15: they are date cells, shown as yyyy-mm-dd. Dates written as text are read too: 2025-03-15, 2025.03.15, 15.03.2025 (dots with the year last are day first), 2025/03/15, March 15, 2025 and 15 March 2025."},
		line{text: "A slashed date with the year last, such as 01/02/2025, is read day first (1 February 2025), as date_order in coopreport.toml says. A date that does not fit that order, such as 13/25/2025, is rejected, never swapped."},
		line{},
		line{heading: true, label: "Amounts and numbers"},
		line{text: "Write amounts as numbers and the currency in the currency column: MNT, USD, EUR, RUB and so on (the list shows common codes; any ISO 4217 code is read). Amounts written as text are read too: 1250000.50, 1,250,000.50 and 1 250 000,50, with a currency symbol or code before or after (₮, $, €, ₽; ¥ is both yuan and yen, so write CNY or JPY), and (1,250.00) or -1250 for a negative amount. An amount without a currency is rejected."},
		line{text: "participants is a whole number, 0 or more."},
		line{},
		line{heading: true, label: "Lists and countries"},
		line{text: "instrument, sector, status, type and currency offer a drop-down list, and so do the Measures sheet's goals, areas, domains, evaluated and partner_type (see The report form's lists below). coopreport also reads common synonyms and the Mongolian and Russian words (programme for plan, convention for treaty, гэрээ for agreement), so the spreadsheet only warns when you type a value that is not in the list."},
		line{text: "A country is its English, Mongolian or Russian name or its ISO code (Republic of Korea, South Korea, Солонгос, KR). Write multilateral for a convention or a meeting with no single partner. A sub-national partner (Inner Mongolia, Buryatia) goes in the region column, or in the country column, and is counted under its country. A name coopreport does not know is rejected with a suggestion; teach it a local spelling on the Aliases sheet."},
		line{},
		line{heading: true, label: "Bad rows"},
		line{text: "A row with a bad value (an unknown country, a date that is not a date, an amount without a currency, an activity naming an agreement that is not on the Agreements sheet, an id used twice) is rejected: it is left out of the counts and sums, and listed with its sheet, row number, column, value and what to do, in rejects.csv and on the Data issues sheet of the report workbook. Every other row is reported. Fix the row here and run again."},
		line{},
		line{heading: true, label: "Example rows"},
		line{text: "The rows already on the sheets (agreements A-1 to A-3, activities ACT-1 to ACT-3, measure M1, three rates and one alias) show the forms above and pass every check. Replace them with your own rows, or delete them, before your first real report."},
		line{},
		line{heading: true, label: "Running coopreport"},
		line{text: "FOLDER below is the folder that holds this workbook and coopreport.toml."},
		line{label: "Check", text: "coopreport validate --input FOLDER\nChecks every row and lists the rejected ones, ending with how many rows were read, accepted and rejected. It writes nothing. Exit status 0 means every row is fine, 3 that some were rejected."},
		line{label: "Report", text: "coopreport run --input FOLDER --out output\nWrites the report for the period set in coopreport.toml (previous-year: the last whole calendar year) into output/<period>/: a PDF, a workbook, summary.csv, finance.csv, rejects.csv and manifest.json. Add --period 2025, 2025-Q3, 2025-07 or 2022..2025 for another period."},
		line{label: "Settings", text: "coopreport.toml beside this workbook holds the reporting party, the period, the reporting currency, the time zone and the date order; its comments explain every setting."},
		line{label: "More files", text: "Other .csv and .xlsx files in the folder are read too. A file or sheet is recognised by its name (agreements, activities, measures, rates, aliases) or by its first row."},
		line{},
		line{heading: true, label: "The report form's lists"},
		line{text: "The Measures sheet says where each measure stands in the monitoring framework of the current periodic report form: its goals of the 2005 Convention, areas of monitoring and cultural domains, as listed below. Write a goal or an area by its number (2, 2.3) or its name; several are separated by semicolons (2.3 Treaties and agreements; 2.1 Mobility of artists and cultural professionals), since a drop-down list gives one value. An area names its goal: goals may stay empty when areas is filled in, and an area's goal is added to the goals written. A value not in these lists is rejected with a suggestion."},
		line{text: "evaluated is yes or no; conclusions are the main conclusions of the evaluation, so a measure with conclusions and evaluated no is rejected. partner_type is the type of entity of the partners the agreements call non-governmental: " + strings.Join(entities, ", ") + "."},
	)
	for _, l := range []struct {
		label, column string
		values        []string
	}{
		{"Goals", "goals", goals},
		{"Areas of monitoring", "areas", areas},
		{"Cultural domains", "domains", domains},
	} {
		for i, v := range l.values {
			ln := line{text: v, list: l.column}
			if i == 0 {
				ln.label = l.label
			}
			out = append(out, ln)
		}
	}
	return out
}

// listCells are the cells of the Instructions sheet that hold each list
// of instructionLines, as a drop-down list refers to them
// ("Instructions!$B$60:$B$63").
func listCells() map[string]string {
	first, last := map[string]int{}, map[string]int{}
	for i, l := range instructionLines() {
		if l.list == "" {
			continue
		}
		row := i + 2 // as instructions writes them, below the title
		if first[l.list] == 0 {
			first[l.list] = row
		}
		last[l.list] = row
	}
	out := map[string]string{}
	for name, f := range first {
		out[name] = fmt.Sprintf("%s!$B$%d:$B$%d", SheetInstructions, f, last[name])
	}
	return out
}

// instructions writes the Instructions sheet: labels in a narrow column
// A, text wrapped in a wide column B.
func (b *book) instructions() {
	if b.err != nil {
		return
	}
	const sheet = SheetInstructions
	const wide = 100.0
	b.fitToWidth(sheet, "portrait")
	b.check(b.f.SetColWidth(sheet, "A", "A", 22))
	b.check(b.f.SetColWidth(sheet, "B", "B", wide))
	b.check(b.f.SetCellStr(sheet, "A1", "coopreport input workbook"))
	b.check(b.f.SetCellStyle(sheet, "A1", "A1", b.title))
	b.check(b.f.SetRowHeight(sheet, 1, 24))
	for i, l := range instructionLines() {
		row := i + 2
		a, bb := cellName(1, row), cellName(2, row)
		switch {
		case l.heading:
			b.check(b.f.SetCellStr(sheet, a, l.label))
			b.check(b.f.SetCellStyle(sheet, a, a, b.heading))
			b.check(b.f.SetRowHeight(sheet, row, 21))
			continue
		case l.label != "":
			b.check(b.f.SetCellStr(sheet, a, l.label))
			b.check(b.f.SetCellStyle(sheet, a, a, b.label))
		}
		if l.text != "" {
			b.check(b.f.SetCellStr(sheet, bb, l.text))
			b.check(b.f.SetCellStyle(sheet, bb, bb, b.para))
			// Excel does not fit rows to wrapped text when it opens a
			// file, so give each row room for its lines.
			b.check(b.f.SetRowHeight(sheet, row, 15*float64(wrappedLines(l.text, int(wide)))+2))
		}
	}
}

// wrappedLines estimates how many lines text takes in a column width
// characters wide: proportional text fits about 1.2 characters a width
// unit, and each explicit line break starts a line.
func wrappedLines(text string, width int) int {
	per := width * 6 / 5
	n := 0
	for _, l := range strings.Split(text, "\n") {
		n += max(1, (utf8.RuneCountInString(l)+per-1)/per)
	}
	return n
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// fitToWidth prints sheet one page wide, as many pages long as it takes.
func (b *book) fitToWidth(sheet, orientation string) {
	if b.err != nil {
		return
	}
	yes, one, any := true, 1, 0
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &one, FitToHeight: &any}))
}
