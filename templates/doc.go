// Package templates holds the default report templates: Markdown with Go
// template actions, embedded in the binary. Package
// coopreport/pipeline/render/markdown loads and executes them; `coopreport
// templates` writes them out for a report writer to edit.
//
// The files are
//
//	report.md.tmpl    the report: cover, contents, summary, measures, tables, charts, annexes
//	measure.md.tmpl   one measure, laid out as the periodic report form has it
//	annexes.md.tmpl   the annexes: agreements in force, activities, data issues
package templates
