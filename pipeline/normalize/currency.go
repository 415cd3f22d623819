package normalize

import (
	"strings"
	"unicode"

	"golang.org/x/text/currency"

	"coopreport/pipeline"
)

const currencyHint = "write an ISO 4217 code such as MNT, USD, EUR or RUB"

// Currency reads a currency cell: an ISO 4217 code in any case (mnt,
// USD), or a symbol or word that names one currency only: ₮, төг,
// төгрөг, tugrik (MNT); $, US$ (USD); € (EUR); ₽, руб (RUB); £ (GBP).
// ¥ is both the yen and the yuan, and ₩ both won, so they are errors that
// ask for the code. Errors wrap pipeline.ErrBadCurrency, or
// pipeline.ErrMissing when s is empty.
func Currency(s string) (string, error) {
	s = trimSpace(s)
	if s == "" {
		return "", errorf(pipeline.ErrMissing, "no currency given; %s", currencyHint)
	}
	return currencyCode(s)
}

// currencyCode is Currency on a trimmed, non-empty token.
func currencyCode(tok string) (string, error) {
	if len(tok) == 3 && isASCIILetters(tok) {
		u, err := currency.ParseISO(tok)
		code := u.String()
		// XXX means "no currency" and XTS is for testing: neither is money.
		if err == nil && code != "XXX" && code != "XTS" {
			return code, nil
		}
	}
	k := strings.ToLower(tok)
	if code, ok := currencyWords[k]; ok {
		return code, nil
	}
	if code, ok := currencyWords[strings.TrimSuffix(k, ".")]; ok {
		return code, nil
	}
	if codes, ok := ambiguousCurrencies[k]; ok {
		return "", errorf(pipeline.ErrBadCurrency,
			"%s stands for more than one currency; write %s", tok, codes)
	}
	return "", errorf(pipeline.ErrBadCurrency,
		"%q is not a currency this program knows; %s", tok, currencyHint)
}

// currencyWords are the symbols and words that name one currency only,
// lower case.
var currencyWords = map[string]string{
	"₮": "MNT", "төг": "MNT", "төгрөг": "MNT", "tugrik": "MNT", "tugriks": "MNT",
	"tögrög": "MNT", "togrog": "MNT", "tugrug": "MNT",
	"$": "USD", "us$": "USD", "usd$": "USD",
	"€": "EUR",
	"₽": "RUB", "руб": "RUB", "рубль": "RUB", "рублей": "RUB", "рубля": "RUB",
	"£": "GBP",
	"₸": "KZT", "₹": "INR", "₺": "TRY", "₴": "UAH", "₫": "VND", "₭": "LAK",
	"元": "CNY", "円": "JPY",
}

// ambiguousCurrencies are symbols shared by currencies of partner
// countries: guessing would put money in the wrong country's column.
var ambiguousCurrencies = map[string]string{
	"¥": "JPY (yen) or CNY (yuan)",
	"￥": "JPY (yen) or CNY (yuan)",
	"₩": "KRW (South Korean won) or KPW (North Korean won)",
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// looksLikeCurrency reports whether a token beside a number was meant as
// a currency (it holds a letter or a currency sign), so that the error
// talks about the currency rather than the number.
func looksLikeCurrency(tok string) bool {
	for _, r := range tok {
		if unicode.IsLetter(r) || unicode.Is(unicode.Sc, r) {
			return true
		}
	}
	return false
}
