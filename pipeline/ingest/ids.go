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

// Rows that share an id (or, for rates, a currency and period) are judged
// together once every table of their kind has been read, so that the
// order of rows never changes what is accepted:
//
//   - one row passes its own checks: it keeps the id; the others sharing
//     it are rejected for their own problems and told the id is taken;
//   - several pass, all with the same values: one copy counts (the first
//     in file, sheet and row order), the others are rejected as repeats;
//   - several pass with different values: all of them are rejected, since
//     nothing says which is right.

// keyed collects the rows of one kind by their key.
type keyed struct {
	kind  pipeline.Kind
	label string // what the key is, in messages: "id", "rate"
	rows  map[string]*keyRows
}

type keyRows struct {
	valid   []keyRow
	invalid []keyRow // rows that failed their own checks

	// Set by resolve: whether one row was accepted, and which (or the
	// first row with the key, when none was).
	accepted bool
	at       pipeline.Pos
	why      string // why none was accepted, for references
}

type keyRow struct {
	pos    pipeline.Pos
	column string // the key's column, as the row's table heads it
	stats  *pipeline.InputTable
	hash   uint64 // of the row's values, to tell repeats from conflicts
	seq    int    // the row's place in reading order
}

func newKeyed(kind pipeline.Kind, label string) *keyed {
	return &keyed{kind: kind, label: label, rows: map[string]*keyRows{}}
}

func (k *keyed) entry(key string) *keyRows {
	e := k.rows[key]
	if e == nil {
		e = &keyRows{}
		k.rows[key] = e
	}
	return e
}

// add records a row: one that passed its own checks, or not (valid).
func (k *keyed) add(key string, r keyRow, valid bool) {
	e := k.entry(key)
	if valid {
		e.valid = append(e.valid, r)
	} else {
		e.invalid = append(e.invalid, r)
	}
}

// resolve judges every key shared by several rows. It returns the rows
// that passed their own checks but are rejected now, with their reasons,
// and the problems to add to rows already rejected.
func (k *keyed) resolve(describe func(key string) string) (dropped []keyRow, errs []pipeline.RowError) {
	keys := make([]string, 0, len(k.rows))
	for key := range k.rows {
		keys = append(keys, key)
	}
	slices.Sort(keys) // the rejects are sorted later; this keeps the work the same
	for _, key := range keys {
		e := k.rows[key]
		byPos := func(a, b keyRow) int { return posCompare(a.pos, b.pos) }
		slices.SortFunc(e.valid, byPos)
		slices.SortFunc(e.invalid, byPos)
		switch {
		case len(e.valid) == 0:
			e.at, e.why = e.invalid[0].pos, "was rejected itself"
			continue
		case len(e.valid) == 1:
			e.accepted, e.at = true, e.valid[0].pos
		case sameValues(e.valid):
			e.accepted, e.at = true, e.valid[0].pos
			for _, r := range e.valid[1:] {
				dropped = append(dropped, r)
				errs = append(errs, pipeline.RowError{Pos: r.pos, Column: r.column, Value: key,
					Err: fmt.Errorf("%w: this row repeats %s with the same values, and is counted once; delete it", pipeline.ErrDuplicateID, e.at.String())})
			}
		default:
			e.at, e.why = e.valid[0].pos, fmt.Sprintf("is given by %d rows with different values", len(e.valid))
			for _, r := range e.valid {
				dropped = append(dropped, r)
				errs = append(errs, pipeline.RowError{Pos: r.pos, Column: r.column, Value: key,
					Err: fmt.Errorf("%w: %s %s is also given by %s, with other values; nothing says which is right, so none is counted: %s",
						pipeline.ErrDuplicateID, k.label, describe(key), others(e.valid, r.pos), k.fix())})
			}
		}
		for _, r := range e.invalid {
			errs = append(errs, pipeline.RowError{Pos: r.pos, Column: r.column, Value: key,
				Err: fmt.Errorf("%w: %s %s is also given by %s; %s", pipeline.ErrDuplicateID, k.label, describe(key), others(e.valid, r.pos), k.fix())})
		}
	}
	return dropped, errs
}

func (k *keyed) fix() string {
	if k.kind == pipeline.KindRates {
		return "keep one rate for each currency and period"
	}
	return "give each row an id of its own"
}

// sameValues reports whether every row holds the same values.
func sameValues(rows []keyRow) bool {
	for _, r := range rows[1:] {
		if r.hash != rows[0].hash {
			return false
		}
	}
	return true
}

// others names the rows of list other than pos.
func others(list []keyRow, pos pipeline.Pos) string {
	var names []string
	for _, r := range list {
		if r.pos != pos {
			names = append(names, r.pos.String())
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
