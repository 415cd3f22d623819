package normalize

import (
	"errors"
	"strings"
	"testing"

	"coopreport/pipeline"
)

func dec(coef int64, scale int) pipeline.Decimal { return pipeline.NewDecimal(coef, scale) }

func TestAmount(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		decimalComma bool
		want         pipeline.Decimal
		wantCode     string
		wantErr      error
		msg          string
	}{
		{name: "plain", in: "1250000.50", want: dec(125000050, 2)},
		{name: "integer", in: "1250", want: dec(1250, 0)},
		{name: "keeps the digits given", in: "1250.500", want: dec(1250500, 3)},
		{name: "comma thousands", in: "1,250,000.50", want: dec(125000050, 2)},
		{name: "space thousands comma decimal", in: "1 250 000,50", want: dec(125000050, 2)},
		{name: "no-break space thousands", in: "1\u00a0250\u00a0000,50", want: dec(125000050, 2)},
		{name: "narrow no-break space thousands", in: "1\u202f250\u202f000,50", want: dec(125000050, 2)},
		{name: "space thousands point decimal", in: "1 250 000.50", want: dec(125000050, 2)},
		{name: "space thousands no decimal", in: "1 250 000", want: dec(1250000, 0)},
		{name: "dot thousands comma decimal", in: "1.250.000,50", want: dec(125000050, 2)},
		{name: "both marks, comma last", in: "1.250,5", want: dec(12505, 1)},
		{name: "only commas are thousands", in: "1,250", want: dec(1250, 0)},
		{name: "only commas, several groups", in: "12,345,678", want: dec(12345678, 0)},
		{name: "single point is decimal", in: "1.250", want: dec(1250, 3)},
		{name: "leading point", in: ".5", want: dec(5, 1)},
		{name: "zero", in: "0", want: dec(0, 0)},
		{name: "zero with decimals", in: "0.00", want: dec(0, 2)},

		{name: "decimal comma: comma decimal", in: "1,25", decimalComma: true, want: dec(125, 2)},
		{name: "decimal comma: 1,250 is 1.25", in: "1,250", decimalComma: true, want: dec(1250, 3)},
		{name: "decimal comma: point thousands", in: "1.250", decimalComma: true, want: dec(1250, 0)},
		{name: "decimal comma: both marks", in: "1.250.000,50", decimalComma: true, want: dec(125000050, 2)},
		{name: "decimal comma: both marks point last", in: "1,250.50", decimalComma: true, want: dec(125050, 2)},
		{name: "decimal comma: spaces", in: "1 250 000,50", decimalComma: true, want: dec(125000050, 2)},
		{name: "decimal comma: point decimal is an error", in: "1250.50", decimalComma: true, wantErr: pipeline.ErrBadAmount, msg: "decimal mark of this file is a comma"},
		{name: "decimal comma: two commas are thousands", in: "1,250,000", decimalComma: true, want: dec(1250000, 0)},
		{name: "two points are thousands", in: "2.646.882", want: dec(2646882, 0)},
		{name: "two points, bad groups", in: "2.64.882", wantErr: pipeline.ErrBadAmount, msg: "grouped in threes"},
		{name: "two points with a decimal comma", in: "2.646.882,50", want: dec(264688250, 2)},
		{name: "decimal comma: leading comma", in: ",5", decimalComma: true, want: dec(5, 1)},

		{name: "dollar before", in: "$1,250.00", want: dec(125000, 2), wantCode: "USD"},
		{name: "tugrik after", in: "1 250 000 ₮", want: dec(1250000, 0), wantCode: "MNT"},
		{name: "tugrik glued", in: "1250000₮", want: dec(1250000, 0), wantCode: "MNT"},
		{name: "code before", in: "MNT 1,000", want: dec(1000, 0), wantCode: "MNT"},
		{name: "code after", in: "1000 USD", want: dec(1000, 0), wantCode: "USD"},
		{name: "code glued lower case", in: "1000usd", want: dec(1000, 0), wantCode: "USD"},
		{name: "euro after", in: "1.250,50 €", want: dec(125050, 2), wantCode: "EUR"},
		{name: "rouble word", in: "1 250 руб.", want: dec(1250, 0), wantCode: "RUB"},
		{name: "mongolian word", in: "5000 төг", want: dec(5000, 0), wantCode: "MNT"},
		{name: "US dollar", in: "US$ 12", want: dec(12, 0), wantCode: "USD"},
		{name: "same currency twice", in: "$12 USD", want: dec(12, 0), wantCode: "USD"},
		{name: "two currencies", in: "USD 5 EUR", wantErr: pipeline.ErrBadCurrency, msg: "two different currencies"},
		{name: "yen is ambiguous", in: "¥1000", wantErr: pipeline.ErrBadCurrency, msg: "JPY"},
		{name: "unknown code", in: "1000 XYZ", wantErr: pipeline.ErrBadCurrency, msg: `"XYZ"`},
		{name: "unknown word", in: "1000 dollars", wantErr: pipeline.ErrBadCurrency},

		{name: "brackets negative", in: "(1,250.00)", want: dec(-125000, 2)},
		{name: "brackets with currency inside", in: "($1,250.00)", want: dec(-125000, 2), wantCode: "USD"},
		{name: "brackets with code outside", in: "(1,250.00) USD", want: dec(-125000, 2), wantCode: "USD"},
		{name: "leading minus", in: "-1250", want: dec(-1250, 0)},
		{name: "unicode minus", in: "−1250", want: dec(-1250, 0)},
		{name: "minus before currency", in: "-$1,250", want: dec(-1250, 0), wantCode: "USD"},
		{name: "minus after currency", in: "$-1,250", want: dec(-1250, 0), wantCode: "USD"},
		{name: "minus with space", in: "- 1250", want: dec(-1250, 0)},
		{name: "plus", in: "+1250", want: dec(1250, 0)},
		{name: "minus and brackets", in: "(-5)", wantErr: pipeline.ErrBadAmount},
		{name: "unclosed bracket", in: "(5", wantErr: pipeline.ErrBadAmount},
		{name: "closing bracket only", in: "5)", wantErr: pipeline.ErrBadAmount},
		{name: "trailing minus", in: "1250-", wantErr: pipeline.ErrBadAmount},
		{name: "two signs", in: "--5", wantErr: pipeline.ErrBadAmount},

		{name: "xlsx raw", in: "1250000.5", want: dec(12500005, 1)},
		{name: "xlsx scientific", in: "1.2345E+6", want: dec(1234500, 0)},
		{name: "xlsx scientific lower", in: "1.2345e6", want: dec(1234500, 0)},
		{name: "xlsx scientific negative exponent", in: "1.5E-3", want: dec(15, 4)},
		{name: "xlsx scientific negative", in: "-2.5E+2", want: dec(-250, 0)},
		{name: "xlsx scientific too small", in: "1E-12", wantErr: pipeline.ErrBadAmount, msg: "more than 9 digits"},
		{name: "xlsx scientific too large", in: "1E+30", wantErr: pipeline.ErrBadAmount, msg: "too large"},
		{name: "scientific with grouping", in: "1,2E+3", wantErr: pipeline.ErrBadAmount},
		{name: "scientific without exponent digits", in: "1E+5+3", wantErr: pipeline.ErrBadAmount},
		{name: "a letter after the number is a currency", in: "1E+", wantErr: pipeline.ErrBadCurrency},

		{name: "empty", in: "  ", wantErr: pipeline.ErrMissing},
		{name: "no digits", in: "USD", wantErr: pipeline.ErrBadAmount},
		{name: "comma then two digits", in: "1,25", wantErr: pipeline.ErrBadAmount, msg: "write a decimal with a point (1.25)"},
		{name: "bad groups", in: "1,25,000", wantErr: pipeline.ErrBadAmount, msg: "threes"},
		{name: "first group too long", in: "1250,000", wantErr: pipeline.ErrBadAmount},
		{name: "first space group too long", in: "1250 000", wantErr: pipeline.ErrBadAmount},
		{name: "currency after minus", in: "MNT -1,000", want: dec(-1000, 0), wantCode: "MNT"},
		{name: "both marks point last in default mode", in: "1,250.00 USD", want: dec(125000, 2), wantCode: "USD"},
		{name: "bad space groups", in: "12 50 000", wantErr: pipeline.ErrBadAmount},
		{name: "double space", in: "1  250", wantErr: pipeline.ErrBadAmount},
		{name: "leading zero group", in: "0,250", wantErr: pipeline.ErrBadAmount, msg: "leading 0"},
		{name: "two points", in: "1.2.3", wantErr: pipeline.ErrBadAmount},
		{name: "a lone dash", in: "-", wantErr: pipeline.ErrBadAmount},
		{name: "two decimal marks after thousands", in: "1,250.00.5", wantErr: pipeline.ErrBadAmount},
		{name: "three kinds of separator", in: "1 250.000,5", wantErr: pipeline.ErrBadAmount},
		{name: "separator after decimal", in: "1.250,000,5", wantErr: pipeline.ErrBadAmount},
		{name: "nothing after the mark", in: "12.", wantErr: pipeline.ErrBadAmount},
		{name: "percent", in: "12%", wantErr: pipeline.ErrBadAmount},
		{name: "letters inside", in: "12a34", wantErr: pipeline.ErrBadAmount},
		{name: "ten decimals", in: "0.1234567891", wantErr: pipeline.ErrBadAmount, msg: "more than 9 digits"},
		{name: "nine decimals", in: "0.123456789", want: dec(123456789, 9)},
		{name: "largest", in: "9223372036854775807", want: dec(9223372036854775807, 0)},
		{name: "overflow", in: "9223372036854775808", wantErr: pipeline.ErrBadAmount, msg: "too large"},
		{name: "overflow with decimals", in: "92233720368547758.08", wantErr: pipeline.ErrBadAmount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, code, err := Amount(tt.in, tt.decimalComma)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Amount(%q) = %v, %q, %v; want error %v", tt.in, got, code, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("Amount(%q) error %q does not say %q", tt.in, err, tt.msg)
				}
				return
			}
			if err != nil || got != tt.want || code != tt.wantCode {
				t.Fatalf("Amount(%q) = %v (coef %d scale %d), %q, %v; want %v, %q",
					tt.in, got, got.Coef(), got.Scale(), code, err, tt.want, tt.wantCode)
			}
		})
	}
}

func TestWholeNumber(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr error
	}{
		{"12", 12, nil},
		{" 12 ", 12, nil},
		{"0", 0, nil},
		{"+7", 7, nil},
		{"1,200", 1200, nil},
		{"1 200", 1200, nil},
		{"1\u00a0200", 1200, nil},
		{"12.0", 12, nil},
		{"12.00", 12, nil},
		{"1.2E+3", 1200, nil},
		{"", 0, pipeline.ErrMissing},
		{"-3", 0, pipeline.ErrBadNumber},
		{"−3", 0, pipeline.ErrBadNumber},
		{"12.5", 0, pipeline.ErrBadNumber},
		{"1.200", 0, pipeline.ErrBadNumber}, // 1.2, not 1200: a point is a decimal mark
		{"1,25", 0, pipeline.ErrBadNumber},
		{"twelve", 0, pipeline.ErrBadNumber},
		{"12 people", 0, pipeline.ErrBadNumber},
		{"$12", 0, pipeline.ErrBadNumber},
		{"99999999999999999999", 0, pipeline.ErrBadNumber},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := WholeNumber(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("WholeNumber(%q) = %d, %v; want error %v", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("WholeNumber(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestExcelNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1250000.5", "1250000.5"},
		{"1100.0000000000002", "1100"},
		{"0.30000000000000004", "0.3"},
		{"1099.9999999999998", "1100"},
		{"-1099.9999999999998", "-1100"},
		{"999999999999999.9", "1000000000000000"},
		{"123456789012345678", "123456789012346000"},
		{"1.2345E+6", "1234500"},
		{"1.23456789012345678E-5", "0.0000123456789012346"},
		{"0", "0"},
		{"-0.0", "0"},
		{"12.50", "12.5"},
		{"text", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ExcelNumber(tt.in); got != tt.want {
				t.Fatalf("ExcelNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var benchAmounts = []string{"1250000.50", "1,250,000.50", "1 250 000,50 ₮", "$1,250.00", "(1,250.00)", "1.2345E+6"}

func BenchmarkAmount(b *testing.B) {
	for _, in := range benchAmounts {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Amount(in, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestMarkConflict(t *testing.T) {
	for _, tt := range []struct {
		in           string
		decimalComma bool
		conflict     bool
	}{
		{"1,25", false, true},
		{"1250.50", true, true},
		{"0,250", false, true},
		{"12 50 000", false, false},
		{"abc", false, false},
	} {
		_, _, err := Amount(tt.in, tt.decimalComma)
		if err == nil || MarkConflict(err) != tt.conflict {
			t.Errorf("Amount(%q, %v): %v, MarkConflict %v", tt.in, tt.decimalComma, err, MarkConflict(err))
		}
	}
}

func TestNoValue(t *testing.T) {
	for in, want := range map[string]bool{"": true, " - ": true, "–": true, "—": true, "−": true, "N/A": false, "--": false, "0": false, "-5": false} {
		if NoAmount(in) != want {
			t.Errorf("NoAmount(%q) = %v", in, !want)
		}
	}
	for in, want := range map[string]bool{"N/A": true, "n/a": true, "NA": true, "н/д": true, "б/д": true, "#N/A": false, "": false, "nan": false, "Nauru": false} {
		if NotAvailable(in) != want {
			t.Errorf("NotAvailable(%q) = %v", in, !want)
		}
	}
	for in, want := range map[string]bool{"#N/A": true, "#ref!": true, "#DIV/0!": true, "N/A": false, "#1": false} {
		if SpreadsheetError(in) != want {
			t.Errorf("SpreadsheetError(%q) = %v", in, !want)
		}
	}
}
