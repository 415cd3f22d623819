// Package aggregate folds agreements and activities into the numbers of
// the output contract: counts and exact sums by bucket × partner country
// (and currency), for each bucket and for the whole period, and every
// total over partners and currencies the writers show, so that no writer
// adds anything up. Report is the one entry point: it reads the ledger
// once, and what it holds does not grow with the rows.
package aggregate
