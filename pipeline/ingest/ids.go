package ingest

import (
	"fmt"
	"hash"
	"hash/fnv"
	"io"
	"slices"
	"strings"

	"coopreport/pipeline"
)

// Rows that share an id (or, for rates, a currency, base and period) are
// judged together once every table of their kind has been read, so that
// the order of rows never changes what is accepted:
//
//   - one row passes its own checks: it keeps the id; the others sharing
//     it are rejected for their own problems and told the id is taken;
//   - several pass, all with the same values: one copy counts (the first
//     in file, sheet and row order), the others are rejected as repeats;
//   - several pass with different values: all of them are rejected, since
//     nothing says which is right.
//
// A million ids are held in memory, so an id that one row gives, as most
// are, costs one small entry; what sharing needs lives apart.

// keyed collects the rows of one kind by their key.
type keyed struct {
	kind  pipeline.Kind
	label string // what the key is, in messages: "the id", "the rate of"
	rows  map[string]keyRows
}

// keyRows are the rows that give one key: the first read, and the others
// when there are any.
type keyRows struct {
	first keyRow
	rest  *keyRest
}

type keyRest struct {
	more []keyRow // the rows after the first

	// Set by resolve: whether one row was accepted, which (or the first
	// row with the key when none was), and why none was.
	accepted bool
	at       pipeline.Pos
	why      string
}

// keyRow is one row that gives a key.
type keyRow struct {
	tab   *keyTable
	row   int32
	seq   int32 // the row's place in reading order
	valid bool  // it passed its own checks
}

// keyTable is what the rows of one table share.
type keyTable struct {
	file, sheet string
	column      string // the key's column, as the table heads it
	stats       *pipeline.InputTable
}

func (r keyRow) pos() pipeline.Pos {
	return pipeline.Pos{File: r.tab.file, Sheet: r.tab.sheet, Row: int(r.row)}
}

func newKeyed(kind pipeline.Kind, label string) *keyed {
	return &keyed{kind: kind, label: label, rows: map[string]keyRows{}}
}

// add records a row that gives key.
func (k *keyed) add(key string, r keyRow) {
	e, ok := k.rows[key]
	switch {
	case !ok:
		e.first = r
	case e.rest == nil:
		e.rest = &keyRest{more: []keyRow{r}}
	default:
		e.rest.more = append(e.rest.more, r)
	}
	k.rows[key] = e
}

// lookup says whether a row with key was accepted, and if not, where and
// why, for references from other kinds.
func (k *keyed) lookup(key string) (found, accepted bool, at pipeline.Pos, why string) {
	e, ok := k.rows[key]
	switch {
	case !ok:
		return false, false, pipeline.Pos{}, ""
	case e.rest != nil:
		return true, e.rest.accepted, e.rest.at, e.rest.why
	case e.first.valid:
		return true, true, e.first.pos(), ""
	}
	return true, false, e.first.pos(), "was rejected itself"
}

// resolve judges every key that several rows give. It returns the rows
// that passed their own checks but are rejected now, and the problems to
// add to rows. hashes gives the hash of the values of rows, to tell
// repeats from conflicts; it is asked once, about the rows of keys that
// several valid rows share.
func (k *keyed) resolve(describe func(key string) string, hashes func([]keyRow) ([]uint64, error)) (dropped []keyRow, errs []pipeline.RowError, err error) {
	var shared []string
	for key, e := range k.rows {
		if e.rest != nil {
			shared = append(shared, key)
		}
	}
	slices.Sort(shared) // the rejects are sorted later; this keeps the work the same
	var ask []keyRow
	lists := make([][2][]keyRow, len(shared)) // valid, invalid
	for i, key := range shared {
		e := k.rows[key]
		for _, r := range append([]keyRow{e.first}, e.rest.more...) {
			if r.valid {
				lists[i][0] = append(lists[i][0], r)
			} else {
				lists[i][1] = append(lists[i][1], r)
			}
		}
		if len(lists[i][0]) > 1 {
			ask = append(ask, lists[i][0]...)
		}
	}
	hash := map[int32]uint64{}
	if len(ask) > 0 {
		hs, err := hashes(ask)
		if err != nil {
			return nil, nil, err
		}
		for i, r := range ask {
			hash[r.seq] = hs[i]
		}
	}
	byPos := func(a, b keyRow) int { return posCompare(a.pos(), b.pos()) }
	for i, key := range shared {
		rest := k.rows[key].rest
		valid, invalid := lists[i][0], lists[i][1]
		slices.SortFunc(valid, byPos)
		slices.SortFunc(invalid, byPos)
		switch {
		case len(valid) == 0:
			rest.at, rest.why = invalid[0].pos(), "was rejected itself"
			continue
		case len(valid) == 1:
			rest.accepted, rest.at = true, valid[0].pos()
		case sameHash(valid, hash):
			rest.accepted, rest.at = true, valid[0].pos()
			for _, r := range valid[1:] {
				dropped = append(dropped, r)
				errs = append(errs, pipeline.RowError{Pos: r.pos(), Column: r.tab.column, Value: key,
					Err: fmt.Errorf("%w: this row repeats %s with the same values, and is counted once; delete it", pipeline.ErrDuplicateID, rest.at)})
			}
		default:
			rest.at, rest.why = valid[0].pos(), fmt.Sprintf("is given by %d rows with different values", len(valid))
			for _, r := range valid {
				dropped = append(dropped, r)
				errs = append(errs, pipeline.RowError{Pos: r.pos(), Column: r.tab.column, Value: key,
					Err: fmt.Errorf("%w: %s %s is also given by %s, with other values; nothing says which is right, so none is counted: %s",
						pipeline.ErrDuplicateID, k.label, describe(key), others(valid, r), k.fix())})
			}
		}
		for _, r := range invalid {
			errs = append(errs, pipeline.RowError{Pos: r.pos(), Column: r.tab.column, Value: key,
				Err: fmt.Errorf("%w: %s %s is also given by %s; %s", pipeline.ErrDuplicateID, k.label, describe(key), others(valid, r), k.fix())})
		}
	}
	return dropped, errs, nil
}

func (k *keyed) fix() string {
	if k.kind == pipeline.KindRates {
		return "keep one rate for each currency and period"
	}
	return "give each row an id of its own"
}

func sameHash(rows []keyRow, hash map[int32]uint64) bool {
	for _, r := range rows[1:] {
		if hash[r.seq] != hash[rows[0].seq] {
			return false
		}
	}
	return true
}

// others names the rows of list other than r.
func others(list []keyRow, r keyRow) string {
	var names []string
	for _, o := range list {
		if o != r {
			names = append(names, o.pos().String())
		}
	}
	if len(names) > 3 {
		names = append(names[:3], fmt.Sprintf("%d more", len(names)-3))
	}
	return strings.Join(names, "; ")
}

func posCompare(a, b pipeline.Pos) int {
	if c := strings.Compare(a.File, b.File); c != 0 {
		return c
	}
	if c := strings.Compare(a.Sheet, b.Sheet); c != 0 {
		return c
	}
	return a.Row - b.Row
}

// hasher hashes a row's values, each ended by a NUL so that ("ab", "c")
// and ("a", "bc") differ.
type hasher struct{ h hash.Hash64 }

func newHasher() hasher { return hasher{fnv.New64a()} }

func (h hasher) strs(ss ...string) hasher {
	for _, s := range ss {
		io.WriteString(h.h, s)
		h.h.Write([]byte{0})
	}
	return h
}

func (h hasher) fields(fs []pipeline.Field) hasher {
	for _, f := range fs {
		h.strs(f.Name, f.Value)
	}
	return h
}

func (h hasher) sum() uint64 { return h.h.Sum64() }
