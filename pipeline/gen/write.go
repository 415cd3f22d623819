package gen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func writeCSV(path string, t *table) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(f, 256<<10)
	if t.bom {
		bw.WriteString("\ufeff")
	}
	cw := csv.NewWriter(bw)
	if t.delim != 0 {
		cw.Comma = t.delim
	}
	if t.title != "" {
		cw.Write([]string{t.title})
	}
	cw.Write(t.header)
	rec := make([]string, len(t.header))
	for row := range t.rows {
		for i, v := range row {
			rec[i] = v.text
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeXLSX writes tables as the sheets of one workbook, streamed.
func writeXLSX(path string, tables ...*table) (err error) {
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(t.name)
		if err != nil {
			return err
		}
		n := 1
		put := func(cells []any) error {
			cell, _ := excelize.CoordinatesToCellName(1, n)
			n++
			return sw.SetRow(cell, cells)
		}
		if t.title != "" {
			if err := put([]any{t.title}); err != nil {
				return err
			}
		}
		hs := make([]any, len(t.header))
		for i, h := range t.header {
			hs[i] = h
		}
		if err := put(hs); err != nil {
			return err
		}
		cells := make([]any, len(t.header))
		for row := range t.rows {
			for i, v := range row {
				switch {
				case !v.date.IsZero():
					cells[i] = excelize.Cell{StyleID: dateStyle, Value: v.date.ExcelSerial()}
				case v.isNum:
					cells[i] = v.num
				case v.text == "":
					cells[i] = nil
				default:
					cells[i] = v.text
				}
			}
			if err := put(cells); err != nil {
				return fmt.Errorf("%s, sheet %s, row %d: %w", path, t.name, n, err)
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.SaveAs(path)
}
