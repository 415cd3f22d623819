package schema

import (
	"fmt"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/normalize"
	"coopreport/pipeline/source"
)

// Reader reads the records of one table below its header, whatever its
// format: the rows FindHeader looked at come back from the buffer they
// were read into, the rest from the table itself, so that every table is
// read once.
type Reader[T any] struct {
	m      *Mapper[T]
	t      *source.Table
	ahead  []source.Row // rows read already, below the header
	header int          // the header's row number
}

// Record is one row of a table as a record.
type Record[T any] struct {
	Rec      *T
	Row      int              // the row number the spreadsheet shows
	Extra    []pipeline.Field // the cells of unknown columns (see Mapper.Map)
	Problems []source.CellProblem
}

// NewReader returns a Reader of the rows of t below h, where read are the
// rows already read from t (those FindHeader was given, header included).
func NewReader[T any](t *source.Table, h *Header, read []source.Row) (*Reader[T], error) {
	m, err := NewMapper[T](h)
	if err != nil {
		return nil, err
	}
	return &Reader[T]{m: m, t: t, ahead: read[h.Index+1:], header: read[h.Index].Number}, nil
}

// Next returns the next record, or io.EOF after the last.
func (r *Reader[T]) Next() (Record[T], error) {
	for {
		var row source.Row
		if len(r.ahead) > 0 {
			row, r.ahead = r.ahead[0], r.ahead[1:]
		} else {
			var err error
			if row, err = r.t.Next(); err != nil {
				return Record[T]{}, err
			}
		}
		if row.Number <= r.header || (r.m.Blank(row.Cells) && len(row.Problems) == 0) {
			continue
		}
		rec, extra := r.m.Map(row.Cells, row.Dates...)
		var problems []source.CellProblem
		if len(row.Problems) > 0 {
			problems = append(problems, row.Problems...)
		}
		for i, cell := range row.Cells {
			if i < len(r.m.field) && r.m.field[i] >= 0 && normalize.SpreadsheetError(cell) {
				problems = append(problems, source.CellProblem{Index: i, Value: cell, Err: fmt.Errorf(
					"%w: %s is the error a formula gave in the spreadsheet, not a value; correct the formula or type the value",
					pipeline.ErrFormulaError, strings.TrimSpace(cell))})
			}
		}
		return Record[T]{Rec: rec, Row: row.Number, Extra: extra, Problems: problems}, nil
	}
}
