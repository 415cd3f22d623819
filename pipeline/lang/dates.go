package lang

import (
	"fmt"
	"strconv"
	"time"
)

// Month names from CLDR (x/text does not publish them): French; Russian
// in the genitive a date takes ("23 сентября") and in the nominative a
// month alone takes ("сентябрь 2015 г."); Mongolian's ordinal months
// ("есдүгээр сар", the ninth month).
var (
	monthsFR = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
	monthsRUGen = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
		"сентября", "октября", "ноября", "декабря"}
	monthsRU = [...]string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
		"сентябрь", "октябрь", "ноябрь", "декабрь"}
	monthsMN = [...]string{"нэгдүгээр сар", "хоёрдугаар сар", "гуравдугаар сар", "дөрөвдүгээр сар",
		"тавдугаар сар", "зургаадугаар сар", "долдугаар сар", "наймдугаар сар", "есдүгээр сар",
		"аравдугаар сар", "арван нэгдүгээр сар", "арван хоёрдугаар сар"}
)

// nbsp is the no-break space (U+00A0) that keeps a day with its month in
// French and Russian, and a Russian year with its "г." or "гг.", on one
// line.
const nbsp = "\u00a0"

// Date writes a calendar date out: "23 September 2015", "23 septembre
// 2015" ("1er septembre" on the first), "23 сентября 2015 г.", "2015 оны
// есдүгээр сарын 23". The zero date (year 0) is "". French and Russian
// join the day to its month, and the Russian year to "г.", with a no-break
// space.
func (l Lang) Date(year int, month time.Month, day int) string {
	if year == 0 {
		return ""
	}
	switch l.or() {
	case French, Russian:
		return l.dayMonth(month, day) + " " + l.Year(year)
	case Mongolian:
		return fmt.Sprintf("%d оны %sын %d", year, monthsMN[month-1], day)
	}
	return fmt.Sprintf("%d %s %d", day, month, year)
}

// dayMonth is a day of a month without the year: "23 September", "1er
// septembre", "23 сентября" (French and Russian with a no-break space).
func (l Lang) dayMonth(month time.Month, day int) string {
	m := int(month) - 1
	switch l.or() {
	case French:
		d := strconv.Itoa(day)
		if day == 1 {
			d = "1er"
		}
		return d + nbsp + monthsFR[m]
	case Russian:
		return strconv.Itoa(day) + nbsp + monthsRUGen[m]
	}
	return fmt.Sprintf("%d %s", day, month)
}

// Day is a calendar date for DateSpan and DateRange; a pipeline.Date
// converts to it. The zero Day is no date.
type Day struct {
	Year  int
	Month time.Month
	Day   int
}

// DateSpan writes the days from one date to another, inclusive, without
// repeating what they share: "20–21 November 2014", "20 November – 3
// December 2014", "30 December 2014 – 2 January 2015"; "20–21 novembre
// 2014", "20–21 ноября 2014 г.", "2014 оны арван нэгдүгээр сарын 20–21".
// Mongolian names the month before the day, so only a span within a month
// is shortened. A zero or equal to is the one date.
func (l Lang) DateSpan(from, to Day) string {
	if to == (Day{}) || to == from {
		return l.Date(from.Year, from.Month, from.Day)
	}
	full := l.Date(from.Year, from.Month, from.Day) + " – " + l.Date(to.Year, to.Month, to.Day)
	switch {
	case from.Year != to.Year:
		return full
	case from.Month != to.Month:
		if l.or() == Mongolian {
			return full
		}
		return l.dayMonth(from.Month, from.Day) + " – " + l.Date(to.Year, to.Month, to.Day)
	case l.or() == Mongolian:
		return fmt.Sprintf("%s–%d", l.Date(from.Year, from.Month, from.Day), to.Day)
	case l.or() == French && from.Day == 1:
		return "1er–" + l.Date(to.Year, to.Month, to.Day)
	}
	return fmt.Sprintf("%d–%s", from.Day, l.Date(to.Year, to.Month, to.Day))
}

// DateRange is DateSpan as a sentence says it, with the words for "from"
// and "to": "du 20 au 21 novembre 2014", "du 20 novembre au 3 décembre
// 2014", "с 20 по 21 ноября 2014 г.", "from 20 to 21 November 2014";
// Mongolian has no such words that leave the date alone, and gives
// DateSpan. A zero or equal to is the one date ("le 20 novembre 2014",
// "20 ноября 2014 г.").
func (l Lang) DateRange(from, to Day) string {
	if l.or() == Mongolian {
		return l.DateSpan(from, to)
	}
	if to == (Day{}) || to == from {
		if l.or() == French {
			return "le " + l.Date(from.Year, from.Month, from.Day)
		}
		return l.Date(from.Year, from.Month, from.Day)
	}
	a := l.Date(from.Year, from.Month, from.Day)
	switch {
	case from.Year != to.Year:
	case from.Month != to.Month:
		a = l.dayMonth(from.Month, from.Day)
	default:
		a = strconv.Itoa(from.Day)
		if l.or() == French && from.Day == 1 {
			a = "1er"
		}
	}
	b := l.Date(to.Year, to.Month, to.Day)
	switch l.or() {
	case French:
		return "du " + a + " au " + b
	case Russian:
		return "с " + a + " по " + b
	}
	return "from " + a + " to " + b
}

// MonthName is a month alone, as a heading or a table gives it: "March",
// "mars", "март", "гуравдугаар сар".
func (l Lang) MonthName(month time.Month) string {
	m := int(month) - 1
	switch l.or() {
	case French:
		return monthsFR[m]
	case Russian:
		return monthsRU[m]
	case Mongolian:
		return monthsMN[m]
	}
	return month.String()
}

// Month writes a month of a year: "October 2025", "octobre 2025",
// "октябрь 2025 г.", "2025 оны аравдугаар сар".
func (l Lang) Month(year int, month time.Month) string {
	switch l.or() {
	case French:
		return fmt.Sprintf("%s %d", l.MonthName(month), year)
	case Russian:
		return l.MonthName(month) + " " + l.Year(year)
	case Mongolian:
		return fmt.Sprintf("%d оны %s", year, l.MonthName(month))
	}
	return fmt.Sprintf("%s %d", month, year)
}

var (
	quartersEN = [...]string{"first", "second", "third", "fourth"}
	quartersFR = [...]string{"1er", "2e", "3e", "4e"}
	quartersRU = [...]string{"первый", "второй", "третий", "четвёртый"}
)

// Quarter writes a quarter (1–4) of a year: "third quarter of 2024", "3e
// trimestre 2024", "третий квартал 2024 г.", "2024 оны 3-р улирал".
func (l Lang) Quarter(year, q int) string {
	if q < 1 || q > 4 {
		return ""
	}
	switch l.or() {
	case French:
		return fmt.Sprintf("%s trimestre %d", quartersFR[q-1], year)
	case Russian:
		return quartersRU[q-1] + " квартал " + l.Year(year)
	case Mongolian:
		return fmt.Sprintf("%d оны %d-р улирал", year, q)
	}
	return fmt.Sprintf("%s quarter of %d", quartersEN[q-1], year)
}

// Year writes a year: "2024", "2024 г.", "2024 он".
func (l Lang) Year(year int) string {
	switch l.or() {
	case Russian:
		return strconv.Itoa(year) + nbsp + "г."
	case Mongolian:
		return fmt.Sprintf("%d он", year)
	}
	return strconv.Itoa(year)
}

// Years writes a span of whole years: "2012–2015", "2012–2015 гг.",
// "2012–2015 он".
func (l Lang) Years(from, to int) string {
	if from == to {
		return l.Year(from)
	}
	switch l.or() {
	case Russian:
		return fmt.Sprintf("%d–%d%sгг.", from, to, nbsp)
	case Mongolian:
		return fmt.Sprintf("%d–%d он", from, to)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// Span joins two named months or quarters: "July 2024 – June 2025" (an en
// dash, spaced between spaced words).
func (l Lang) Span(from, to string) string {
	if from == to {
		return from
	}
	return from + " – " + to
}

// Since writes an open span of years: "from 1994", "depuis 1994", "с
// 1994 г.", "1994 оноос".
func (l Lang) Since(year int) string {
	switch l.or() {
	case French:
		return fmt.Sprintf("depuis %d", year)
	case Russian:
		return "с " + l.Year(year)
	case Mongolian:
		return fmt.Sprintf("%d оноос", year)
	}
	return fmt.Sprintf("from %d", year)
}

var romanQuarters = [...]string{"I", "II", "III", "IV"}

// QuarterShort is a quarter (1–4) of a year as a table row or a chart's
// axis names it: "2013-Q1" (as the output contract labels it), "T1 2013",
// "I кв. 2013 г.", "2013 I улирал".
func (l Lang) QuarterShort(year, q int) string {
	if q < 1 || q > 4 {
		return ""
	}
	switch l.or() {
	case French:
		return fmt.Sprintf("T%d %d", q, year)
	case Russian:
		return romanQuarters[q-1] + nbsp + "кв. " + l.Year(year)
	case Mongolian:
		return fmt.Sprintf("%d %s улирал", year, romanQuarters[q-1])
	}
	return fmt.Sprintf("%04d-Q%d", year, q)
}

// Bucket is a bucket's label ("2013", "2013-Q1", "2013-01", as the output
// contract names it) as a table row or a chart's axis shows it: quarters
// in the language's short form (QuarterShort); years and months as they
// are, and any label in English.
func (l Lang) Bucket(label string) string {
	if l.or() == English {
		return label
	}
	var y, q int
	if n, err := fmt.Sscanf(label, "%4d-Q%1d", &y, &q); err == nil && n == 2 && len(label) == 7 && q >= 1 && q <= 4 {
		return l.QuarterShort(y, q)
	}
	return label
}
