package xlsx

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"coopreport/pipeline"
	"coopreport/pipeline/period"
	"coopreport/pipeline/render/xlsxzip"

	"github.com/xuri/excelize/v2"
)

// Options will carry choices about the workbook; there are none yet.
type Options struct{}

// Sheet names, in the order the workbook shows them.
const (
	sheetSummary    = "Summary"
	sheetFinance    = "Finance"
	sheetAgreements = "Agreements"
	sheetActivities = "Activities"
	sheetIssues     = "Data issues"
	sheetChanges    = "Changes" // only when the run compared with a published report
	sheetAbout      = "About"
)

// maxRows is the most rows a worksheet holds in Excel. A variable so that
// tests can see the ledger continue on a second sheet without writing a
// million rows.
var maxRows = 1048576

// Write writes the finance workbook of r to w. It formats what r holds and
// computes nothing of its own but the cached values of its SUM formulas,
// which it checks against r's totals: a mismatch is an error, because the
// workbook would then disagree with the other outputs of the run.
func Write(w io.Writer, r *pipeline.Report, opt Options) error {
	return WriteContext(context.Background(), w, r, opt)
}

// WriteContext is Write, which stops with ctx's error when ctx is done,
// between sheets and while the workbook is compressed.
func WriteContext(ctx context.Context, w io.Writer, r *pipeline.Report, opt Options) error {
	b, err := newBook(r)
	if err != nil {
		return err
	}
	defer b.f.Close()
	steps := []func() error{
		b.summary, b.finance, b.agreements, b.activities, b.issues, b.changes, b.about,
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(0)
	made := r.Made.UTC().Format(time.RFC3339)
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Created:        made,
		Modified:       made,
		Creator:        "coopreport " + r.Version,
		LastModifiedBy: "coopreport " + r.Version,
		Title:          cutRunes(r.Title, 255),
		Subject:        b.wf("Finance workbook, %s", period.Words(r.Period, r.Lang)),
	}); err != nil {
		return fmt.Errorf("writing the workbook's properties: %w", err)
	}
	// The ZipWriter hook writes the sorted entries straight to w, so the
	// buffer excelize returns is empty and the file never sits in memory.
	b.f.ZipWriter = func(io.Writer) excelize.ZipWriter { return xlsxzip.New(ctx, w, b.dims, "") }
	if _, err := b.f.WriteToBuffer(); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// book is the workbook being written and what its sheets share.
type book struct {
	f      *excelize.File
	r      *pipeline.Report
	dims   map[string]string // streamed sheet XML path → used range
	sheets []string          // names, in order
	splits []string          // sentences about sheets continued on another
	cuts   []string          // sentences about extra columns left out
	st     styles
}

// The workbook's font, the default excelize writes for the Normal style.
// Every style names it: a font with no name falls back to the reader's
// own default, a serif in LibreOffice.
const (
	fontName = "Calibri"
	fontSize = 11
)

// font is f in the workbook's font, at its size unless f gives one.
func font(f excelize.Font) *excelize.Font {
	f.Family = fontName
	if f.Size == 0 {
		f.Size = fontSize
	}
	return &f
}

type styles struct {
	header, bold, section, text, short, date, count, rate, note, remark, wrap, title int
	money                                                                            map[string]int
}

func newBook(r *pipeline.Report) (*book, error) {
	b := &book{f: excelize.NewFile(), r: r, dims: map[string]string{}}
	var err error
	style := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = b.f.NewStyle(s)
		return id
	}
	numFmt := func(f string) *string { return &f }
	b.st = styles{
		header: style(&excelize.Style{
			Font:      font(excelize.Font{Bold: true}),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			NumFmt:    49,
		}),
		// Labels sit at the top, level with the first line of a wrapped
		// value beside them.
		bold:    style(&excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: &excelize.Alignment{Vertical: "top"}}),
		section: style(&excelize.Style{Font: font(excelize.Font{Bold: true, Size: 12})}),
		text:    style(&excelize.Style{NumFmt: 49}), // "@": ids and codes stay text when edited
		// Country and currency codes and dates are centred: set flush
		// against a right-aligned amount or date they would read as one
		// word (2012-07-08TR, 9,800.00 USDUSD).
		short:  style(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Horizontal: "center"}}),
		date:   style(&excelize.Style{CustomNumFmt: numFmt("yyyy-mm-dd"), Alignment: &excelize.Alignment{Horizontal: "center"}}),
		count:  style(&excelize.Style{NumFmt: 3}), // #,##0
		rate:   style(&excelize.Style{CustomNumFmt: numFmt("0.0########")}),
		note:   style(&excelize.Style{Font: font(excelize.Font{Italic: true, Color: "595959"}), Alignment: &excelize.Alignment{Indent: 1}}),
		remark: style(&excelize.Style{Alignment: &excelize.Alignment{Indent: 1}}), // a note beside an amount
		wrap:   style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		// A title wraps in its column rather than run over the empty cells
		// beside it, and off onto the next printed page.
		title: style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true}}),
		money: map[string]int{},
	}
	if err != nil {
		return nil, fmt.Errorf("preparing the workbook's styles: %w", err)
	}
	return b, nil
}

// moneyStyle returns the style of amount d in code, made on first use.
// The sheets are written in a fixed order, so style ids are the same each
// run.
func (b *book) moneyStyle(d pipeline.Decimal, code string) (int, error) {
	key := fmt.Sprintf("%s/%d", code, decimals(d, code))
	if id, ok := b.st.money[key]; ok {
		return id, nil
	}
	f := moneyFormat(code, decimals(d, code))
	id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &f})
	if err != nil {
		return 0, fmt.Errorf("preparing the number format of %s: %w", code, err)
	}
	b.st.money[key] = id
	return id, nil
}

// cell helpers: each returns the value SetRow takes.

func (b *book) str(s string) any {
	if s == "" {
		return nil
	}
	return text(s)
}

// title is an activity's title, wrapped in its column: the cells beside
// it (participants, amount) may be empty, and a title running over them
// would also run onto the next printed page. (An agreement's title is cut
// by its signing date, never empty; wrapping it would triple the pages.)
func (b *book) title(s string) any {
	if s == "" {
		return nil
	}
	return excelize.Cell{StyleID: b.st.title, Value: text(s)}
}

// short is a country or currency code: text, centred.
func (b *book) short(s string) any {
	if s == "" {
		return nil
	}
	return excelize.Cell{StyleID: b.st.short, Value: text(s)}
}

// code is an id or code: always a text cell, so "007" keeps its zeros.
func (b *book) code(s string) any {
	if s == "" {
		return nil
	}
	return excelize.Cell{StyleID: b.st.text, Value: text(s)}
}

func (b *book) date(d pipeline.Date) any {
	if d.IsZero() {
		return nil
	}
	return excelize.Cell{StyleID: b.st.date, Value: d.ExcelSerial()}
}

func (b *book) count(n int64) any { return excelize.Cell{StyleID: b.st.count, Value: n} }

func (b *book) money(d pipeline.Decimal, code string) (any, error) {
	id, err := b.moneyStyle(d, code)
	if err != nil {
		return nil, err
	}
	return excelize.Cell{StyleID: id, Value: d.Float64()}, nil
}

// rate shows a rate with the digits it was given: 32.30, as rates.csv and
// finance.csv write it, not 32.3.
func (b *book) rate(d pipeline.Decimal) any {
	key := fmt.Sprintf("rate/%d", d.Scale())
	id, ok := b.st.money[key]
	if !ok {
		f := "0"
		if d.Scale() > 0 {
			f += "." + strings.Repeat("0", d.Scale())
		}
		var err error
		if id, err = b.f.NewStyle(&excelize.Style{CustomNumFmt: &f}); err != nil {
			id = b.st.rate // the general rate format still shows the value
		}
		b.st.money[key] = id
	}
	return excelize.Cell{StyleID: id, Value: d.Float64()}
}

func (b *book) note(s string) any { return excelize.Cell{StyleID: b.st.note, Value: text(s)} }

// notes returns a long note as rows of short lines, so that it neither
// widens the printed page nor needs a wrapped cell.
func (b *book) notes(s string) [][]any {
	var rows [][]any
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > 100 {
			rows = append(rows, []any{b.note(line)})
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		rows = append(rows, []any{b.note(line)})
	}
	return rows
}

// section is the title of a block of totals below a register.
func (b *book) section(s string) []any {
	return []any{excelize.Cell{StyleID: b.st.section, Value: text(s)}}
}
