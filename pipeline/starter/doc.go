// Package starter makes a ready-to-fill input folder: a workbook with the canonical sheets, drop-down lists, formats, example rows and instructions, and a commented coopreport.toml.
package starter
