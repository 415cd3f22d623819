// Package pdf writes the periodic report, report-<period>.pdf, from a
// pipeline.Report with go-pdf/fpdf and the embedded DejaVu Sans fonts.
package pdf
