// Package ingest reads an input folder into checked records: it finds the
// tables, reads them in an order that lets later kinds refer to earlier
// ones (aliases, rates, measures, agreements, activities), turns every
// cell into a typed value, applies the cross-row rules, and accounts for
// every row: rows read = rows accepted + rows rejected, for every file.
//
// Each table is read once (schema.Reader), its rows parsed by one
// goroutine while this one checks them. Agreements, measures, rates and
// aliases are kept in memory; activities, which may be a million, go to
// a spool on disk (spool.go) as runs sorted by date, and a Ledger merges
// the runs back in date order. What cross-row rules need stays in memory
// in small form: ids that other rows refer to in a map, activity ids as
// 64-bit hashes (ids.go).
package ingest
