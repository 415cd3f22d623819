// Package xlsxzip is the zip writer excelize saves the workbooks through
// (the report's and the checked copies): the same workbook in the same
// bytes, compressed as it is written, large entries spilled to disk.
package xlsxzip
