// Package markdown assembles the report document from templates: Markdown
// with text/template actions, executed on a View of the report made for
// report writers, with functions for English lists, plurals, money,
// dates, tables and charts. The Markdown it writes is what the PDF writer
// draws and what report-<period>.md holds.
package markdown
