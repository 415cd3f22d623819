package pipeline

import (
	"errors"
	"math/big"
	"testing"
	"time"
)

func TestDecimal(t *testing.T) {
	tests := []struct {
		name, a, b string
		sum        string
		product    string
	}{
		{"plain", "1250000.50", "0.5", "1250001.00", "625000.250"},
		{"scales align", "0.001", "2", "2.001", "0.002"},
		{"negative", "-10.25", "10.25", "0.00", "-105.0625"},
		{"zero", "0", "0.00", "0.00", "0.00"},
		{"big", "9000000000000000", "1", "9000000000000001", "9000000000000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseDecimal(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			b, err := ParseDecimal(tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if s, err := a.Add(b); err != nil || s.String() != tt.sum {
				t.Errorf("%s + %s = %v, %v; want %s", a, b, s, err, tt.sum)
			}
			if p, err := a.MulRound(b, a.Scale()+b.Scale()); err != nil || p.String() != tt.product {
				t.Errorf("%s × %s = %v, %v; want %s", a, b, p, err, tt.product)
			}
		})
	}
}

func TestDecimalOverflow(t *testing.T) {
	big, _ := ParseDecimal("9223372036854775807")
	if _, err := big.Add(NewDecimal(1, 0)); !errors.Is(err, ErrOverflow) {
		t.Errorf("max + 1: err = %v, want ErrOverflow", err)
	}
	if _, err := big.MulRound(NewDecimal(2, 0), 0); !errors.Is(err, ErrOverflow) {
		t.Errorf("max × 2: err = %v, want ErrOverflow", err)
	}
	if _, err := ParseDecimal("92233720368547758070"); !errors.Is(err, ErrOverflow) {
		t.Errorf("parse of a too long number: err = %v, want ErrOverflow", err)
	}
}

func TestDecimalRound(t *testing.T) {
	for _, tt := range []struct {
		in    string
		scale int
		want  string
	}{
		{"2.345", 2, "2.35"}, {"-2.345", 2, "-2.35"}, {"2.344", 2, "2.34"},
		{"0.5", 0, "1"}, {"-0.5", 0, "-1"}, {"1.2", 3, "1.2"}, {"1999.995", 2, "2000.00"},
	} {
		d, _ := ParseDecimal(tt.in)
		if got := d.Round(tt.scale).String(); got != tt.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tt.in, tt.scale, got, tt.want)
		}
	}
	d, _ := ParseDecimal("12.5")
	if got := d.StringFixed(3); got != "12.500" {
		t.Errorf("StringFixed(3) = %s", got)
	}
	if d.Cmp(NewDecimal(125, 1)) != 0 || d.Cmp(NewDecimal(13, 0)) != -1 || d.Neg().Sign() != -1 {
		t.Error("Cmp or Sign wrong")
	}
}

func TestParseDecimalRejects(t *testing.T) {
	for _, s := range []string{"", "-", "1.", ".5", "1,5", "1e3", "0x10", "1.0000000001", "--1", " 1"} {
		if _, err := ParseDecimal(s); err == nil {
			t.Errorf("ParseDecimal(%q) succeeded", s)
		}
	}
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-1.50", "1250000.50", "0.000000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		back, err := ParseDecimal(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %v → %v, %v", s, d, back, err)
		}
	})
}

func TestDateExcelSerial(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want int
	}{
		{Date{1900, time.January, 1}, 1},
		{Date{1900, time.February, 28}, 59},
		{Date{1900, time.March, 1}, 61}, // Excel's fictitious 29 February 1900 is 60
		{Date{2013, time.January, 18}, 41292},
		{Date{2015, time.September, 23}, 42270},
	} {
		if got := tt.d.ExcelSerial(); got != tt.want {
			t.Errorf("%s.ExcelSerial() = %d, want %d", tt.d, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	if _, ok := MakeDate(2013, time.February, 29); ok {
		t.Error("2013-02-29 exists?")
	}
	d, ok := MakeDate(2015, time.September, 23)
	if !ok || d.String() != "2015-09-23" || d.Long() != "23 September 2015" {
		t.Errorf("got %v %q %q", ok, d, d.Long())
	}
	if d.AddDays(100).String() != "2016-01-01" || d.AddDays(100).Days()-d.Days() != 100 {
		t.Error("AddDays/Days disagree")
	}
	if !d.Before(d.AddDays(1)) || d.After(d) || d.Compare(d) != 0 {
		t.Error("Compare wrong")
	}
}

func TestMulRound(t *testing.T) {
	for _, tt := range []struct {
		a, b  string
		scale int
		want  string
	}{
		{"12500000.51", "0.00054321", 2, "6790.13"}, // 6790.1252770371: 11 digits after the point
		{"1500.50", "1970.31", 2, "2956450.16"},     // 2956450.155: a half, away from zero
		{"-1500.50", "1970.31", 2, "-2956450.16"},
		{"0.10", "1818.5", 2, "181.85"},
		{"1200000", "15.62", 0, "18744000"},
		{"3", "0.5", 0, "2"},
		{"5", "2", 3, "10.000"},
		{"0.000000001", "0.000000001", 2, "0.00"},
	} {
		a, _ := ParseDecimal(tt.a)
		b, _ := ParseDecimal(tt.b)
		got, err := a.MulRound(b, tt.scale)
		if err != nil || got.String() != tt.want {
			t.Errorf("%s × %s to %d = %v, %v; want %s", tt.a, tt.b, tt.scale, got, err, tt.want)
		}
	}
	big, _ := ParseDecimal("9223372036854775807")
	if _, err := big.MulRound(NewDecimal(2, 0), 0); !errors.Is(err, ErrOverflow) {
		t.Errorf("overflow: err = %v", err)
	}
}

// FuzzMulRound checks the int64 fast path against big-number arithmetic.
func FuzzMulRound(f *testing.F) {
	f.Add(int64(1250000051), 2, int64(54321), 8, 2)
	f.Add(int64(-150050), 2, int64(197031), 2, 2)
	f.Fuzz(func(t *testing.T, a int64, sa int, b int64, sb int, scale int) {
		if sa < 0 || sa > MaxScale || sb < 0 || sb > MaxScale || scale < 0 || scale > MaxScale {
			return
		}
		x, y := NewDecimal(a, sa), NewDecimal(b, sb)
		got, err := x.MulRound(y, scale)
		// The exact product, rounded half away from zero, with big.Rat.
		p := new(big.Rat).Mul(new(big.Rat).SetFrac(big.NewInt(a), pow10Int(sa)), new(big.Rat).SetFrac(big.NewInt(b), pow10Int(sb)))
		p.Mul(p, new(big.Rat).SetInt(pow10Int(scale)))
		q, r := new(big.Int).QuoRem(p.Num(), p.Denom(), new(big.Int))
		if new(big.Int).Lsh(new(big.Int).Abs(r), 1).Cmp(p.Denom()) >= 0 {
			q.Add(q, big.NewInt(int64(p.Sign())))
		}
		if !q.IsInt64() {
			if err == nil {
				t.Fatalf("%v × %v to %d = %v, want an overflow", x, y, scale, got)
			}
			return
		}
		if err != nil || got.Coef() != q.Int64() || got.Scale() != scale {
			t.Fatalf("%v × %v to %d = %v, %v; want %v at scale %d", x, y, scale, got, err, q, scale)
		}
	})
}

func pow10Int(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }
