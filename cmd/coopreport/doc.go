// Command coopreport turns a ministry's spreadsheets about international
// cultural cooperation into its periodic report: a PDF, an XLSX workbook,
// CSV files and a manifest. See README.md, or run coopreport help.
package main
