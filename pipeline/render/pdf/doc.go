// Package pdf draws the periodic report, report-<period>.pdf, from its
// Markdown text (the dialect is in markdown.go) and the numbers of a
// pipeline.Report, with go-pdf/fpdf and the embedded DejaVu Sans fonts.
package pdf
