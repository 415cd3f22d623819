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

// Date writes a calendar date out: "23 September 2015", "23 septembre
// 2015" ("1er septembre" on the first), "23 сентября 2015 г.", "2015 оны
// есдүгээр сарын 23". The zero date (year 0) is "".
func (l Lang) Date(year int, month time.Month, day int) string {
	if year == 0 {
		return ""
	}
	m := int(month) - 1
	switch l.or() {
	case French:
		d := strconv.Itoa(day)
		if day == 1 {
			d = "1er"
		}
		return fmt.Sprintf("%s %s %d", d, monthsFR[m], year)
	case Russian:
		return fmt.Sprintf("%d %s %d г.", day, monthsRUGen[m], year)
	case Mongolian:
		return fmt.Sprintf("%d оны %sын %d", year, monthsMN[m], day)
	}
	return fmt.Sprintf("%d %s %d", day, month, year)
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
		return fmt.Sprintf("%s %d г.", l.MonthName(month), year)
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
		return fmt.Sprintf("%s квартал %d г.", quartersRU[q-1], year)
	case Mongolian:
		return fmt.Sprintf("%d оны %d-р улирал", year, q)
	}
	return fmt.Sprintf("%s quarter of %d", quartersEN[q-1], year)
}

// Year writes a year: "2024", "2024 г.", "2024 он".
func (l Lang) Year(year int) string {
	switch l.or() {
	case Russian:
		return fmt.Sprintf("%d г.", year)
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
		return fmt.Sprintf("%d–%d гг.", from, to)
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
		return fmt.Sprintf("с %d г.", year)
	case Mongolian:
		return fmt.Sprintf("%d оноос", year)
	}
	return fmt.Sprintf("from %d", year)
}
