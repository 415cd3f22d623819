// Package schema recognises what a table holds (from its name or its
// header row) and maps its columns, by name or alias in English, Mongolian
// or Russian, or by the words of the header, onto records of raw text,
// keeping unknown columns. Reader is the one way records are read, from
// CSV and XLSX alike.
package schema
