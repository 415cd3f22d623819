package markdown

import "coopreport/pipeline/lang"

// words are the texts this package writes into reports besides the
// templates: table captions and headers, names of instruments and
// sectors, and the sentences written from the records.
var words = lang.Table{
	"Periodic report on international cultural cooperation": {
		FR: "Rapport périodique sur la coopération culturelle internationale",
		MN: "Олон улсын соёлын хамтын ажиллагааны тайлан",
		RU: "Периодический доклад о международном культурном сотрудничестве",
	},
}

// DefaultTitle is the report's title when the configuration gives none,
// in l.
func DefaultTitle(l lang.Lang) string {
	return words.In(l, "Periodic report on international cultural cooperation")
}
