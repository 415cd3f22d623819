package templates

import "embed"

// FS holds the default templates, each named by its file name: the
// English ones at the top, those of each other language in the folder of
// its code (fr/report.md.tmpl), under the same names.
//
//go:embed *.tmpl fr/*.tmpl mn/*.tmpl ru/*.tmpl
var FS embed.FS

// Dir is the folder of FS that holds the templates of a language, by its
// code: "" for English.
func Dir(code string) string {
	if code == "" || code == "en" {
		return ""
	}
	return code
}

// Framework is the monitoring framework of the 2005 Convention as the
// current periodic report form words it (framework.toml): its goals and
// areas of monitoring, the cultural domains and the types of entity.
//
//go:embed framework.toml
var Framework []byte

// Default is the file name of the default report's main template; the
// others are partials it includes with {{template "measure.md.tmpl" .}}.
const Default = "report.md.tmpl"

// Builtin names the built-in reports --template accepts, by their main
// template: "default" and "form-a", the form of the 2012–2016 reports
// (one measure as mongolia-measure.txt lays it out); "form-b", the
// current form (the online form of the reports due on 30 June 2027).
var Builtin = map[string]string{
	"default": Default,
	"form-a":  Default,
	"form-b":  "form-b.md.tmpl",
}
