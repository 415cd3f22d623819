package ingest

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"coopreport/pipeline"
)

// spool holds the accepted activities on disk, in a compact binary form,
// so that memory does not grow with the rows of the ledger: what stays in
// memory is one small entry per activity (its date, place in reading
// order and offset). The Ledger of a period reads them back in date order
// (see Activities).
type spool struct {
	f   *os.File
	w   *bufio.Writer
	off int64
	err error // sticky

	entries []spoolEntry
	dropped map[uint32]bool // by seq: rows rejected when their kind was judged

	// Interned values the records refer to by index.
	strs      []string // file and sheet names, extra column names
	strIndex  map[string]uint32
	countries []pipeline.Country // index 0 is multilateral
	ctyIndex  map[string]uint32

	buf []byte
}

// spoolEntry places one activity: its date (yyyymmdd), its place in
// reading order, and where its record starts.
type spoolEntry struct {
	date int32
	seq  uint32
	off  int64
}

func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, "coopreport-activities-*.bin")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the activities: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 256<<10), strIndex: map[string]uint32{},
		countries: []pipeline.Country{{}}, ctyIndex: map[string]uint32{"": 0}, dropped: map[uint32]bool{}}, nil
}

// close removes the spool's file.
func (s *spool) close() error {
	if s.f == nil {
		return nil
	}
	name := s.f.Name()
	err := s.f.Close()
	if rerr := os.Remove(name); err == nil {
		err = rerr
	}
	s.f = nil
	return err
}

func (s *spool) intern(v string) uint32 {
	i, ok := s.strIndex[v]
	if !ok {
		i = uint32(len(s.strs))
		s.strs = append(s.strs, v)
		s.strIndex[v] = i
	}
	return i
}

func (s *spool) country(c pipeline.Country) uint32 {
	i, ok := s.ctyIndex[c.Code]
	if !ok {
		i = uint32(len(s.countries))
		s.countries = append(s.countries, c)
		s.ctyIndex[c.Code] = i
	}
	return i
}

func packDate(d pipeline.Date) uint64 {
	if d.IsZero() {
		return 0
	}
	return uint64(d.Year*10000 + int(d.Month)*100 + d.Day)
}

func unpackDate(v uint64) pipeline.Date {
	if v == 0 {
		return pipeline.Date{}
	}
	return pipeline.Date{Year: int(v / 10000), Month: time.Month(v / 100 % 100), Day: int(v % 100)}
}

var activityTypes = []pipeline.ActivityType{"", pipeline.TypeTraining, pipeline.TypeFestival, pipeline.TypeExhibition,
	pipeline.TypeExchange, pipeline.TypeMeeting, pipeline.TypeStudy, pipeline.TypeTreaty, pipeline.TypeOther}

// add writes a to the spool; seq is its place in reading order.
func (s *spool) add(a *pipeline.Activity, seq int) {
	if s.err != nil {
		return
	}
	b := s.buf[:0]
	b = binary.AppendUvarint(b, uint64(s.intern(a.Pos.File)))
	b = binary.AppendUvarint(b, uint64(s.intern(a.Pos.Sheet)))
	b = binary.AppendUvarint(b, uint64(a.Pos.Row))
	b = appendString(b, a.ID)
	b = binary.AppendUvarint(b, packDate(a.Date))
	b = binary.AppendUvarint(b, packDate(a.End))
	b = binary.AppendUvarint(b, uint64(s.country(a.Country)))
	b = appendString(b, a.Region)
	b = appendString(b, a.Agreement)
	b = appendString(b, a.Measure)
	b = append(b, byte(max(0, slices.Index(activityTypes, a.Type))))
	b = appendString(b, a.Title)
	b = binary.AppendVarint(b, a.Participants)
	if a.Amount == nil {
		b = append(b, 0)
	} else {
		b = append(b, 1+byte(a.Amount.Amount.Scale()))
		b = binary.AppendVarint(b, a.Amount.Amount.Coef())
		b = appendString(b, a.Amount.Currency)
	}
	b = appendString(b, a.Funding)
	b = appendString(b, a.Agency)
	b = appendString(b, a.Notes)
	b = binary.AppendUvarint(b, uint64(len(a.Extra)))
	for _, f := range a.Extra {
		b = binary.AppendUvarint(b, uint64(s.intern(f.Name)))
		b = appendString(b, f.Value)
		b = binary.AppendUvarint(b, packDate(f.Date))
	}
	// The record's length first, so that a reader takes it whole.
	var head [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(head[:], uint64(len(b)))
	s.entries = append(s.entries, spoolEntry{date: int32(packDate(a.Date)), seq: uint32(seq), off: s.off})
	if _, err := s.w.Write(head[:n]); err != nil {
		s.err = err
	}
	if _, err := s.w.Write(b); err != nil {
		s.err = err
	}
	s.off += int64(n + len(b))
	s.buf = b
}

func appendString(b []byte, v string) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

// decoder reads records back.
type decoder struct {
	s   *spool
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errCorrupt
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errCorrupt
		return ""
	}
	v := string(d.b[:n])
	d.b = d.b[n:]
	return v
}

func (d *decoder) str(i uint64) string {
	if i >= uint64(len(d.s.strs)) {
		d.err = errCorrupt
		return ""
	}
	return d.s.strs[i]
}

var errCorrupt = errors.New("the temporary file of the activities is damaged")

// decode reads one record into a.
func (s *spool) decode(rec []byte, a *pipeline.Activity) error {
	d := decoder{s: s, b: rec}
	*a = pipeline.Activity{}
	a.Pos.File = d.str(d.uvarint())
	a.Pos.Sheet = d.str(d.uvarint())
	a.Pos.Row = int(d.uvarint())
	a.ID = d.string()
	a.Date = unpackDate(d.uvarint())
	a.End = unpackDate(d.uvarint())
	if c := d.uvarint(); c < uint64(len(s.countries)) {
		a.Country = s.countries[c]
	} else {
		d.err = errCorrupt
	}
	a.Region = d.string()
	a.Agreement = d.string()
	a.Measure = d.string()
	if t := int(d.byte()); t < len(activityTypes) {
		a.Type = activityTypes[t]
	}
	a.Title = d.string()
	a.Participants = d.varint()
	if m := d.byte(); m > 0 {
		coef := d.varint()
		a.Amount = &pipeline.Money{Amount: pipeline.NewDecimal(coef, int(m-1)), Currency: d.string()}
	}
	a.Funding = d.string()
	a.Agency = d.string()
	a.Notes = d.string()
	if n := d.uvarint(); n > 0 && n <= uint64(len(d.b)) {
		a.Extra = make([]pipeline.Field, n)
		for i := range a.Extra {
			a.Extra[i] = pipeline.Field{Name: d.str(d.uvarint()), Value: d.string(), Date: unpackDate(d.uvarint())}
		}
	}
	return d.err
}

// finishWrites flushes what was written so far, so that it can be read.
func (s *spool) finishWrites() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// finish flushes what was written: after it the spool is read only.
func (s *spool) finish() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// Activities is the ledger of the activities kept (those keep accepts,
// all when keep is nil), in date order, rows of one day in reading order.
func (s *spool) ledger(keep func(*pipeline.Activity) bool) (*Ledger, error) {
	if err := s.finish(); err != nil {
		return nil, fmt.Errorf("writing the temporary file of the activities: %w", err)
	}
	l := &Ledger{s: s}
	for _, e := range s.entries {
		if !s.dropped[e.seq] {
			l.order = append(l.order, e)
		}
	}
	if keep != nil {
		// One pass in file order to apply the filter: cheap, sequential.
		kept := l.order[:0]
		err := s.scan(l.order, func(e spoolEntry, a *pipeline.Activity) error {
			if keep(a) {
				kept = append(kept, e)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		l.order = kept
	}
	slices.SortFunc(l.order, func(a, b spoolEntry) int {
		if a.date != b.date {
			return int(a.date - b.date)
		}
		return int(a.seq) - int(b.seq)
	})
	return l, nil
}

// scan reads the records of entries (in any order) and calls fn with each.
func (s *spool) scan(entries []spoolEntry, fn func(spoolEntry, *pipeline.Activity) error) error {
	r := &recordReader{s: s}
	var a pipeline.Activity
	for _, e := range entries {
		rec, err := r.at(e.off)
		if err != nil {
			return err
		}
		if err := s.decode(rec, &a); err != nil {
			return err
		}
		if err := fn(e, &a); err != nil {
			return err
		}
	}
	return nil
}

// recordReader reads records at offsets of the spool's file through a
// window, so that records read in file order cost no system call each.
type recordReader struct {
	s     *spool
	win   []byte
	start int64 // file offset of win[0]
}

const window = 1 << 20

func (r *recordReader) at(off int64) ([]byte, error) {
	for attempt := 0; attempt < 2; attempt++ {
		if off >= r.start && off < r.start+int64(len(r.win)) {
			b := r.win[off-r.start:]
			n, k := binary.Uvarint(b)
			if k > 0 && uint64(len(b)-k) >= n {
				return b[k : k+int(n)], nil
			}
			if k > 0 && n > window/2 {
				// A record longer than half the window: read it alone.
				rec := make([]byte, n)
				_, err := r.s.f.ReadAt(rec, off+int64(k))
				return rec, err
			}
		}
		if err := r.fill(off); err != nil {
			return nil, err
		}
	}
	return nil, errCorrupt
}

func (r *recordReader) fill(off int64) error {
	if cap(r.win) < window {
		r.win = make([]byte, window)
	}
	n, err := r.s.f.ReadAt(r.win[:window], off)
	if err != nil && err != io.EOF {
		return fmt.Errorf("reading the temporary file of the activities: %w", err)
	}
	r.win, r.start = r.win[:n], off
	return nil
}

// Ledger is the activities of a period, read from the spool in date
// order; it implements pipeline.Ledger.
type Ledger struct {
	s     *spool
	order []spoolEntry
}

func (l *Ledger) Len() int { return len(l.order) }

func (l *Ledger) Each(fn func(a *pipeline.Activity) error) error {
	return l.s.scan(l.order, func(_ spoolEntry, a *pipeline.Activity) error { return fn(a) })
}

// Close removes the activities from disk: the Dataset's other ledgers go
// with them.
func (l *Ledger) Close() error { return l.s.close() }
