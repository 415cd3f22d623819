// Package xlsx writes the finance workbook report-<period>.xlsx from a pipeline.Report.
package xlsx
