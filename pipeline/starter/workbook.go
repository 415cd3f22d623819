package starter

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"coopreport/pipeline"
	"coopreport/pipeline/schema"
)

// Sheet names, in the order the workbook shows them. The data sheets are
// named so that the pipeline recognises their kind by name.
const (
	SheetInstructions = "Instructions"
	SheetAgreements   = "Agreements"
	SheetActivities   = "Activities"
	SheetMeasures     = "Measures"
	SheetRates        = "Rates"
	SheetAliases      = "Aliases"
)

// dataSheets are the sheets of records, in workbook order.
var dataSheets = []struct {
	name string
	kind pipeline.Kind
}{
	{SheetAgreements, pipeline.KindAgreements},
	{SheetActivities, pipeline.KindActivities},
	{SheetMeasures, pipeline.KindMeasures},
	{SheetRates, pipeline.KindRates},
	{SheetAliases, pipeline.KindAliases},
}

// book is the workbook being made and its styles.
type book struct {
	f                  *excelize.File
	required, optional int // header cells
	formats            map[format]int
	title, heading     int // Instructions
	para, label        int
	err                error // sticky: the first error of any step
}

// workbook makes registry.xlsx. It uses the cell API only (no stream
// writers), whose zip entries excelize writes in sorted order, and sets the
// document properties from Now: the same Options give the same bytes.
func workbook(opt Options) ([]byte, error) {
	b := &book{f: excelize.NewFile(), formats: map[format]int{}}
	defer b.f.Close()
	b.styles()
	b.check(b.f.SetSheetName("Sheet1", SheetInstructions))
	for _, s := range dataSheets {
		if b.err == nil {
			_, err := b.f.NewSheet(s.name)
			b.check(err)
		}
	}
	ex := examples(reportYear(opt.Now))
	for _, s := range dataSheets {
		b.sheet(s.name, s.kind, ex[s.kind])
	}
	b.instructions()
	b.f.SetActiveSheet(0)
	made := opt.Now.UTC().Format(time.RFC3339)
	b.check(b.f.SetDocProps(&excelize.DocProperties{
		Created:        made,
		Modified:       made,
		Creator:        "coopreport init",
		LastModifiedBy: "coopreport init",
		Title:          "coopreport input workbook",
		Description:    "Agreements and activities of international cultural cooperation, read by coopreport. See the Instructions sheet.",
	}))
	if b.err != nil {
		return nil, fmt.Errorf("making %s: %w", WorkbookName, b.err)
	}
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("making %s: %w", WorkbookName, err)
	}
	return buf.Bytes(), nil
}

func (b *book) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) style(s *excelize.Style) int {
	if b.err != nil {
		return 0
	}
	id, err := b.f.NewStyle(s)
	b.check(err)
	return id
}

func (b *book) styles() {
	numFmt := func(f string) *string { return &f }
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	b.required = b.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4B6"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		Alignment: top,
		NumFmt:    49,
	})
	b.optional = b.style(&excelize.Style{
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF6"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		Alignment: top,
		NumFmt:    49,
	})
	b.formats[text] = b.style(&excelize.Style{NumFmt: 49})
	b.formats[date] = b.style(&excelize.Style{CustomNumFmt: numFmt("yyyy-mm-dd")})
	b.formats[count] = b.style(&excelize.Style{NumFmt: 3}) // #,##0
	b.formats[money] = b.style(&excelize.Style{NumFmt: 4}) // #,##0.00
	b.formats[rate] = b.style(&excelize.Style{CustomNumFmt: numFmt("#,##0.00####")})
	b.title = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	b.heading = b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}, Alignment: &excelize.Alignment{Vertical: "bottom"}})
	b.para = b.style(&excelize.Style{Alignment: top})
	b.label = b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top})
}

// sheet writes one sheet of records: the header row from schema.Columns
// (the single source of truth for column names), column formats and
// widths, drop-down lists, a frozen header and the example rows.
func (b *book) sheet(name string, kind pipeline.Kind, rows []example) {
	if b.err != nil {
		return
	}
	cols := schema.Columns(kind)
	index := map[string]int{}
	for i, c := range cols {
		index[c.Name] = i + 1
	}
	// Column styles first: SetColStyle restyles the cells already there
	// and resets the width.
	for i, c := range cols {
		letter, _ := excelize.ColumnNumberToName(i + 1)
		if f, ok := formats[kind][c.Name]; ok {
			b.check(b.f.SetColStyle(name, letter, b.formats[f]))
		}
		w, ok := widths[c.Name]
		if !ok {
			w = 14
		}
		b.check(b.f.SetColWidth(name, letter, letter, w))
	}
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		b.check(b.f.SetCellStr(name, cell, c.Name))
		st, req := b.optional, "Optional."
		if c.Required {
			st, req = b.required, "Required."
		}
		b.check(b.f.SetCellStyle(name, cell, cell, st))
		h := help[kind][c.Name]
		if h == "" {
			b.check(fmt.Errorf("no help text for the %s column %q", kind, c.Name))
			return
		}
		b.check(b.f.AddComment(name, excelize.Comment{
			Author: "coopreport", Cell: cell, Width: 320, Height: 110,
			Paragraph: []excelize.RichTextRun{
				{Text: req + " ", Font: &excelize.Font{Bold: true}},
				{Text: h},
			},
		}))
	}
	b.fitToWidth(name, "landscape")
	b.check(b.f.SetPanes(name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}))
	for _, c := range cols {
		if l, ok := lists[kind][c.Name]; ok {
			b.dropDown(name, index[c.Name], c.Name, l, "")
		}
		if _, ok := longLists[kind][c.Name]; ok {
			b.dropDown(name, index[c.Name], c.Name, nil, listCells()[c.Name])
		}
	}
	for r, ex := range rows {
		for col := range ex {
			if _, ok := index[col]; !ok {
				b.check(fmt.Errorf("the example %s row %d has a column %q that the schema does not know", kind, r+1, col))
				return
			}
		}
		// Cells go in column order: the shared strings are numbered in
		// the order they are written, so map order would vary the bytes.
		for i, c := range cols {
			col := c.Name
			v, ok := ex[col]
			if !ok {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			switch v := v.(type) {
			case string:
				b.check(b.f.SetCellStr(name, cell, v))
			case pipeline.Date:
				// A real date cell: the serial number, shown as a date.
				b.check(b.f.SetCellInt(name, cell, int64(v.ExcelSerial())))
			case int:
				b.check(b.f.SetCellInt(name, cell, int64(v)))
			case float64:
				b.check(b.f.SetCellFloat(name, cell, v, -1, 64))
			default:
				b.check(fmt.Errorf("the example %s row %d, column %q: cannot write a %T", kind, r+1, col, v))
			}
			if f, ok := formats[kind][col]; ok {
				b.check(b.f.SetCellStyle(name, cell, cell, b.formats[f]))
			}
		}
	}
}

// dropDown adds a drop-down list to rows 2 to lastRow of column col: the
// values, or the cells of another sheet that hold them (cells, such as
// "Instructions!$B$60:$B$63"). The pipeline also reads synonyms and
// Mongolian and Russian words ("гэрээ", "convention"), and some columns
// take several values, so a value not in the list raises a warning the
// user can accept, not a stop.
func (b *book) dropDown(sheet string, col int, name string, values []string, cells string) {
	if b.err != nil {
		return
	}
	letter, _ := excelize.ColumnNumberToName(col)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("%s2:%s%d", letter, letter, lastRow)
	if cells != "" {
		dv.SetSqrefDropList(cells)
	} else {
		b.check(dv.SetDropList(values))
	}
	msg := fmt.Sprintf("coopreport expects one of: %s. It also reads common synonyms and the Mongolian and Russian words; keep this value only if it is one of them.", strings.Join(values, ", "))
	switch {
	case name == "currency":
		msg = "Choose a currency from the list, or write another ISO 4217 code (three letters, e.g. AUD); coopreport reads any ISO code."
	case name == "partner_type":
		msg = fmt.Sprintf("coopreport expects one of: %s. It also reads other words for them (public, private, NGO); keep this value only if it is one of them.", strings.Join(values, ", "))
	case several[name]:
		msg = "Choose from the list; for several, write them separated by semicolons (2; 4). coopreport reads the numbers and names the Instructions sheet lists, and other words for them; keep this value only if it is made of them."
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Not in the "+name+" list", msg)
	b.check(b.f.AddDataValidation(sheet, dv))
}
