package country

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"coopreport/pipeline"
)

const (
	// cacheSize bounds the memo of Resolve. A register names a few dozen
	// countries, so a small memo catches nearly every row; when it fills
	// (a file of junk cells), it is emptied rather than grown.
	cacheSize = 10000
	// Longer cells are not memoised: they are rare and would let one bad
	// file pin a lot of memory.
	maxCachedLen = 256
)

// Resolver turns country cells into countries. It knows the CLDR names of
// every ISO 3166-1 country in English, Mongolian and Russian, the ISO
// 3166-1 short and official names in English and Russian (iso.tsv), the UN
// long forms, common abbreviations (DPRK, ОХУ, БНХАУ...), older and
// colloquial names (Белоруссия, Солонгос), countries that no longer exist
// (history.tsv) and a few sub-national partners (Inner Mongolia), plus the
// aliases added to it. It also knows the names of world regions and groups
// of countries (Asia, the European Union), to reject them as such.
//
// A Resolver is safe for concurrent use by several goroutines once its
// aliases are added; AddAlias itself should be called during setup.
type Resolver struct {
	b *base

	mu        sync.RWMutex
	aliases   map[string]entry // key(name) → entry, from AddAlias
	cands     []candidate      // suggestion candidates from aliases
	overrides []Override
	cache     map[string]result
	gen       uint64 // bumped by AddAlias so a stale result is not cached
}

type result struct {
	c      pipeline.Country
	region string
	err    error
}

// New returns a Resolver loaded with the built-in names.
func New() *Resolver {
	return &Resolver{b: loadBase(), aliases: map[string]entry{}, cache: map[string]result{}}
}

// ByCode returns the country with ISO 3166-1 alpha-2 or alpha-3 code code,
// in any case.
func ByCode(code string) (pipeline.Country, bool) {
	if n := len(code); n != 2 && n != 3 {
		return pipeline.Country{}, false
	}
	b := loadBase()
	i, ok := b.byCode[strings.ToUpper(code)]
	if !ok {
		return pipeline.Country{}, false
	}
	return b.countries[i], true
}

// IsMultilateral reports whether a country cell says "multilateral" (in any
// case, or as Mongolian "олон талт" / "олон талын", or a Russian form of
// "многосторонний"), possibly followed by more words ("Multilateral
// (UNESCO)").
func IsMultilateral(s string) bool { return isMultilateralKey(key(s)) }

func isMultilateralKey(k string) bool {
	first, _, _ := strings.Cut(k, " ")
	if first == "multilateral" || strings.HasPrefix(first, "многосторонн") {
		return true
	}
	for _, form := range [...]string{"multi lateral", "олон талт", "олон талын"} {
		if k == form || strings.HasPrefix(k, form+" ") {
			return true
		}
	}
	return false
}

// Resolve returns the country a cell names and, for a sub-national partner,
// its region: "Inner Mongolia (autonomous region of China)" is China with
// region "Inner Mongolia".
//
// The cell may hold a name in English, Mongolian or Russian, official or
// short, an abbreviation, or an ISO 3166-1 alpha-2 or alpha-3 code. Case,
// accents, punctuation, extra spaces and a leading "the" do not matter, nor
// do the order of the words and the abbreviations other databases use
// (words.go): "Korea, Rep.", "Congo, Dem. Rep.", "Micronesia, Fed. Sts.",
// "Bahamas, The", "Lao PDR", "Hong Kong SAR, China" are all known.
//
// A region may also be written "X (region of Y)", "X (Y)" or "X, Y" where Y
// is a country; X is then kept as written. A country is never demoted to a
// region: "Hong Kong (SAR of China)", "Taiwan, China" and "China (Taiwan)"
// are Hong Kong and Taiwan, which have ISO codes of their own.
//
// A country that no longer exists counts under its continuing state (the
// USSR under Russia, the GDR under Germany, Yugoslavia under Serbia); one
// that was divided with none (Czechoslovakia) is an error that names the
// successors. So is a world region or group of countries ("Asia", "EU").
//
// "multilateral" gives the zero Country and no error. An empty cell is an
// error wrapping pipeline.ErrMissing; a name that matches nothing is an
// error wrapping pipeline.ErrUnknownCountry whose message suggests the
// closest names, or says the name is a region. Nothing is guessed.
func (r *Resolver) Resolve(s string) (c pipeline.Country, region string, err error) {
	r.mu.RLock()
	res, ok := r.cache[s]
	gen := r.gen
	if !ok {
		res = r.resolve(s)
	}
	r.mu.RUnlock()
	if !ok && len(s) <= maxCachedLen {
		r.mu.Lock()
		if r.gen == gen {
			if len(r.cache) >= cacheSize {
				clear(r.cache)
			}
			r.cache[s] = res
		}
		r.mu.Unlock()
	}
	return res.c, res.region, res.err
}

// resolve does the work of Resolve; the caller holds r.mu for reading.
func (r *Resolver) resolve(s string) result {
	t := strings.TrimSpace(s)
	if t == "" {
		return result{err: fmt.Errorf("%w: write a country name or ISO code, or multilateral", pipeline.ErrMissing)}
	}
	if res, ok := r.known(t); ok {
		return res
	}
	return result{err: r.unknown(t, key(t))}
}

// known is resolve without the search for suggestions, which only an
// error shown to a user needs: ok is false when t names nothing.
func (r *Resolver) known(t string) (result, bool) {
	k := key(t)
	if isMultilateralKey(k) {
		return result{}, true
	}
	// lookupBag also finds the words in another order or abbreviated:
	// "Korea, Rep.".
	if e, ok := r.lookupBag(k); ok {
		return r.result(t, e), true
	}
	return r.structured(t)
}

// result is what the cell t gives when it names e.
func (r *Resolver) result(t string, e entry) result {
	if e.idx < multilateralIdx {
		return result{err: r.b.notCountry(t, r.b.others[-2-e.idx])}
	}
	return result{c: r.b.country(e), region: e.region}
}

// find looks k up among the aliases and the built-in names.
func (r *Resolver) find(k string) (entry, bool) {
	if e, ok := r.aliases[k]; ok {
		return e, true
	}
	e, ok := r.b.index[k]
	return e, ok
}

// lookup is find, and then find again without the words Mongolian formal
// names wrap a short name in: "Бүгд Найрамдах Франц Улс" (the Republic of
// France) and "Япон Улс" (the State of Japan) are "Франц" and "Япон".
func (r *Resolver) lookup(k string) (entry, bool) {
	if e, ok := r.find(k); ok {
		return e, true
	}
	t := strings.TrimPrefix(strings.TrimSuffix(k, mnState), mnRepublic)
	if t != k && t != "" {
		return r.find(t)
	}
	return entry{}, false
}

// The words of Mongolian formal names, folded as key folds them (it drops
// the breve of "й").
var (
	mnState    = " " + key("Улс")
	mnRepublic = key("Бүгд Найрамдах") + " "
)

// countryIn finds the country a note names: "China", "autonomous region of
// China", "БНХАУ", "People's Rep. of China". Regions and "multilateral" do
// not count.
func (r *Resolver) countryIn(note string) (entry, bool) {
	k := key(note)
	if e, ok := r.lookupBag(k); ok && e.isCountry() && e.region == "" {
		return e, true
	}
	if i := strings.LastIndex(k, " of "); i >= 0 {
		y := strings.TrimPrefix(k[i+len(" of "):], "the ")
		if e, ok := r.lookupBag(y); ok && e.isCountry() && e.region == "" {
			return e, true
		}
	}
	return entry{}, false
}

// lookupBag is lookup, and then the bag of k.
func (r *Resolver) lookupBag(k string) (entry, bool) {
	if e, ok := r.lookup(k); ok {
		return e, true
	}
	g := bag(k)
	if g == "" {
		return entry{}, false
	}
	e, ok := r.b.bags[g]
	return e, ok
}

// structured reads the forms "X (note)" and "X, Y" that keepers use for
// sub-national partners. It reports false when t is neither, or when the
// parts name nothing it can vouch for; the caller then says "unknown".
func (r *Resolver) structured(t string) (result, bool) {
	var head, tail string
	paren := false
	if strings.HasSuffix(t, ")") {
		i := strings.LastIndexByte(t, '(')
		if i <= 0 {
			return result{}, false
		}
		head, tail, paren = t[:i], t[i+1:len(t)-1], true
	} else if i := strings.LastIndexByte(t, ','); i > 0 {
		head, tail = t[:i], t[i+1:]
	} else {
		return result{}, false
	}
	// "Russia, China, Japan" is a list, not a region of Japan.
	if strings.ContainsAny(head, ",;()") {
		return result{}, false
	}
	hk := key(head)
	if hk == "" || isMultilateralKey(hk) {
		return result{}, false
	}
	he, known := r.lookupBag(hk)
	ye, hasY := r.countryIn(tail)
	switch {
	case known && he.idx < multilateralIdx && hasY && slices.Contains(r.b.others[-2-he.idx].into, ye.idx):
		// "Czechoslovakia (Slovakia)": the successor the note names.
		return r.result(t, ye), true
	case known && !he.isCountry():
		return result{}, false
	case known && he.region != "":
		if hasY && ye.idx != he.idx {
			return result{err: fmt.Errorf("%w %q: %s is a region of %s, not %s; correct the cell or add an alias row",
				pipeline.ErrUnknownCountry, t, he.region, r.b.countries[he.idx].Name, r.b.countries[ye.idx].Name)}, true
		}
		return r.result(t, he), true
	case known && paren:
		if te, ok := r.lookup(key(tail)); ok && te.isCountry() {
			// "China (Inner Mongolia)" names a region of the country,
			// "China (Hong Kong)" a territory with a code of its own.
			if te.idx == he.idx && te.region != "" || te.region == "" && r.b.partOf[te.idx] == he.idx && r.b.isPart(te.idx) {
				return r.result(t, te), true
			}
		}
		// Otherwise the note is a comment: "Hong Kong (China)" and
		// "Greenland (Denmark)" are ISO countries of their own.
		return r.result(t, he), true
	case known:
		if !hasY {
			return result{}, false
		}
		switch {
		case ye.idx == he.idx:
			return r.result(t, he), true
		// "Taiwan, China" and "China, Taiwan" are Taiwan, as "Hong Kong,
		// China" is Hong Kong: the part with a code of its own, never a
		// region of its sovereign.
		case r.b.isPart(he.idx) && r.b.partOf[he.idx] == ye.idx:
			return r.result(t, he), true
		case r.b.isPart(ye.idx) && r.b.partOf[ye.idx] == he.idx:
			return r.result(t, ye), true
		}
		return result{err: fmt.Errorf("%w %q: it names two countries, %s and %s; write one country a row",
			pipeline.ErrUnknownCountry, t, r.b.countries[he.idx].Name, r.b.countries[ye.idx].Name)}, true
	case hasY:
		return result{c: r.b.countries[ye.idx], region: cleanRegion(head)}, true
	}
	return result{}, false
}

// cleanRegion is a region as written, tidied for reports: valid UTF-8,
// NFC, single spaces.
func cleanRegion(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// AddAlias teaches r one more spelling: name stands for country (an ISO
// 3166-1 code or a name Resolve already knows, "multilateral" included)
// and, if region is not empty, a region of it. When country is itself a
// region ("Inner Mongolia") and region is empty, the alias inherits it.
//
// An alias may redefine a built-in spelling: "Hong Kong" → CN, region
// "Hong Kong", counts Hong Kong under China. That changes the one spelling
// the row names (not "Hong Kong SAR" or "HK"), and Overrides reports it.
//
// It is an error, wrapping pipeline.ErrBadAlias, when the name or the
// country is empty, the country is unknown, or the name already means a
// different country or region through another alias, an ISO code or the
// word "multilateral" (a *ConflictError). Repeating what the name already
// means is not an error.
func (r *Resolver) AddAlias(name, country, region string) error {
	name = strings.TrimSpace(name)
	country = strings.TrimSpace(country)
	region = cleanRegion(region)
	k := key(name)
	switch {
	case k == "":
		return fmt.Errorf("%w: the alias name %q has no letters; write the spelling to teach", pipeline.ErrBadAlias, name)
	case country == "":
		return fmt.Errorf("%w: the alias %q gives no country; write an ISO code (e.g. LT) or a known country name", pipeline.ErrBadAlias, name)
	}

	var e entry
	if i, ok := r.b.byCode[strings.ToUpper(country)]; ok {
		e = entry{idx: i}
	} else {
		r.mu.RLock()
		res := r.resolve(country)
		r.mu.RUnlock()
		if res.err != nil {
			return fmt.Errorf("%w: the alias %q points at %q: %w", pipeline.ErrBadAlias, name, country, res.err)
		}
		e = r.entryOf(res)
	}
	if region != "" {
		if e.idx < 0 {
			return fmt.Errorf("%w: the alias %q is multilateral and cannot have a region (%q)", pipeline.ErrBadAlias, name, region)
		}
		e.region = region
	}

	same := func(old entry) bool {
		return old.idx == e.idx && (old.region == e.region || region == "")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.aliases[k]; ok {
		if same(old) {
			return nil
		}
		return &ConflictError{Name: name, Means: r.b.label(old), Wanted: r.b.label(e),
			fix: "an earlier alias row says so; keep one of the two rows"}
	}
	if old, ok := r.known(name); ok && old.err == nil {
		oe := r.entryOf(old)
		switch {
		case same(oe):
			return nil
		case oe.idx == multilateralIdx:
			return &ConflictError{Name: name, Means: r.b.label(oe), Wanted: r.b.label(e),
				fix: "the word is kept for partners that are no single country; remove the row"}
		case r.isCode(k):
			return &ConflictError{Name: name, Means: r.b.label(oe), Wanted: r.b.label(e),
				fix: "it is an ISO code, and a code always means its country; remove the row or give the spelling the files use"}
		}
		// The keepers' explicit wish: the row redefines a built-in spelling,
		// and the caller can tell them so.
		r.overrides = append(r.overrides, Override{Name: name, Builtin: r.b.label(oe), Alias: r.b.label(e)})
	}
	r.aliases[k] = e
	if len([]rune(k)) >= 4 {
		r.cands = append(r.cands, newCandidate(k, r.b.label(e)))
	}
	r.gen++
	clear(r.cache)
	return nil
}

// isCode reports whether the key k is an ISO 3166-1 alpha-2 or alpha-3
// code.
func (r *Resolver) isCode(k string) bool {
	if n := len(k); n != 2 && n != 3 {
		return false
	}
	_, ok := r.b.byCode[strings.ToUpper(k)]
	return ok
}

// Override is an alias row that gives a built-in spelling another
// meaning: "Hong Kong,CN,Hong Kong" counts Hong Kong under China.
type Override struct {
	Name    string // the alias's name, as written
	Builtin string // what the name meant without the alias: "Hong Kong"
	Alias   string // what it means now: "Hong Kong (China)"
}

// Overrides lists the aliases that redefined a built-in spelling, in the
// order they were added, so that the caller can warn about them.
func (r *Resolver) Overrides() []Override {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return slices.Clone(r.overrides)
}

// entryOf turns a successful result back into an entry.
func (r *Resolver) entryOf(res result) entry {
	if res.c.Multilateral() {
		return entry{idx: multilateralIdx}
	}
	return entry{idx: r.b.byCode[res.c.Code], region: res.region}
}

// ConflictError is an alias whose name already means another country in a
// way no alias can change: another alias row, an ISO code, "multilateral".
type ConflictError struct {
	Name   string // the alias's name
	Means  string // the country (and region) the name already means
	Wanted string // the one the alias gives
	fix    string // why it cannot change, and what to do
}

func (e *ConflictError) Error() string {
	msg := fmt.Sprintf("%v: %q already means %s; it cannot also mean %s", pipeline.ErrBadAlias, e.Name, e.Means, e.Wanted)
	if e.fix != "" {
		msg += ": " + e.fix
	}
	return msg
}

func (e *ConflictError) Unwrap() error { return pipeline.ErrBadAlias }
