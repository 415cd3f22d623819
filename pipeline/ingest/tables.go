package ingest

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"

	"coopreport/pipeline"
	"coopreport/pipeline/schema"
	"coopreport/pipeline/source"
)

// recordFunc checks one record, with its position, extra columns, place
// in reading order and the problems of cells the source could not read
// (a formula without a result), and says what became of it.
type recordFunc[T any] func(rec *T, pos pipeline.Pos, extra []pipeline.Field, seq int, cells []source.CellProblem) outcome

// each streams the records of t through fn, counting every row. Rows
// whose dates wait for their columns' order are checked again once the
// table has been read and the orders are settled (see dates.go).
func each[T any](t *table, fn recordFunc[T]) error {
	type held struct {
		rec   *T
		pos   pipeline.Pos
		extra []pipeline.Field
		seq   int
		cells []source.CellProblem
	}
	var wait []held
	count := func(rec *T, row int, extra []pipeline.Field, cells []source.CellProblem) {
		t.stats.Read++
		pos := pipeline.Pos{File: t.file.Name, Sheet: t.sheet, Row: row}
		seq := t.c.next
		t.c.next++
		switch fn(rec, pos, extra, seq, cells) {
		case accepted:
			t.stats.Accepted++
		case rejected:
			t.stats.Rejected++
		case waiting:
			wait = append(wait, held{rec, pos, extra, seq, cells})
		}
	}
	var err error
	if t.csv {
		err = eachCSV(t, count)
	} else {
		err = eachRow(t, t.c.opt.Source, count)
	}
	if err != nil {
		return err
	}
	t.dates.settle(t.c.d, where(t), t.c.opt.DateOrder, t.c.opt.DateOrderSet)
	for _, h := range wait {
		if fn(h.rec, h.pos, h.extra, h.seq, h.cells) == accepted {
			t.stats.Accepted++
		} else {
			t.stats.Rejected++
		}
	}
	t.warnByWords(t.c.d)
	return nil
}

// eachCSV maps a CSV file's rows onto records with gocsv, starting at the
// header row, which lies below any title rows.
func eachCSV[T any](t *table, count func(*T, int, []pipeline.Field, []source.CellProblem)) error {
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
		count(rec, row, extra, nil)
	}
}

// eachRow maps a worksheet's rows onto records.
func eachRow[T any](t *table, opt source.Options, count func(*T, int, []pipeline.Field, []source.CellProblem)) error {
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
		if row.Number <= headerRow || (schema.Blank(row.Cells) && len(row.Problems) == 0) {
			continue
		}
		rec, extra := m.Map(row.Cells, row.Dates...)
		count(rec, row.Number, extra, slices.Clone(row.Problems))
	}
}
