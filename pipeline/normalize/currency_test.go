package normalize

import (
	"errors"
	"strings"
	"testing"

	"coopreport/pipeline"
)

func TestCurrency(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  error
		msg      string
	}{
		{in: "MNT", want: "MNT"},
		{in: "mnt", want: "MNT"},
		{in: " Usd ", want: "USD"},
		{in: "JPY", want: "JPY"},
		{in: "KPW", want: "KPW"},
		{in: "₮", want: "MNT"},
		{in: "төг", want: "MNT"},
		{in: "Төг.", want: "MNT"},
		{in: "төгрөг", want: "MNT"},
		{in: "tugrik", want: "MNT"},
		{in: "$", want: "USD"},
		{in: "US$", want: "USD"},
		{in: "€", want: "EUR"},
		{in: "₽", want: "RUB"},
		{in: "руб", want: "RUB"},
		{in: "руб.", want: "RUB"},
		{in: "РУБ", want: "RUB"},
		{in: "£", want: "GBP"},
		{in: "", wantErr: pipeline.ErrMissing},
		{in: "¥", wantErr: pipeline.ErrBadCurrency, msg: "write JPY (yen) or CNY (yuan)"},
		{in: "₩", wantErr: pipeline.ErrBadCurrency, msg: "KRW"},
		{in: "XYZ", wantErr: pipeline.ErrBadCurrency, msg: "ISO 4217"},
		{in: "XXX", wantErr: pipeline.ErrBadCurrency},
		{in: "US", wantErr: pipeline.ErrBadCurrency},
		{in: "dollars", wantErr: pipeline.ErrBadCurrency},
		{in: "MNTT", wantErr: pipeline.ErrBadCurrency},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Currency(tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || got != "" {
					t.Fatalf("Currency(%q) = %q, %v; want error %v", tt.in, got, err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.msg) {
					t.Errorf("Currency(%q) error %q does not say %q", tt.in, err, tt.msg)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Currency(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}
