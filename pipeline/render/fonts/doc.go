// Package fonts holds the report's typeface, DejaVu Sans in four styles,
// and what every writer that draws text needs to agree on: which
// characters it can draw and how wide a text is.
package fonts
