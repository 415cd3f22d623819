package normalize

import "time"

// Month and weekday names the date reader knows, lower case. Russian
// months are listed in the nominative and in the genitive that dates use
// ("18 января").
var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,

	"январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
	"июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
	"июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
	"янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
	"сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}

// mongolianMonths are the ordinal month names ("нэгдүгээр сар", first
// month); the 11th and 12th are "арван нэгдүгээр" and "арван хоёрдугаар".
var mongolianMonths = map[string]int{
	"нэгдүгээр": 1, "хоёрдугаар": 2, "гуравдугаар": 3, "дөрөвдүгээр": 4, "тавдугаар": 5,
	"зургаадугаар": 6, "долдугаар": 7, "наймдугаар": 8, "есдүгээр": 9, "аравдугаар": 10,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
	"sunday": time.Sunday, "sun": time.Sunday,
}

// ordinalSuffix follows a day number with no space: "18th".
var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// dateFillers are words around the numbers that carry no information:
// "the 18th of January", "18-го января 2013 года", "2013 оны 1-р сарын
// 18-ны өдөр".
var dateFillers = map[string]bool{
	"of": true, "the": true,
	"г": true, "год": true, "года": true, "го": true,
	"оны": true, "р": true, "дүгээр": true, "дугаар": true,
	"ны": true, "ний": true, "нд": true, "өдөр": true, "өдрийн": true,
}
