package ingest

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"coopreport/pipeline"
	"coopreport/pipeline/schema"
	"coopreport/pipeline/source"
)

// recordFunc receives one record with its position and extra columns and
// reports whether it was accepted.
type recordFunc[T any] func(rec *T, pos pipeline.Pos, extra []pipeline.Field) bool

// each streams the records of t through fn, counting every row.
func each[T any](t *table, opt source.Options, fn recordFunc[T]) error {
	count := func(rec *T, row int, extra []pipeline.Field) {
		t.stats.Read++
		if fn(rec, pipeline.Pos{File: t.file.Name, Sheet: t.sheet, Row: row}, extra) {
			t.stats.Accepted++
		} else {
			t.stats.Rejected++
		}
	}
	if t.csv {
		return eachCSV(t, count)
	}
	return eachRow(t, opt, count)
}

// eachCSV maps a CSV file's rows onto records with gocsv, starting at the
// header row, which lies below any title rows.
func eachCSV[T any](t *table, count func(*T, int, []pipeline.Field)) error {
	text, closer, delim, err := source.CSVText(t.path, t.file.Name)
	if err != nil {
		return err
	}
	defer closer.Close()
	header := t.peek[t.header.Index]
	br := bufio.NewReaderSize(text, 64<<10)
	for line := 1; line < header.Line; line++ {
		if _, err := br.ReadString('\n'); err != nil {
			return &pipeline.FileError{File: t.file.Name, Err: fmt.Errorf("the file changed while it was read: %w", err)}
		}
	}
	r := source.NewCSVReader(br, delim)
	// The reader starts at the header: its line 1 is the header's
	// spreadsheet row.
	dec, err := schema.NewCSV[T](r, t.header, header.Number-1)
	if err != nil {
		return &pipeline.FileError{File: t.file.Name, Err: err}
	}
	records := 0
	for {
		rec, row, extra, err := dec.Next()
		if err == io.EOF {
			if want := t.rows - t.header.Index - 1; records != want {
				return &pipeline.FileError{File: t.file.Name, Err: fmt.Errorf("%d rows were mapped but the file has %d below its header; this is a bug in coopreport: please report it with the file", records, want)}
			}
			return nil
		}
		if err != nil {
			var fe *pipeline.FileError
			if errors.As(err, &fe) {
				return err
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &pipeline.FileError{File: t.file.Name, Err: fmt.Errorf("line %d: the CSV cannot be read: %v", pe.Line+header.Line-1, pe.Err)}
			}
			return &pipeline.FileError{File: t.file.Name, Err: err}
		}
		records++
		count(rec, row, extra)
	}
}

// eachRow maps a worksheet's rows onto records.
func eachRow[T any](t *table, opt source.Options, count func(*T, int, []pipeline.Field)) error {
	m, err := schema.NewMapper[T](t.header)
	if err != nil {
		return err
	}
	f, err := source.Open(t.path, t.file.Name, opt)
	if err != nil {
		return err
	}
	defer f.Close()
	var st *source.Table
	for _, x := range f.Tables() {
		if x.Sheet == t.sheet {
			st = x
		}
	}
	if st == nil {
		return &pipeline.FileError{File: t.file.Name, Sheet: t.sheet, Err: errors.New("the sheet disappeared while the file was read")}
	}
	headerRow := t.peek[t.header.Index].Number
	for {
		row, err := st.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if row.Number <= headerRow || schema.Blank(row.Cells) {
			continue
		}
		rec, extra := m.Map(row.Cells)
		count(rec, row.Number, extra)
	}
}
