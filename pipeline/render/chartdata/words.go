package chartdata

import (
	"coopreport/pipeline"
	"coopreport/pipeline/lang"
)

// words are the labels and notes the charts' data carries: the bar that
// sums the partners past MaxBars, the multilateral bar, and the note on
// the amounts the money chart leaves out.
var words = lang.Table{
	"Other partners (%d)": {FR: "Autres partenaires (%d)", MN: "Бусад түнш (%d)", RU: "Другие партнёры (%d)"},
	"Multilateral":        {FR: "Multilatéral", MN: "Олон талт", RU: "Многосторонние"},
	"Not included: amounts in %s that no exchange rate to %s covers.": {
		FR: "Non compris\u00a0: les montants en %s qu’aucun taux de change en %s ne couvre.",
		MN: "Тооцоонд ороогүй: %s валютаар хийсэн дүнгээс %s руу хөрвүүлэх ханш байхгүй хэсэг.",
		RU: "Не учтены те суммы в %s, для которых нет обменного курса к %s.",
	},
}

// label is the name a bar shows for c, in the report's language: the
// abbreviation when the configuration asks for one and the language has
// it (ОХУ, КНР), else the country's short name.
func label(r *pipeline.Report, c pipeline.Country) string {
	l := r.Lang
	if l == lang.English || l == "" {
		return c.Label()
	}
	if c.Multilateral() {
		return words.In(l, "Multilateral")
	}
	if r.Abbreviate {
		if a, ok := l.Abbreviation(c.Code); ok {
			return a
		}
	}
	return l.Country(c.Code, c.Name)
}
