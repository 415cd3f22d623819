// Package aggregate folds agreements and activities into the numbers of
// the output contract: counts and sums by bucket × partner country (and
// currency), for each bucket and for the whole period.
package aggregate
