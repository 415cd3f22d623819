package ingest

import (
	"fmt"
	"io"

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
	t.dates.header = pipeline.Pos{File: t.file.Name, Sheet: t.sheet, Row: t.stats.HeaderRow}
	if err := eachRecord(t, count); err != nil {
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
	for _, col := range t.notAvailable.cols {
		t.c.d.warn("%s, column %q: %d %q (not available) read as no date; leave the cell empty if there is no date",
			where(t), col, t.notAvailable.count[col], t.notAvailable.first[col])
	}
	return nil
}

// eachRecord reads the rows of t below its header as records of kind T,
// from where classify stopped reading: each table is read once.
//
// Reading (parsing the file, mapping cells to fields) and checking take
// turns on two cores: a goroutine reads batches of records ahead while
// count checks the ones before, in order.
func eachRecord[T any](t *table, count func(*T, int, []pipeline.Field, []source.CellProblem)) error {
	rd, err := schema.NewReader[T](t.src, t.header, t.peek)
	if err != nil {
		return err
	}
	const batchSize = 256
	batches := make(chan []schema.Record[T], 8)
	stop := make(chan struct{}) // closed when checking stops early
	var readErr error           // set before batches is closed
	go func() {
		defer close(batches)
		defer func() {
			if p := recover(); p != nil {
				readErr = fmt.Errorf("%s: reading the table failed (%v); please report this with the file", where(t), p)
			}
		}()
		batch := make([]schema.Record[T], 0, batchSize)
		for {
			rec, err := rd.Next()
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				break
			}
			if batch = append(batch, rec); len(batch) == batchSize {
				select {
				case batches <- batch:
				case <-stop:
					return
				}
				batch = make([]schema.Record[T], 0, batchSize)
			}
		}
		if len(batch) > 0 {
			select {
			case batches <- batch:
			case <-stop:
			}
		}
	}()
	for batch := range batches {
		if err := t.c.ctx.Err(); err != nil {
			close(stop)
			for range batches { // let the reader end
			}
			return err
		}
		for _, rec := range batch {
			count(rec.Rec, rec.Row, rec.Extra, rec.Problems)
		}
	}
	return readErr
}
