package markdown_test

import (
	"errors"
	"strings"
	"testing"

	"coopreport/pipeline/render/markdown"
	"coopreport/templates"
)

// goWords are bits of Go a report writer should never read: package and
// type names, text/template's and reflect's phrases, panics.
var goWords = []string{"reflect", "strconv", "runtime", "panic", "markdown.", "pipeline.", "interface {}", "can't evaluate",
	"error calling", "unexpected EOF", "executing", "<.", "not defined", "invoked", "operand", "iterate"}

// checkNoGo fails when err's message speaks Go, or when the Go error it
// translates is not kept for whoever debugs coopreport.
func checkNoGo(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	for _, w := range goWords {
		if strings.Contains(msg, w) {
			t.Errorf("%q holds %q", msg, w)
		}
	}
	var te *markdown.Error
	if errors.As(err, &te) && te.Err == nil && (strings.Contains(msg, "{{end}}") || strings.Contains(msg, "cannot use")) {
		t.Errorf("%q keeps no text/template error", msg)
	}
}

// The default report with one line changed, as a writer breaks it.
func edited(t *testing.T, old, new string) string {
	t.Helper()
	b, err := templates.FS.ReadFile(templates.Default)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("the default report no longer holds %q", old)
	}
	return strings.Replace(string(b), old, new, 1)
}

// Each mistake reads as the writer wrote it: the file, the line of the
// action (for a missing {{end}}, the line of the block it leaves open,
// not the end of the file), the action itself, what is wrong in words and
// a way out; never Go. text/template's message stays in the chain.
func TestErrorWords(t *testing.T) {
	const sample = " (found by a trial run on a sample report)"
	tests := []struct {
		name, text string
		want       string // the whole message
		goErr      string // in the wrapped error, when there is one
	}{
		// Missing {{end}}s.
		{"end of an if", "# Report\n\n{{if .Party}}\nFor {{.Party}}.\n\nMore text.\n",
			"template report.md.tmpl line 3: {{if .Party}} is never closed: add {{end}} where the text shown only when its condition holds should end",
			"unexpected EOF"},
		{"end of a range, with blocks inside closed", "# Report\n\n{{range .Countries}}\n- {{.Name}}{{if .Region}} ({{.Region}}){{end}}\n\n# Next\n\n{{with .Party}}{{.}}{{end}}\n",
			"template report.md.tmpl line 3: {{range .Countries}} is never closed: add {{end}} where the text repeated for each item should end" +
				" (or, if it has one, an {{if}}, {{range}} or {{with}} after it lacks its own)",
			"unexpected EOF"},
		{"end of a with, trim markers, else if, comments and strings", "{{/* {{if .X}} in a comment */}}\n{{- with .Party -}}\n{{if .Title}}a{{else if .Made}}b{{else}}c{{- end}}\n{{printf \"{{range}}\" | raw}}\n",
			"template report.md.tmpl line 2: {{- with .Party -}} is never closed: add {{end}} where the text that uses its value should end" +
				" (or, if it has one, an {{if}}, {{range}} or {{with}} after it lacks its own)",
			"unexpected EOF"},
		{"end deleted from the default report", edited(t, "{{$subtitle}}\n{{- end}}", "{{$subtitle}}"),
			"template report.md.tmpl line 11: {{- if and .Title (ne .Title $subtitle)}} is never closed: add {{end}} where the text shown only when its condition holds should end" +
				" (or, if it has one, an {{if}}, {{range}} or {{with}} after it lacks its own)",
			"unexpected EOF"},
		{"an end too many", "# Report\n{{if .Party}}x{{end}}\n{{end}}\n",
			"template report.md.tmpl line 3: this {{end}} closes nothing: remove it, or add before it the {{if}}, {{range}} or {{with}} it should close",
			"unexpected {{end}}"},
		{"an action without its }}", "# Report\n\nFor {{.Party\nand more\n",
			"template report.md.tmpl line 3: {{.Party … is not closed: end it with }}", ""},

		// Other parse errors.
		{"unknown function", "# Report\n\n{{plurl 3 \"thing\" \"things\"}}\n",
			`template report.md.tmpl line 3: {{plurl 3 "thing" "things"}}: there is no function "plurl"; did you mean plural? (the README lists the functions, under Templates)`,
			`function "plurl" not defined`},
		{"a variable not set", "{{range .Countries}}{{$n := .Name}}{{end}}\n{{$n}}\n",
			"template report.md.tmpl line 2: {{$n}}: $n is used before it is set: set it first with {{$n := …}} (a variable set inside {{if}}, {{range}} or {{with}} is known only until its {{end}})",
			`undefined variable "$n"`},

		// Errors of a run on data.
		{"index out of range", "The first partner is {{index .Countries 99}}.\n",
			"template report.md.tmpl line 1: {{index .Countries 99}}: .Countries has 4 items, numbered 0 to 3, so there is no item 99: " +
				"test its length first, e.g. {{if gt (len .Countries) 99}}…{{end}}, or go through it with {{range .Countries}}" + sample,
			"error calling index"},
		{"index just past the end", "{{with .Countries}}{{index . 4}}{{end}}\n",
			"template report.md.tmpl line 1: {{index . 4}}: the dot (the list at hand) has 4 items, numbered 0 to 3, so there is no item 4: " +
				"test its length first, e.g. {{if gt (len .) 4}}…{{end}}, or go through it with {{range .}}" + sample,
			"error calling index"},
		{"slice out of range", "{{list (slice .Countries 1 99)}}\n",
			"template report.md.tmpl line 1: {{list (slice .Countries 1 99)}}: .Countries has 4 items, numbered 0 to 3, so it cannot be cut at 99: " +
				"test its length first, e.g. {{if ge (len .Countries) 99}}…{{end}}" + sample,
			"error calling slice"},
		{"a text where a number is needed", "Period: {{number .Period.Name}}\n",
			`template report.md.tmpl line 1: {{number .Period.Name}}: number cannot use what it is given: "2023–2025" is not a whole number` + sample,
			"error calling number"},
		{"a constant of the wrong kind", "{{suchAs \"three\" .Countries}}\n",
			`template report.md.tmpl line 1: {{suchAs "three" .Countries}}: "three" is given where a function needs a whole number` + sample,
			`expected integer; found "three"`},
		{"a value of the wrong type", "{{money .Totals.Activities .Totals.Activities}}\n",
			"template report.md.tmpl line 1: {{money .Totals.Activities .Totals.Activities}}: a function is given a whole number where it needs a text" + sample,
			"wrong type for value"},
		{"too few arguments", "{{add .Totals.Activities}}\n",
			"template report.md.tmpl line 1: {{add .Totals.Activities}}: add takes 2 values, and is given 1 here" + sample,
			"wrong number of args"},
		{"too few forms", "{{plural .Totals.Activities \"activity\"}}\n",
			"template report.md.tmpl line 1: {{plural .Totals.Activities \"activity\"}}: plural cannot use what it is given: " +
				"a report in English takes 2 forms of the word (one for 1, one for other numbers), and is given 1: \"activity\"" + sample,
			"forms of the word"},
		{"unknown field", "{{range .Agreements}}{{.Tittle}}{{end}}\n",
			"template report.md.tmpl line 1: {{.Tittle}}: An agreement has no field Tittle; did you mean .Title?" + sample,
			"can't evaluate field Tittle"},
		{"a field of a text", "{{.Period.Name.Short}}\n",
			"template report.md.tmpl line 1: {{.Period.Name.Short}}: A text has no fields, so .Short cannot be taken from it (inside {{range}} or {{with}}, the dot is the item itself)" + sample,
			"can't evaluate field Short in type string"},
		{"range over a text", "{{range .Title}}x{{end}}\n",
			"template report.md.tmpl line 1: {{range .Title}}: range goes through a list, and what it is given is not one (Periodic report)" + sample,
			"range can't iterate"},
		{"compare a text with a number", "{{if eq .Party 3}}x{{end}}\n",
			"template report.md.tmpl line 1: {{if eq .Party 3}}: eq cannot compare a text with a whole number" + sample,
			"incompatible types"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := markdown.Parse("report.md.tmpl", tt.text)
			if err == nil {
				t.Fatal("the template was accepted")
			}
			if err.Error() != tt.want {
				t.Errorf("error\n%s\nwant\n%s", err, tt.want)
			}
			checkNoGo(t, err)
			if tt.goErr != "" {
				inner := errors.Unwrap(err)
				if inner == nil || !strings.Contains(inner.Error(), tt.goErr) {
					t.Errorf("the wrapped error %v does not hold %q", inner, tt.goErr)
				}
			}
		})
	}
}
