// Package chartdata works out what each chart of the report shows, once:
// the PDF draws these numbers and report-<period>.md lists them as tables,
// so the two cannot disagree.
package chartdata
