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
// memory is one small entry per activity and one run being gathered.
//
// The records are written as sorted runs: they are gathered in memory up
// to runSize bytes, sorted by date (rows of one day in reading order) and
// written out, so that a Ledger reads them back in date order by merging
// the runs, each read sequentially: an external merge sort whose merge is
// the reading itself. A register already in date order is one run after
// another, and the merge takes them in turn.
type spool struct {
	f    spoolFile
	path string // f's name, removed by close; "" when f is no file
	w    *bufio.Writer
	off  int64 // bytes written to f
	err  error // sticky

	entries []spoolEntry    // by the order records were added (idx)
	dropped map[uint32]bool // by seq: rows rejected when their kind was judged
	runs    []spoolRun      // written
	chunk   []byte          // the run being gathered: records with their heads
	runSize int             // the bytes a run gathers before it is written
	pending []pendingRecord // its records, in the order added

	// Interned values the records refer to by index.
	strs      []string // file and sheet names, extra column names
	strIndex  map[string]uint32
	countries []pipeline.Country // index 0 is multilateral
	ctyIndex  map[string]uint32

	buf []byte
}

// spoolEntry is one activity: its date (yyyymmdd), its place in reading
// order, and where its record starts in the file once its run is written
// (-1 before).
type spoolEntry struct {
	date int32
	seq  uint32
	off  int64
}

// spoolRun is a run of records in the file, sorted by date and seq.
type spoolRun struct{ off, size int64 }

// pendingRecord is a record of the run being gathered: its entry, and its
// bytes in the chunk.
type pendingRecord struct {
	idx        uint32
	start, end int32
}

// runSize is how many bytes of records a run gathers in memory before it
// is sorted and written: about 60,000 activities.
const runSize = 8 << 20

// headSize is the fixed head of a record in the file: date, seq and idx,
// each a little-endian 32-bit number; the body's length follows as a
// uvarint, then the body.
const headSize = 12

// spoolFile is what a spool writes its records to and reads them from: a
// temporary file, or memory (FuzzRead, which writes no file per input).
type spoolFile interface {
	io.Writer
	io.ReaderAt
	io.Closer
}

func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, "coopreport-activities-*.bin")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the activities: %w", err)
	}
	return newSpoolIn(f, f.Name()), nil
}

// newSpoolIn is a spool keeping its records in f, whose name, if it is a
// file, is path ("" otherwise).
func newSpoolIn(f spoolFile, path string) *spool {
	return &spool{f: f, path: path, w: bufio.NewWriterSize(f, 256<<10), runSize: runSize, strIndex: map[string]uint32{},
		countries: []pipeline.Country{{}}, ctyIndex: map[string]uint32{"": 0}, dropped: map[uint32]bool{}}
}

// close closes the spool's store and removes its file, if it is one.
func (s *spool) close() error {
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	if s.path != "" {
		if rerr := os.Remove(s.path); err == nil {
			err = rerr
		}
	}
	s.f = nil
	s.chunk, s.pending = nil, nil
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
	idx := uint32(len(s.entries))
	s.entries = append(s.entries, spoolEntry{date: int32(packDate(a.Date)), seq: uint32(seq), off: -1})
	start := len(s.chunk)
	s.chunk = binary.LittleEndian.AppendUint32(s.chunk, uint32(packDate(a.Date)))
	s.chunk = binary.LittleEndian.AppendUint32(s.chunk, uint32(seq))
	s.chunk = binary.LittleEndian.AppendUint32(s.chunk, idx)
	s.chunk = binary.AppendUvarint(s.chunk, uint64(len(b)))
	s.chunk = append(s.chunk, b...)
	s.pending = append(s.pending, pendingRecord{idx: idx, start: int32(start), end: int32(len(s.chunk))})
	s.buf = b
	if len(s.chunk) >= s.runSize {
		s.writeRun()
	}
}

// writeRun sorts the run gathered and writes it.
func (s *spool) writeRun() {
	if len(s.pending) == 0 || s.err != nil {
		return
	}
	slices.SortFunc(s.pending, func(x, y pendingRecord) int {
		a, b := &s.entries[x.idx], &s.entries[y.idx]
		if a.date != b.date {
			return int(a.date - b.date)
		}
		return int(a.seq) - int(b.seq)
	})
	run := spoolRun{off: s.off}
	for _, p := range s.pending {
		s.entries[p.idx].off = s.off
		n, err := s.w.Write(s.chunk[p.start:p.end])
		s.off += int64(n)
		if err != nil {
			s.err = err
			return
		}
	}
	run.size = s.off - run.off
	s.runs = append(s.runs, run)
	s.chunk, s.pending = s.chunk[:0], s.pending[:0]
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

// finishWrites writes what was gathered, so that it can be read; more
// may be added after.
func (s *spool) finishWrites() error {
	s.writeRun()
	if s.err == nil {
		s.err = s.w.Flush()
	}
	if s.err != nil {
		return fmt.Errorf("writing the temporary file of the activities: %w", s.err)
	}
	return nil
}

// ledger is the ledger of the activities kept, those whose date within
// accepts (all when within is nil), in date order, rows of one day in
// reading order.
func (s *spool) ledger(within func(pipeline.Date) bool) (*Ledger, error) {
	if err := s.finishWrites(); err != nil {
		return nil, err
	}
	l := &Ledger{s: s, keep: make([]uint64, (len(s.entries)+63)/64)}
	for i, e := range s.entries {
		if !s.dropped[e.seq] && (within == nil || within(unpackDate(uint64(e.date)))) {
			l.keep[i/64] |= 1 << (i % 64)
			l.n++
		}
	}
	return l, nil
}

// scan reads the records of entries, in the order given, and calls fn with
// each: for a few rows read here and there (rows sharing an id).
func (s *spool) scan(entries []spoolEntry, fn func(spoolEntry, *pipeline.Activity) error) error {
	var a pipeline.Activity
	var buf []byte
	for _, e := range entries {
		if e.off < 0 {
			return errCorrupt
		}
		body, err := s.readAt(e.off, &buf)
		if err != nil {
			return err
		}
		if err := s.decode(body, &a); err != nil {
			return err
		}
		if err := fn(e, &a); err != nil {
			return err
		}
	}
	return nil
}

// readAt reads the body of the record at off into *buf.
func (s *spool) readAt(off int64, buf *[]byte) ([]byte, error) {
	const guess = 512 // most records are shorter
	b := slices.Grow((*buf)[:0], guess)[:guess]
	n, err := s.f.ReadAt(b, off)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("reading the temporary file of the activities: %w", err)
	}
	b = b[:n]
	if n < headSize {
		return nil, errCorrupt
	}
	size, k := binary.Uvarint(b[headSize:])
	if k <= 0 {
		return nil, errCorrupt
	}
	body := headSize + k
	if total := body + int(size); total > len(b) {
		b = slices.Grow(b, total-len(b))[:total]
		if _, err := s.f.ReadAt(b[n:], off+int64(n)); err != nil {
			return nil, fmt.Errorf("reading the temporary file of the activities: %w", err)
		}
	}
	*buf = b
	return b[body : body+int(size)], nil
}

// runReader reads one run's records in order.
type runReader struct {
	r    *bufio.Reader
	date int32
	seq  uint32
	idx  uint32
	body []byte
}

// next reads the next record; false at the run's end.
func (rr *runReader) next() (bool, error) {
	var head [headSize]byte
	if _, err := io.ReadFull(rr.r, head[:]); err == io.EOF {
		return false, nil
	} else if err != nil {
		return false, errCorrupt
	}
	rr.date = int32(binary.LittleEndian.Uint32(head[0:]))
	rr.seq = binary.LittleEndian.Uint32(head[4:])
	rr.idx = binary.LittleEndian.Uint32(head[8:])
	size, err := binary.ReadUvarint(rr.r)
	if err != nil || size > 1<<30 {
		return false, errCorrupt
	}
	rr.body = slices.Grow(rr.body[:0], int(size))[:size]
	if _, err := io.ReadFull(rr.r, rr.body); err != nil {
		return false, errCorrupt
	}
	return true, nil
}

func (rr *runReader) less(o *runReader) bool {
	if rr.date != o.date {
		return rr.date < o.date
	}
	return rr.seq < o.seq
}

// Ledger is the activities of a period, read from the spool in date
// order; it implements pipeline.Ledger.
type Ledger struct {
	s    *spool
	keep []uint64 // bit idx: the entry is in the ledger
	n    int
}

func (l *Ledger) Len() int { return l.n }

// Each merges the spool's runs: a small heap of one reader a run, each
// reading its run sequentially through its own buffer.
func (l *Ledger) Each(fn func(a *pipeline.Activity) error) error {
	s := l.s
	if s.f == nil {
		return errors.New("the activities were read from a closed dataset")
	}
	var heap []*runReader
	for _, run := range s.runs {
		rr := &runReader{r: bufio.NewReaderSize(io.NewSectionReader(s.f, run.off, run.size), 64<<10)}
		ok, err := rr.next()
		if err != nil {
			return err
		}
		if ok {
			heap = append(heap, rr)
		}
	}
	for i := len(heap)/2 - 1; i >= 0; i-- {
		down(heap, i)
	}
	var a pipeline.Activity
	for len(heap) > 0 {
		rr := heap[0]
		if i := rr.idx; int(i) < len(s.entries) && l.keep[i/64]&(1<<(i%64)) != 0 {
			if err := s.decode(rr.body, &a); err != nil {
				return err
			}
			if err := fn(&a); err != nil {
				return err
			}
		}
		ok, err := rr.next()
		if err != nil {
			return err
		}
		if !ok {
			last := len(heap) - 1
			heap[0] = heap[last]
			heap = heap[:last]
		}
		down(heap, 0)
	}
	return nil
}

// down restores the heap order below i.
func down(h []*runReader, i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1].less(h[c]) {
			c++
		}
		if !h[c].less(h[i]) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// Close removes the activities from disk: the Dataset's other ledgers go
// with them.
func (l *Ledger) Close() error { return l.s.close() }
