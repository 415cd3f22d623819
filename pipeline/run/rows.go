package run

import (
	"bufio"
	"container/heap"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"coopreport/pipeline"
	"coopreport/pipeline/ingest"
)

// RowsName is the list of the register rows a report was made from, each
// with the sum of its values: what the next run of the period compares
// its own rows with (see changes.go).
const RowsName = "rows.csv"

// rowsHeader is rows.csv's header. Its rows are sorted by kind, id and
// file, as Go compares strings (byte by byte), so that two lists are
// compared in one pass over each, a row by its kind and id whatever file
// holds it (a register put back as its checked copy, activities.csv as
// activities.csv.xlsx, moves no row).
var rowsHeader = []string{"file", "kind", "id", "sha256"}

// rowSum is one line of rows.csv.
type rowSum struct{ file, kind, id, sum string }

func (r rowSum) record() []string { return []string{r.file, r.kind, r.id, r.sum} }

func compareKey(a, b rowSum) int {
	if c := compareRow(a, b); c != 0 {
		return c
	}
	return strings.Compare(a.file, b.file)
}

// compareRow orders rows by kind and id: the identity of a row, which the
// checks keep unique within a kind.
func compareRow(a, b rowSum) int {
	if c := strings.Compare(a.kind, b.kind); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

// writeRows writes rows.csv for r into dir: the accepted agreements,
// measures and rates (the whole registers, as the report holds them) and
// the activities of the period. The activities are read from the ledger
// once; at most rowsInMemory row sums are held at a time, the rest wait
// in sorted runs in spool.
func writeRows(dir, spool string, r *pipeline.Report) (Output, error) {
	s := &rowSorter{dir: spool}
	defer s.close()
	for i := range r.Agreements {
		a := &r.Agreements[i]
		s.add(rowSum{a.Pos.File, string(pipeline.KindAgreements), a.ID, ingest.AgreementSum(a)})
	}
	for i := range r.Measures {
		m := &r.Measures[i]
		if m.Pos.File == "" {
			continue // a measure the report made from the records, not a row
		}
		s.add(rowSum{m.Pos.File, string(pipeline.KindMeasures), m.ID, ingest.MeasureSum(m)})
	}
	for i := range r.RateList {
		x := &r.RateList[i]
		s.add(rowSum{x.Pos.File, string(pipeline.KindRates), ingest.RateID(x), ingest.RateSum(x)})
	}
	if r.Ledger != nil {
		err := r.Ledger.Each(func(a *pipeline.Activity) error {
			s.add(rowSum{a.Pos.File, string(pipeline.KindActivities), a.ID, ingest.ActivitySum(a)})
			return s.err
		})
		if err != nil {
			return Output{}, err
		}
	}
	if s.err != nil {
		return Output{}, s.err
	}
	return writeFile(dir, RowsName, s.writeTo)
}

// rowsInMemory is how many row sums a rowSorter holds before it writes
// them out as a sorted run: some 20 MB.
var rowsInMemory = 100_000

// rowSorter sorts row sums of any number in bounded memory: a run of
// rowsInMemory at a time is sorted and written to a file, and the runs
// are merged at the end.
type rowSorter struct {
	dir  string
	buf  []rowSum
	runs []string
	err  error
}

func (s *rowSorter) add(r rowSum) {
	if s.err != nil {
		return
	}
	s.buf = append(s.buf, r)
	if len(s.buf) >= rowsInMemory {
		s.err = s.spill()
	}
}

// spill writes the rows held as a sorted run.
func (s *rowSorter) spill() error {
	slices.SortFunc(s.buf, compareKey)
	f, err := os.CreateTemp(s.dir, "rows-*.csv")
	if err != nil {
		return err
	}
	s.runs = append(s.runs, f.Name())
	w := bufio.NewWriterSize(f, 256<<10)
	cw := csv.NewWriter(w)
	for _, r := range s.buf {
		cw.Write(r.record())
	}
	cw.Flush()
	err = cw.Error()
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	s.buf = s.buf[:0]
	return err
}

// writeTo writes rows.csv: the header, then every row in order.
func (s *rowSorter) writeTo(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(rowsHeader)
	if len(s.runs) == 0 {
		slices.SortFunc(s.buf, compareKey)
		for _, r := range s.buf {
			cw.Write(r.record())
		}
		cw.Flush()
		return cw.Error()
	}
	if len(s.buf) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	h := make(runHeap, 0, len(s.runs))
	for _, name := range s.runs {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		rr := &runReader{r: newRowsReader(bufio.NewReaderSize(f, 64<<10))}
		if ok, err := rr.next(); err != nil {
			return err
		} else if ok {
			h = append(h, rr)
		}
	}
	heap.Init(&h)
	for len(h) > 0 {
		cw.Write(h[0].cur.record())
		ok, err := h[0].next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	cw.Flush()
	return cw.Error()
}

func (s *rowSorter) close() {
	for _, name := range s.runs {
		os.Remove(name)
	}
	s.runs = nil
}

type runReader struct {
	r   *rowsReader
	cur rowSum
}

func (rr *runReader) next() (bool, error) {
	r, err := rr.r.read()
	if err == io.EOF {
		return false, nil
	}
	rr.cur = r
	return err == nil, err
}

type runHeap []*runReader

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return compareKey(h[i].cur, h[j].cur) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// rowsReader reads the lines of rows.csv (or of a sorted run), checking
// that they come in order.
type rowsReader struct {
	r    *csv.Reader
	prev rowSum
	n    int
}

// errRowsOrder: a rows.csv whose lines are out of order cannot be
// compared in one pass; it was not written by this version.
var errRowsOrder = errors.New("its rows are not in kind, id and file order")

func newRowsReader(r io.Reader) *rowsReader {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked by read, after the header
	cr.ReuseRecord = true
	return &rowsReader{r: cr}
}

// readHeader reads and checks rows.csv's header.
func (rr *rowsReader) readHeader() error {
	rec, err := rr.r.Read()
	if err != nil {
		return err
	}
	if !slices.Equal(rec, rowsHeader) { // ReuseRecord: rec is compared, not kept
		return fmt.Errorf("its header is %q, not %q", strings.Join(rec, ","), strings.Join(rowsHeader, ","))
	}
	return nil
}

func (rr *rowsReader) read() (rowSum, error) {
	rec, err := rr.r.Read()
	if err != nil {
		return rowSum{}, err
	}
	if len(rec) != len(rowsHeader) {
		line, _ := rr.r.FieldPos(0)
		return rowSum{}, fmt.Errorf("line %d has %d fields, not %d", line, len(rec), len(rowsHeader))
	}
	r := rowSum{rec[0], rec[1], rec[2], rec[3]}
	if rr.n > 0 && compareKey(rr.prev, r) > 0 {
		return rowSum{}, errRowsOrder
	}
	rr.n++
	rr.prev = r
	return r, nil
}

// diffRows compares two rows.csv files, old and new, in one pass over
// each, and calls emit with each row added, removed or changed, in kind
// and id order: a row is matched by its kind and id, whatever file holds
// it. Rows of the files same says are the same bytes in
// both runs are passed over: an unchanged file changed no row.
func diffRows(old, new io.Reader, same func(file string) bool, emit func(pipeline.RowChange) error) error {
	o, n := newRowsReader(old), newRowsReader(new)
	if err := o.readHeader(); err != nil {
		return fmt.Errorf("the published %s: %w", RowsName, err)
	}
	if err := n.readHeader(); err != nil {
		return err
	}
	next := func(rr *rowsReader, what string) (rowSum, bool, error) {
		r, err := rr.read()
		if err == io.EOF {
			return rowSum{}, false, nil
		}
		if err != nil {
			return rowSum{}, false, fmt.Errorf("%s %s: %w", what, RowsName, err)
		}
		return r, true, nil
	}
	or, oOK, err := next(o, "the published")
	if err != nil {
		return err
	}
	nr, nOK, err := next(n, "the new")
	if err != nil {
		return err
	}
	change := func(r rowSum, what string) error {
		if same(r.file) {
			return nil
		}
		return emit(pipeline.RowChange{File: r.file, Kind: pipeline.Kind(r.kind), ID: r.id, Change: what})
	}
	for oOK || nOK {
		c := 0
		switch {
		case !nOK:
			c = -1
		case !oOK:
			c = 1
		default:
			c = compareRow(or, nr)
		}
		switch {
		case c < 0:
			err = change(or, "removed")
		case c > 0:
			err = change(nr, "added")
		case or.sum != nr.sum:
			err = change(nr, "changed")
		}
		if err != nil {
			return err
		}
		if c <= 0 {
			if or, oOK, err = next(o, "the published"); err != nil {
				return err
			}
		}
		if c >= 0 {
			if nr, nOK, err = next(n, "the new"); err != nil {
				return err
			}
		}
	}
	return nil
}

// openRows opens dir's rows.csv.
func openRows(dir string) (*os.File, error) { return os.Open(filepath.Join(dir, RowsName)) }
