package pipeline

import (
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/currency"
)

// MinorUnits returns the number of digits after the decimal point that
// ISO 4217 gives a currency: 2 for MNT and USD, 0 for JPY, 3 for KWD.
// Unknown codes get 2.
func MinorUnits(code string) int {
	if n, ok := isoMinorUnits[code]; ok {
		return n
	}
	u, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale
}

// Plain formats an amount in currency code for machines: a point as the
// decimal mark, no grouping, and the currency's minor units (1250000 MNT
// is "1250000.00", 12.340 USD is "12.34"); an amount with nonzero digits
// beyond them keeps them all ("12.345"), never rounded to a number that
// differs from what was summed.
func Plain(d Decimal, code string) string {
	n := MinorUnits(code)
	if d.Round(n).Cmp(d) == 0 {
		return d.StringFixed(n)
	}
	return d.String()
}

// isoMinorUnits lists the currencies whose ISO 4217 minor unit differs
// from the digits CLDR (golang.org/x/text/currency) gives: CLDR follows
// what is used in practice (0 for MNT), the ISO list what accounts use.
var isoMinorUnits = map[string]int{
	"AFN": 2, "ALL": 2, "AMD": 2, "COP": 2, "GYD": 2, "IDR": 2, "IQD": 3,
	"IRR": 2, "KPW": 2, "LAK": 2, "LBP": 2, "MGA": 2, "MMK": 2, "MNT": 2,
	"MRO": 2, "MRU": 2, "MUR": 2, "PKR": 2, "RSD": 2, "SLE": 2, "SLL": 2,
	"SOS": 2, "SYP": 2, "TZS": 2, "UZS": 2, "YER": 2,
}

// Rates converts amounts into the reporting currency with the rates of
// each amount's own date. A rate says what one unit of a currency is
// worth in its base currency; an amount converts
//
//   - directly, with a rate of its currency in the reporting currency
//     (95,000 CNY at 278.10 MNT, reporting in MNT);
//   - inversely, with a rate of the reporting currency in the amount's
//     (12,500,000 MNT at 1,970.31 MNT a dollar, reporting in USD);
//   - or through one base currency that has rates of both (95,000 CNY at
//     278.10 MNT ÷ 1,970.31 MNT a dollar, reporting in USD),
//
// in that order of preference, exactly, and is rounded once, to the
// reporting currency's minor unit (halves away from zero). The most
// specific span that covers a date wins: a month's rate over a quarter's,
// a quarter's over a year's. An amount no rate chain covers is not
// converted: never by guess.
type Rates struct {
	reporting string
	pairs     map[[2]string][]Rate // (currency, base) → finest span first
	bases     []string             // every base currency, in order
}

// NewRates indexes rates for conversion into the reporting currency
// (which may be "": then nothing converts).
func NewRates(reporting string, rates []Rate) *Rates {
	rs := &Rates{reporting: reporting, pairs: make(map[[2]string][]Rate)}
	for _, r := range rates {
		k := [2]string{r.Currency, r.Base}
		if rs.pairs[k] == nil && !slices.Contains(rs.bases, r.Base) {
			rs.bases = append(rs.bases, r.Base)
		}
		rs.pairs[k] = append(rs.pairs[k], r)
	}
	slices.Sort(rs.bases)
	for _, list := range rs.pairs {
		sort.SliceStable(list, func(i, j int) bool {
			return list[i].Span.To.Days()-list[i].Span.From.Days() < list[j].Span.To.Days()-list[j].Span.From.Days()
		})
	}
	return rs
}

// Reporting returns the reporting currency, or "".
func (rs *Rates) Reporting() string { return rs.reporting }

// lookup returns the rate of cur in base on date d.
func (rs *Rates) lookup(cur, base string, d Date) (*Rate, bool) {
	list := rs.pairs[[2]string{cur, base}]
	for i := range list {
		if !d.Before(list[i].Span.From) && !d.After(list[i].Span.To) {
			return &list[i], true
		}
	}
	return nil, false
}

// chain is how one currency converts on one day: × mul ÷ div.
type chain struct {
	mul, div *Rate // nil: 1
	via      string
}

var one = NewDecimal(1, 0)

func (c chain) factors() (mul, div Decimal) {
	mul, div = one, one
	if c.mul != nil {
		mul = c.mul.Rate
	}
	if c.div != nil {
		div = c.div.Rate
	}
	return mul, div
}

// find returns the conversion of cur into the reporting currency on d.
func (rs *Rates) find(cur string, d Date) (chain, bool) {
	rep := rs.reporting
	switch {
	case rep == "":
		return chain{}, false
	case cur == rep:
		return chain{}, true
	}
	if r, ok := rs.lookup(cur, rep, d); ok {
		return chain{mul: r}, true
	}
	if r, ok := rs.lookup(rep, cur, d); ok {
		return chain{div: r}, true
	}
	for _, b := range rs.bases {
		r1, ok1 := rs.lookup(cur, b, d)
		r2, ok2 := rs.lookup(rep, b, d)
		if ok1 && ok2 {
			return chain{mul: r1, div: r2, via: b}, true
		}
	}
	return chain{}, false
}

// Lookup returns the rate of currency on date d in the reporting
// currency: exact for a direct rate, else the quotient of the rates used
// to MaxScale decimals (the conversion itself is exact, see Convert).
func (rs *Rates) Lookup(cur string, d Date) (Decimal, bool) {
	c, ok := rs.find(cur, d)
	if !ok {
		return Decimal{}, false
	}
	mul, div := c.factors()
	if c.div == nil {
		return mul, true
	}
	q, err := one.MulDivRound(mul, div, MaxScale)
	if err != nil {
		return Decimal{}, false
	}
	return q.trim(), true
}

// Path says in words how cur converts on d when it is not by one direct
// rate: "1 USD = 1970.31 MNT" for an inverse rate, "via MNT: 1 CNY =
// 278.10 MNT, 1 USD = 1970.31 MNT" through a base. It is "" otherwise.
func (rs *Rates) Path(cur string, d Date) string {
	via, steps := rs.Steps(cur, d)
	if len(steps) == 0 {
		return ""
	}
	say := make([]string, len(steps))
	for i, r := range steps {
		say[i] = "1 " + r.Currency + " = " + r.Rate.String() + " " + r.Base
	}
	s := strings.Join(say, ", ")
	if len(steps) > 1 {
		s = "via " + via + ": " + s
	}
	return s
}

// Steps are the rates Path names, for a writer that says them in its own
// words: one rate given the other way round (via is ""), or the two rates
// through the base currency via. Both are empty when cur converts on d by
// one direct rate, or not at all.
func (rs *Rates) Steps(cur string, d Date) (via string, steps []Rate) {
	c, ok := rs.find(cur, d)
	if !ok || c.div == nil {
		return "", nil
	}
	if c.mul == nil {
		return "", []Rate{*c.div}
	}
	return c.via, []Rate{*c.mul, *c.div}
}

// Convert returns m in the reporting currency on date d, rounded once to
// the reporting currency's minor unit (halves away from zero), and the
// rate used (see Lookup). ok is false when no rate chain covers d.
func (rs *Rates) Convert(m Money, d Date) (converted, rate Decimal, ok bool, err error) {
	c, ok := rs.find(m.Currency, d)
	if !ok {
		return Decimal{}, Decimal{}, false, nil
	}
	mul, div := c.factors()
	if c.div == nil {
		converted, err = m.Amount.MulRound(mul, MinorUnits(rs.reporting))
	} else {
		converted, err = m.Amount.MulDivRound(mul, div, MinorUnits(rs.reporting))
	}
	if err != nil {
		return Decimal{}, Decimal{}, false, err
	}
	rate, _ = rs.Lookup(m.Currency, d)
	return converted, rate, true, nil
}

// Convert returns the amount of activity a in the reporting currency, and
// the rate used; ok is false when a has no amount or no rate covers it.
func (r *Report) Convert(a *Activity) (converted, rate Decimal, ok bool) {
	if a.Amount == nil || r.Rates == nil {
		return Decimal{}, Decimal{}, false
	}
	c, rate, ok, err := r.Rates.Convert(*a.Amount, a.Date)
	if err != nil {
		return Decimal{}, Decimal{}, false
	}
	return c, rate, ok
}
