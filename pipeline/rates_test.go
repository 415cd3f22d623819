package pipeline

import "testing"

func TestMinorUnits(t *testing.T) {
	// MNT, KPW: ISO 4217 says 2 where CLDR shows 0; IQD 3 where CLDR shows 0.
	for code, want := range map[string]int{"MNT": 2, "USD": 2, "EUR": 2, "RUB": 2, "CNY": 2, "JPY": 0, "KRW": 0,
		"KPW": 2, "KWD": 3, "IQD": 3, "CLF": 4, "XYZ": 2, "": 2} {
		if got := MinorUnits(code); got != want {
			t.Errorf("MinorUnits(%s) = %d, want %d", code, got, want)
		}
	}
}

func TestConvert(t *testing.T) {
	year := func(y int) RateSpan {
		from, _ := MakeDate(y, 1, 1)
		to, _ := MakeDate(y, 12, 31)
		return RateSpan{Label: "y", From: from, To: to}
	}
	dec := func(s string) Decimal {
		d, err := ParseDecimal(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	rates := []Rate{
		{Currency: "USD", Base: "MNT", Span: year(2015), Rate: dec("1970.31")},
		{Currency: "CNY", Base: "MNT", Span: year(2015), Rate: dec("278.10")},
		{Currency: "RUB", Base: "MNT", Span: year(2015), Rate: dec("32.30")},
		{Currency: "JPY", Base: "USD", Span: year(2015), Rate: dec("0.0083")},
	}
	on, _ := MakeDate(2015, 6, 1)
	off, _ := MakeDate(2016, 6, 1)
	tests := []struct {
		reporting, cur, amount string
		d                      Date
		want, rate, path       string // want "" for not converted
	}{
		{"MNT", "USD", "15000.00", on, "29554650.00", "1970.31", ""},
		{"MNT", "MNT", "12500000", on, "12500000.00", "1", ""},
		// The example: 95,000 CNY in dollars through MNT, not
		// 95,000 × 278.10 "dollars".
		{"USD", "CNY", "95000.00", on, "13408.80", "0.141145302", "via MNT: 1 CNY = 278.10 MNT, 1 USD = 1970.31 MNT"},
		{"USD", "MNT", "12500000.00", on, "6344.18", "0.000507534", "1 USD = 1970.31 MNT"},
		{"USD", "USD", "10.5", on, "10.50", "1", ""},
		{"USD", "JPY", "1200000", on, "9960.00", "0.0083", ""},
		{"MNT", "JPY", "1200000", on, "", "", ""}, // JPY has rates in USD only, USD none in JPY: no chain
		{"USD", "CNY", "95000.00", off, "", "", ""},
		{"", "CNY", "95000.00", on, "", "", ""},
	}
	for _, tt := range tests {
		rs := NewRates(tt.reporting, rates)
		got, rate, ok, err := rs.Convert(Money{dec(tt.amount), tt.cur}, tt.d)
		if err != nil {
			t.Fatal(err)
		}
		if tt.want == "" {
			if ok {
				t.Errorf("%s %s → %s: converted to %s", tt.amount, tt.cur, tt.reporting, got)
			}
			continue
		}
		if !ok || got.String() != tt.want || rate.String() != tt.rate {
			t.Errorf("%s %s → %s = %s at %s (%v), want %s at %s", tt.amount, tt.cur, tt.reporting, got, rate, ok, tt.want, tt.rate)
		}
		if p := rs.Path(tt.cur, tt.d); p != tt.path {
			t.Errorf("path %q, want %q", p, tt.path)
		}
	}
}

func TestMulDivRound(t *testing.T) {
	for _, tt := range []struct {
		d, m, q string
		scale   int
		want    string
	}{
		{"95000.00", "278.10", "1970.31", 2, "13408.80"},
		{"-95000.00", "278.10", "1970.31", 2, "-13408.80"},
		{"1", "1", "3", 2, "0.33"},
		{"2", "1", "3", 2, "0.67"},
		{"0.005", "1", "1", 2, "0.01"},
		{"-0.005", "1", "1", 2, "-0.01"},
		{"1", "1", "0.001", 0, "1000"},
	} {
		d, _ := ParseDecimal(tt.d)
		m, _ := ParseDecimal(tt.m)
		q, _ := ParseDecimal(tt.q)
		got, err := d.MulDivRound(m, q, tt.scale)
		if err != nil || got.String() != tt.want {
			t.Errorf("%s×%s÷%s = %s, %v; want %s", tt.d, tt.m, tt.q, got, err, tt.want)
		}
	}
}
