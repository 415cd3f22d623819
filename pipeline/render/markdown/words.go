package markdown

import (
	"strings"

	"coopreport/pipeline/lang"
)

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

// w is the text en in the view's language.
func (v *View) w(en string) string { return words.In(v.Lang, en) }

// f is the format en in the view's language, applied to args.
func (v *View) f(en string, args ...any) string { return words.F(v.Lang, en, args...) }

// formIn is the form of a word for n in l. forms is the key of the words
// table that holds them, separated by "|": "agreement|agreements" in
// English, three of them in Russian ("соглашение|соглашения|соглашений").
func formIn(l lang.Lang, n int, forms string) string {
	fs := strings.Split(words.In(l, forms), "|")
	s, err := l.Form(int64(n), fs...)
	if err != nil { // a table entry with the wrong number of forms: the test finds it
		return fs[len(fs)-1]
	}
	return s
}

// countIn is n and the form of the word for it in l: "3 agreements",
// "3 соглашения".
func countIn(l lang.Lang, n int, forms string) string {
	return l.Int(int64(n)) + " " + formIn(l, n, forms)
}
