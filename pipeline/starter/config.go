package starter

import (
	"fmt"
	"strings"
)

// configText is coopreport.toml: the settings a new folder needs set, and
// every other key commented out with its default, so that the file doubles
// as the list of what can be configured (a test checks it names every key
// of config.Keys).
func configText(opt Options) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	setting := func(key, value, comment string) {
		fmt.Fprintf(&b, "%-34s # %s\n", key+" = "+value, comment)
	}
	line("# coopreport configuration, made by `coopreport init`. coopreport reads it from the input folder")
	line("# (or from the file given with --config). Flags given on the command line override these values.")
	line("# Lines that start with \"#\" are comments.")
	line("")
	if opt.Party == "" {
		setting("party", `""`, `the reporting party, shown on the cover and as the PDF author: write its name, e.g. "Mongolia"`)
	} else {
		setting("party", tomlString(opt.Party), "the reporting party, shown on the cover and as the PDF author")
	}
	line("")
	line(`# The default --period. "previous-year" is the last whole calendar year, so a run in January`)
	line(`# (by hand or from cron) reports the year just ended. Other choices: previous-month or`)
	line(`# previous-quarter for monthly or quarterly runs, a year such as "2025", or a reporting cycle`)
	line(`# such as "2022..2025" for the quadrennial report.`)
	setting("period", `"previous-year"`, "the period the report covers when --period is not given")
	setting("currency", `"MNT"`, "reporting currency: other currencies are converted with the Rates sheet")
	setting("rates_base", `"MNT"`, "the currency the Rates sheet gives rates in where its base column is empty: 1 USD = 3400 MNT")
	setting("timezone", tomlString(Timezone), "for relative periods: previous-year is counted from today here")
	line("")
	line(`# A monthly run from cron is silent when all is well. These make it loud, and its exit status`)
	line(`# 3, when the numbers may be incomplete (rows rejected, a file or column not read), and make it`)
	line(`# fail, replacing nothing, when more than max_rejected of the rows read are rejected.`)
	setting("strict", "true", "exit with status 3 when rows were rejected or a file, table or column was not read")
	setting("max_rejected", `"5%"`, "fail the run when more than this share of the rows read is rejected")
	line("")
	line(`# The report: "form-b" lays it out as the current periodic report form (the online form of the`)
	line(`# reports due on 30 June 2027): measures by goal and area of monitoring, money in USD. "form-a"`)
	line(`# is the form of the 2012–2016 reports; a template file of your own is named by its path.`)
	setting("template", `"form-b"`, "the report template: form-b, form-a, or a template file")
	line("")
	line(`# Not set here; the defaults apply. Remove the leading "#" to set one.`)
	setting(`# title`, `"Periodic report on international cultural cooperation"`, "the report title")
	setting(`# short_title`, `"Periodic report"`, "the title in the PDF's running header, when the title is long")
	setting(`# by`, `"quarter"`, "buckets inside the period: month, quarter or year (default: months for a month or quarter, quarters for a year, years beyond)")
	setting(`# date_order`, `"day-first"`, "how to read 01/02/2025 when nothing in a column says: day-first (1 February) or month-first; until it is set, a run says when it had to rely on the default")
	setting(`# decimal_mark`, `"."`, `"." or ","; by default semicolon-delimited CSV files use "," and every other file "."`)
	setting(`# output`, `"output"`, "the output folder (--out), relative to the folder coopreport is run in")
	setting(`# page_size`, `"A4"`, "A4 or Letter")
	setting(`# language`, `"en"`, "the language of the report and the workbook: en, fr, mn (монгол) or ru (русский)")
	setting(`# country_abbreviations`, "false", "true: in Mongolian and Russian, ОХУ, БНХАУ, КНР… for the countries that have one")
	setting(`# formats`, `["pdf", "docx", "xlsx", "csv"]`, "the outputs to write besides manifest.json (default: all of pdf, docx, html, md, xlsx, csv, checked)")
	setting(`# history`, "12", "how many earlier runs of each period to keep in the output folder's .history, to read again (0 keeps none)")
	setting(`# data_issues_annex`, "false", "leave the annex listing the rejected rows out of the report, for a copy meant for publication (the workbook and rejects.csv still list them)")
	line("")
	line(`# Your own column headers. coopreport knows each column by its name and other names in English,`)
	line(`# Mongolian and Russian (see the README), also inside a longer header ("Date of entry into force"`)
	line(`# is valid_from). A header it cannot place is kept as an extra column, and a header that could be`)
	line(`# two columns stops the run. Map such headers here, one table per kind of sheet (agreements,`)
	line(`# activities, measures, rates, aliases); "extra" keeps a column as an extra column.`)
	line(`# [columns.agreements]`)
	line(`# "Date d'effet" = "valid_from"`)
	line(`# "Notes on funding" = "extra"`)
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
