// Package source finds the input files and yields their raw rows (text
// cells with the row number the spreadsheet program shows) from CSV files
// and XLSX worksheets, one row at a time.
package source
