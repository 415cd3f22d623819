// Package docx writes the report as a Word document (WordprocessingML):
// the same Markdown as the PDF, with Word's own headings, lists, tables,
// captions, fields and pictures, for a draft circulated for comments.
package docx
