package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"coopreport/pipeline"
)

// value is one cell as a person typed it. A CSV file writes text; a
// workbook writes a real date cell when date is set, a number cell when
// isNum is set, and text otherwise.
type value struct {
	text  string
	date  pipeline.Date
	num   float64
	isNum bool
}

func text(s string) value { return value{text: s} }

// The deliberate mistakes, named by the input column they spoil.
const (
	badCountry      = "country"
	badDate         = "date"
	badEnd          = "end"
	badAmount       = "amount"
	badCurrency     = "currency"
	badAgreement    = "agreement"
	badID           = "id"
	badType         = "type"
	badParticipants = "participants"
	badTitle        = "title"
)

var badKinds = []string{badCountry, badDate, badEnd, badAmount, badCurrency, badAgreement, badID, badType, badParticipants, badTitle}

// date writes d in one of the forms the contract lists. The draws are the
// same whatever the format, so a CSV and a workbook folder of one seed
// hold the same values: the workbook types three dates in four as real
// date cells, and the CSV file writes those in ISO form.
func date(rnd *rand.Rand, d pipeline.Date) value {
	form, real := rnd.IntN(9), rnd.IntN(4) != 0
	if d.IsZero() {
		return value{}
	}
	if real {
		return value{text: d.String(), date: d}
	}
	m := int(d.Month)
	switch form {
	case 0:
		return text(d.String())
	case 1:
		return text(fmt.Sprintf("%04d.%02d.%02d", d.Year, m, d.Day))
	case 2:
		return text(fmt.Sprintf("%02d.%02d.%04d", d.Day, m, d.Year))
	case 3:
		return text(fmt.Sprintf("%04d/%02d/%02d", d.Year, m, d.Day))
	case 4:
		return text(fmt.Sprintf("%s %d, %d", d.Month, d.Day, d.Year))
	case 5:
		return text(fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year))
	case 6:
		return text(fmt.Sprintf("%02d/%02d/%04d", d.Day, m, d.Year)) // day first, the default order
	case 7:
		return text(fmt.Sprint(d.ExcelSerial())) // a serial number pasted as text
	}
	return text(fmt.Sprintf(" %s ", d)) // stray spaces
}

// spell writes partner p (or multilateral, p < 0) as keepers do: mostly
// the English name, often Mongolian or Russian, sometimes a code, a long
// form, or a local spelling from the aliases table.
func (w *world) spell(rnd *rand.Rand, p int) string {
	x := rnd.IntN(100)
	if p < 0 {
		if x < 50 {
			return "multilateral"
		}
		return "Multilateral"
	}
	pt := &w.partners[p]
	sp := pt.spellings // English, Mongolian, Russian, long, alpha-2, alpha-3
	switch {
	case x < 38:
		return sp[0]
	case x < 53:
		return sp[1]
	case x < 66:
		return sp[2]
	case x < 73:
		return sp[3]
	case x < 81:
		return sp[4]
	case x < 86:
		return sp[5]
	case x < 90:
		return strings.ToUpper(sp[0])
	case len(pt.aliases) > 0:
		return pt.aliases[rnd.IntN(len(pt.aliases))]
	}
	return "the " + sp[0]
}

var symbols = map[string]string{"USD": "$", "EUR": "€", "RUB": "₽", "MNT": "₮"}

// money writes an amount and its currency column in one of the forms the
// contract accepts.
func money(rnd *rand.Rand, d pipeline.Decimal, cur string) (amount value, ccy string) {
	form := rnd.IntN(20)
	big := d.Coef() >= 1000*pow10(d.Scale())
	sym, hasSym := symbols[cur]
	switch {
	case form < 7:
		return value{text: d.String(), num: d.Float64(), isNum: true}, cur
	case form < 10:
		return text(group(d, ",", ".")), cur
	case form < 12 && big:
		sep := " "
		if form == 11 {
			sep = "\u00a0"
		}
		return text(group(d, sep, ",")), cur
	case form < 14 && hasSym:
		if form == 12 {
			return text(sym + group(d, ",", ".")), ""
		}
		return text(sym + d.String()), cur
	case form < 16:
		return text(group(d, ",", ".") + " " + cur), ""
	case form == 16:
		return text(cur + " " + d.String()), ""
	case form == 17:
		return value{text: d.String(), num: d.Float64(), isNum: true}, strings.ToLower(cur)
	case form == 18 && hasSym:
		return value{text: d.String(), num: d.Float64(), isNum: true}, sym
	case form == 19:
		// A refund, in accountants' brackets.
		return text("(" + group(d, ",", ".") + ")"), cur
	}
	return value{text: d.String(), num: d.Float64(), isNum: true}, cur
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// group writes d with sep between thousands and mark before the decimals.
func group(d pipeline.Decimal, sep, mark string) string {
	s := d.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(mark)
		b.WriteString(frac)
	}
	return b.String()
}
