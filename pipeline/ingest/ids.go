package ingest

import (
	"cmp"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/fnv"
	"hash/maphash"
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
// are, costs one small entry; what sharing needs lives apart. Ids that
// other rows refer to (agreements, measures) are kept in a map, for the
// references; activity ids, which nothing refers to, are kept as 64-bit
// hashes, sorted once the ledger is read, and only the rows whose hashes
// meet have their ids read back to be compared.

// keyed collects the rows of one kind by their key.
type keyed struct {
	kind  pipeline.Kind
	label string // what the key is, in messages: "the id", "the rate of"

	rows map[string]keyRows // by key, when other kinds look keys up

	// When nothing looks keys up: the rows with their keys' hashes, the
	// keys of rows that failed their own checks (by seq), and how to read
	// back the keys of rows that passed.
	hashed []hashedRow
	texts  map[int32]string
	keysOf func([]keyRow) ([]string, error)
	hash   func(string) uint64
}

// keySeed seeds the hashes of keys: any seed will do, since rows whose
// hashes meet have their keys compared.
var keySeed = maphash.MakeSeed()

type hashedRow struct {
	h uint64
	keyRow
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

// newHashedKeys returns a keyed whose keys cannot be looked up, which
// holds only their hashes; keysOf reads back the keys of rows that passed
// their own checks.
func newHashedKeys(kind pipeline.Kind, label string, keysOf func([]keyRow) ([]string, error)) *keyed {
	return &keyed{kind: kind, label: label, texts: map[int32]string{}, keysOf: keysOf,
		hash: func(key string) uint64 { return maphash.String(keySeed, key) }}
}

// add records a row that gives key.
func (k *keyed) add(key string, r keyRow) {
	if k.rows == nil {
		k.hashed = append(k.hashed, hashedRow{h: k.hash(key), keyRow: r})
		if !r.valid {
			k.texts[r.seq] = strings.Clone(key)
		}
		return
	}
	e, ok := k.rows[key]
	switch {
	case !ok:
		// A copy: the key is a part of the row's text, which the map
		// would otherwise keep whole.
		key = strings.Clone(key)
		e.first = r
	case e.rest == nil:
		e.rest = &keyRest{more: []keyRow{r}}
	default:
		e.rest.more = append(e.rest.more, r)
	}
	k.rows[key] = e
}

// lookup says whether a row with key was accepted, and if not, where and
// why, for references from other kinds. A keyed made by newHashedKeys
// finds nothing.
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
	shared, err := k.shared()
	if err != nil {
		return nil, nil, err
	}
	var ask []keyRow
	lists := make([][2][]keyRow, len(shared)) // valid, invalid
	for i, sk := range shared {
		for _, r := range sk.rows {
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
	for i, sk := range shared {
		key, rest := sk.key, sk.rest
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

// sharedKey is a key several rows give, with the rows, and where resolve
// notes its judgement.
type sharedKey struct {
	key  string
	rows []keyRow
	rest *keyRest
}

// shared returns the keys that several rows give, sorted (the rejects
// are sorted later; this keeps the work the same from run to run).
func (k *keyed) shared() ([]sharedKey, error) {
	var out []sharedKey
	if k.rows != nil {
		for key, e := range k.rows {
			if e.rest != nil {
				out = append(out, sharedKey{key: key, rows: append([]keyRow{e.first}, e.rest.more...), rest: e.rest})
			}
		}
		slices.SortFunc(out, func(a, b sharedKey) int { return strings.Compare(a.key, b.key) })
		return out, nil
	}
	slices.SortFunc(k.hashed, func(a, b hashedRow) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	// The rows whose hashes meet: read their keys back, and group them by
	// key (two keys may share a hash).
	var meet, passed []keyRow
	for i := 0; i < len(k.hashed); {
		j := i + 1
		for j < len(k.hashed) && k.hashed[j].h == k.hashed[i].h {
			j++
		}
		if j-i > 1 {
			for _, hr := range k.hashed[i:j] {
				meet = append(meet, hr.keyRow)
				if hr.valid {
					passed = append(passed, hr.keyRow)
				}
			}
		}
		i = j
	}
	k.hashed = nil
	if len(meet) == 0 {
		return nil, nil
	}
	keys, err := k.keysOf(passed)
	if err != nil {
		return nil, err
	}
	bySeq := make(map[int32]string, len(passed))
	for i, r := range passed {
		bySeq[r.seq] = keys[i]
	}
	groups := map[string][]keyRow{}
	for _, r := range meet {
		key, ok := bySeq[r.seq]
		if !r.valid {
			key, ok = k.texts[r.seq]
		}
		if !ok {
			return nil, fmt.Errorf("the id of %s was not kept", r.pos())
		}
		groups[key] = append(groups[key], r)
	}
	for key, rows := range groups {
		if len(rows) > 1 {
			out = append(out, sharedKey{key: key, rows: rows, rest: new(keyRest)})
		}
	}
	slices.SortFunc(out, func(a, b sharedKey) int { return strings.Compare(a.key, b.key) })
	return out, nil
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
// and ("a", "bc") differ: with FNV-64 to tell repeats from conflicts
// within a run, with SHA-256 for the row sums that later runs compare.
type hasher struct{ h hash.Hash }

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

func (h hasher) sum() uint64 { return h.h.(hash.Hash64).Sum64() }

func (h hasher) hex() string { return hex.EncodeToString(h.h.Sum(nil)) }
