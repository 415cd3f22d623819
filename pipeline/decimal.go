package pipeline

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// MaxScale is the most digits after the decimal point a Decimal holds.
const MaxScale = 9

// ErrOverflow reports an amount or a sum too large to hold exactly.
var ErrOverflow = errors.New("number too large to hold exactly")

// Decimal is an exact decimal number: coef × 10^-scale. Money is never a
// binary float here; sums of Decimals are exact to the last digit given,
// and an operation that cannot be exact returns ErrOverflow instead.
// The zero value is 0.
type Decimal struct {
	coef  int64
	scale int8
}

var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// NewDecimal returns coef × 10^-scale; scale must be in [0, MaxScale].
func NewDecimal(coef int64, scale int) Decimal {
	if scale < 0 || scale > MaxScale {
		panic("pipeline: decimal scale out of range")
	}
	return Decimal{coef, int8(scale)}
}

// ParseDecimal parses the canonical form written by String: an optional
// minus sign, digits, and an optional point with up to MaxScale digits.
// User input goes through normalize.Amount, which accepts far more.
func ParseDecimal(s string) (Decimal, error) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || (hasPoint && frac == "") || len(frac) > MaxScale {
		return Decimal{}, errors.New("not a plain decimal number")
	}
	var coef uint64
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return Decimal{}, errors.New("not a plain decimal number")
		}
		hi, lo := bits.Mul64(coef, 10)
		lo, carry := bits.Add64(lo, uint64(c-'0'), 0)
		if hi != 0 || carry != 0 || lo > math.MaxInt64 {
			return Decimal{}, ErrOverflow
		}
		coef = lo
	}
	d := Decimal{int64(coef), int8(len(frac))}
	if neg {
		d.coef = -d.coef
	}
	return d, nil
}

// Coef and Scale return the parts of d = Coef × 10^-Scale.
func (d Decimal) Coef() int64 { return d.coef }
func (d Decimal) Scale() int  { return int(d.scale) }

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.coef < 0:
		return -1
	case d.coef > 0:
		return 1
	}
	return 0
}

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.coef == 0 }

// Neg returns -d.
func (d Decimal) Neg() Decimal { return Decimal{-d.coef, d.scale} }

// Rescale returns d with at least scale digits after the point, exactly.
func (d Decimal) Rescale(scale int) (Decimal, error) {
	if scale <= int(d.scale) {
		return d, nil
	}
	if scale > MaxScale {
		return Decimal{}, ErrOverflow
	}
	c, ok := mul64(d.coef, pow10[scale-int(d.scale)])
	if !ok {
		return Decimal{}, ErrOverflow
	}
	return Decimal{c, int8(scale)}, nil
}

// Add returns d + e, exactly.
func (d Decimal) Add(e Decimal) (Decimal, error) {
	s := max(int(d.scale), int(e.scale))
	d, err := d.Rescale(s)
	if err != nil {
		return Decimal{}, err
	}
	e, err = e.Rescale(s)
	if err != nil {
		return Decimal{}, err
	}
	c := d.coef + e.coef
	if (c > d.coef) != (e.coef > 0) {
		return Decimal{}, ErrOverflow
	}
	return Decimal{c, int8(s)}, nil
}

// MulRound returns d × e rounded to scale digits after the point, halves
// away from zero. The product is exact before it is rounded, however many
// digits it has (a rate of 0.00054321 times 12500000.51 has 11 after the
// point): only a result too large for a Decimal is an error.
func (d Decimal) MulRound(e Decimal, scale int) (Decimal, error) {
	if scale < 0 || scale > MaxScale {
		return Decimal{}, ErrOverflow
	}
	// The common case fits in an int64: no big numbers.
	if c, ok := mul64(d.coef, e.coef); ok {
		if sum := int(d.scale) + int(e.scale); sum < len(pow10) {
			if r, err := (Decimal{c, int8(sum)}).Round(scale).Rescale(scale); err == nil {
				return r, nil
			}
		}
	}
	p := new(big.Int).Mul(big.NewInt(d.coef), big.NewInt(e.coef))
	shift := int(d.scale) + int(e.scale) - scale
	if shift > 0 {
		div := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(shift)), nil)
		q, r := new(big.Int).QuoRem(p, div, new(big.Int))
		// Halves away from zero: |r|·2 ≥ div moves q one further from 0.
		if r.Abs(r).Lsh(r, 1).Cmp(div) >= 0 {
			if p.Sign() < 0 {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
		p = q
	} else if shift < 0 {
		p.Mul(p, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-shift)), nil))
	}
	if !p.IsInt64() {
		return Decimal{}, ErrOverflow
	}
	return Decimal{p.Int64(), int8(scale)}, nil
}

// trim drops trailing zeros after the point: 0.141094000 is 0.141094.
func (d Decimal) trim() Decimal {
	for d.scale > 0 && d.coef%10 == 0 {
		d.coef /= 10
		d.scale--
	}
	return d
}

// MulDivRound returns d × m ÷ q rounded once, halves away from zero, to
// scale digits after the point: an amount converted through a base
// currency (95,000 CNY × 278.10 MNT/CNY ÷ 1,970.31 MNT/USD) is exact
// until that one rounding. q must not be zero.
func (d Decimal) MulDivRound(m, q Decimal, scale int) (Decimal, error) {
	if scale < 0 || scale > MaxScale || q.coef == 0 {
		return Decimal{}, ErrOverflow
	}
	// d·m/q = dc·mc·10^(qs+scale) / (qc·10^(ds+ms)) in units of 10^-scale.
	num := new(big.Int).Mul(big.NewInt(d.coef), big.NewInt(m.coef))
	den := big.NewInt(q.coef)
	if e := int(q.scale) + scale - int(d.scale) - int(m.scale); e > 0 {
		num.Mul(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil))
	} else if e < 0 {
		den.Mul(den, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-e)), nil))
	}
	neg := num.Sign()*den.Sign() < 0
	num.Abs(num)
	den.Abs(den)
	quo, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(den) >= 0 {
		quo.Add(quo, big.NewInt(1))
	}
	if neg {
		quo.Neg(quo)
	}
	if !quo.IsInt64() {
		return Decimal{}, ErrOverflow
	}
	return Decimal{quo.Int64(), int8(scale)}, nil
}

// Round returns d rounded to scale digits after the point, halves away
// from zero (commercial rounding).
func (d Decimal) Round(scale int) Decimal {
	if scale >= int(d.scale) {
		return d
	}
	p := pow10[int(d.scale)-scale]
	q, r := d.coef/p, d.coef%p
	if r < 0 {
		r = -r
	}
	if r*2 >= p {
		if d.coef < 0 {
			q--
		} else {
			q++
		}
	}
	return Decimal{q, int8(scale)}
}

// Cmp returns -1, 0 or +1 as d is less than, equal to or greater than e.
func (d Decimal) Cmp(e Decimal) int {
	diff, err := d.Add(e.Neg())
	if err != nil { // too far apart to subtract: the signs decide
		return cmpInt(d.Sign(), e.Sign())
	}
	return diff.Sign()
}

// String formats d plainly: "-1250000.50", "0.5", "12". The digits after
// the point are the ones given; none are added or dropped.
func (d Decimal) String() string {
	neg := d.coef < 0
	u := uint64(d.coef)
	if neg {
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	if d.scale > 0 {
		if len(digits) <= int(d.scale) {
			digits = strings.Repeat("0", int(d.scale)-len(digits)+1) + digits
		}
		cut := len(digits) - int(d.scale)
		digits = digits[:cut] + "." + digits[cut:]
	}
	if neg {
		return "-" + digits
	}
	return digits
}

// StringFixed formats d with exactly scale digits after the point,
// rounding halves away from zero when d has more.
func (d Decimal) StringFixed(scale int) string {
	r := d.Round(scale)
	if r.Scale() < scale {
		r, _ = r.Rescale(scale) // at most MaxScale; cannot lose digits
	}
	return r.String()
}

// Float64 returns the nearest float64, for display in spreadsheets only;
// never add Float64 values.
func (d Decimal) Float64() float64 {
	f, _ := strconv.ParseFloat(d.String(), 64)
	return f
}

func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	neg := (a < 0) != (b < 0)
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = -ua
	}
	if b < 0 {
		ub = -ub
	}
	hi, lo := bits.Mul64(ua, ub)
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(lo), true
	}
	return int64(lo), true
}
