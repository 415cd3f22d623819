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
	"Not included: amounts in %s that no exchange rate to %s covers.": {
		FR: "Non compris\u00a0: les montants en %s qu’aucun taux de change en %s ne couvre.",
		MN: "Тооцоонд ороогүй: %s валютаар хийсэн дүнгээс %s руу хөрвүүлэх ханш байхгүй хэсэг.",
		RU: "Не учтены те суммы в %s, для которых нет обменного курса к %s.",
	},
}

// label is the name a bar shows for c (see pipeline.Report.CountryName).
func label(r *pipeline.Report, c pipeline.Country) string { return r.CountryName(c) }
