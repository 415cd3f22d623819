package templates

import "embed"

// FS holds the default templates, each named by its file name.
//
//go:embed *.tmpl
var FS embed.FS

// Default is the file name of the default report's main template; the
// others are partials it includes with {{template "measure.md.tmpl" .}}.
const Default = "report.md.tmpl"
