// Command coopreport turns a ministry's spreadsheets about international
// cultural cooperation into its periodic report: a PDF, an XLSX workbook,
// CSV files and a manifest. See README.md, or run coopreport help.
package main

import (
	"os"
	_ "time/tzdata" // time zones work on machines without a zone database
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
