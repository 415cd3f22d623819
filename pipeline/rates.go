package pipeline

import (
	"sort"

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

// Rates converts amounts into the reporting currency. The most specific
// span that covers a date wins: a month's rate over a quarter's, a
// quarter's over a year's. Without a covering rate an amount is not
// converted: never by guess.
type Rates struct {
	reporting  string
	byCurrency map[string][]Rate // finest span first
}

// NewRates indexes rates for conversion into the reporting currency
// (which may be "": then nothing converts).
func NewRates(reporting string, rates []Rate) *Rates {
	rs := &Rates{reporting: reporting, byCurrency: make(map[string][]Rate)}
	for _, r := range rates {
		rs.byCurrency[r.Currency] = append(rs.byCurrency[r.Currency], r)
	}
	for _, list := range rs.byCurrency {
		sort.SliceStable(list, func(i, j int) bool {
			return list[i].Span.To.Days()-list[i].Span.From.Days() < list[j].Span.To.Days()-list[j].Span.From.Days()
		})
	}
	return rs
}

// Reporting returns the reporting currency, or "".
func (rs *Rates) Reporting() string { return rs.reporting }

// Lookup returns the rate of currency on date d.
func (rs *Rates) Lookup(cur string, d Date) (Decimal, bool) {
	if rs.reporting == "" {
		return Decimal{}, false
	}
	if cur == rs.reporting {
		return NewDecimal(1, 0), true
	}
	for _, r := range rs.byCurrency[cur] {
		if !d.Before(r.Span.From) && !d.After(r.Span.To) {
			return r.Rate, true
		}
	}
	return Decimal{}, false
}

// Convert returns m in the reporting currency on date d, rounded to the
// reporting currency's minor unit (halves away from zero), and the rate
// used. ok is false when no rate covers d.
func (rs *Rates) Convert(m Money, d Date) (converted, rate Decimal, ok bool, err error) {
	rate, ok = rs.Lookup(m.Currency, d)
	if !ok {
		return Decimal{}, Decimal{}, false, nil
	}
	c, err := m.Amount.MulRound(rate, MinorUnits(rs.reporting))
	if err != nil {
		return Decimal{}, Decimal{}, false, err
	}
	return c, rate, true, nil
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
