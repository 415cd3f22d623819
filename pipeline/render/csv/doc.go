// Package csv writes the machine-readable outputs: summary.csv,
// finance.csv and rejects.csv. Numbers are plain (a point as the decimal
// mark, no grouping, no symbols) and text is UTF-8 without a BOM.
package csv
