// Package ingest reads an input folder into checked records: it finds the
// tables, reads them in an order that lets later kinds refer to earlier
// ones (aliases, rates, measures, agreements, activities), turns every
// cell into a typed value, applies the cross-row rules, and accounts for
// every row: rows read = rows accepted + rows rejected, for every file.
package ingest
