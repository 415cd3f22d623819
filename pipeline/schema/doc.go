// Package schema recognises what a table holds (from its name or its header row) and maps its columns, by name or alias in English, Mongolian or Russian, onto records of raw text, keeping unknown columns.
package schema
