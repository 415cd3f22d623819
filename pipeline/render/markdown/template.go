package markdown

import (
	"regexp"

	"coopreport/pipeline/lang"
	"path"

	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"

	"coopreport/pipeline"
	"coopreport/templates"
)

// Template is a parsed report template with the templates it may include.
type Template struct {
	main   string             // the template to execute
	t      *template.Template // every template of the set
	files  map[string]string  // template name → the file to name in errors
	texts  map[string]string  // template name → its text, for errors
	digest string             // SHA-256 of every template text of the set
	lang   lang.Lang          // the language of the built-in templates it takes, and of its trials
}

// Lang is the language the template set was loaded for.
func (t *Template) Lang() lang.Lang { return t.lang }

// Digest identifies the template set: the SHA-256 of the names and texts
// of the main template and every template it includes, the built-in ones
// too. A report made with another digest may read differently.
func (t *Template) Digest() string { return t.digest }

// Error is a mistake in a template, at a place in a template file: a
// parse error, an unknown function, table, chart or partial, an unknown
// field (at Load, which runs the template on trial reports), or a function
// failing on the report's data (at Execute). Error() reads "template FILE
// line N: what is wrong", in words, naming the action as written (see
// errors.go); text/template's own message, written for Go programmers,
// is Err's.
type Error struct {
	File string // the template file, as the user named it
	Line int
	Col  int // 0 when unknown (parse errors give the line only)
	Msg  string
	Err  error // text/template's error, when it came from there
}

func (e *Error) Error() string {
	at := e.File
	if e.Line > 0 {
		at += " line " + strconv.Itoa(e.Line)
	}
	return "template " + at + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Load parses a report template. name "" or "default" is the default
// report embedded in the binary (package templates). Anything else is a
// template file; it may include, with {{template "FILE" .}}, other files
// of its folder and the default partials (measure.md.tmpl,
// annexes.md.tmpl), a file of the folder coming before the default of the
// same name. Every function, table, chart and included template is
// checked here, and the template is run on a sample report with something
// in every list and on a report with no records (see trial), so a
// template that names an unknown one, or an unknown field in any branch,
// fails before any input is read, with the file and line.
func Load(name string) (*Template, error) { return LoadIn(name, lang.English) }

// LoadIn is Load for a report in language l: the built-in templates are
// l's (templates/fr/… for French), and the template is tried on reports
// in l.
func LoadIn(name string, l lang.Lang) (*Template, error) {
	if main, ok := templates.Builtin[name]; ok || name == "" {
		if name == "" {
			main = templates.Default
		}
		return parseSet(builtin(l, main), "", l)
	}
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("template %s: there is no such file (the built-in template is \"default\")", name)
	case err != nil:
		return nil, fmt.Errorf("template %s: %w", name, err)
	case info.IsDir():
		return nil, fmt.Errorf("template %s: this is a folder; give the template file in it", name)
	}
	text, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return parseSet(file{name: filepath.Base(name), path: name, text: string(text)}, filepath.Dir(name), l)
}

// Parse parses text as a template named name (the name errors give), with
// the default partials available to it: for tests and examples, and for
// tools that keep templates elsewhere than in files.
func Parse(name, text string) (*Template, error) {
	return ParseIn(name, text, lang.English)
}

// ParseIn is Parse for a report in language l.
func ParseIn(name, text string, l lang.Lang) (*Template, error) {
	return parseSet(file{name: name, path: name, text: text}, "", l)
}

type file struct {
	name   string // the template's name: the file's base name
	path   string // what errors call it
	text   string
	fsPath string // a built-in template's path in templates.FS
}

// builtin is a default template of language l; its text is read when it
// is parsed.
func builtin(l lang.Lang, name string) file {
	p := path.Join(templates.Dir(l.Code()), name)
	return file{name: name, path: "built-in " + p, fsPath: p}
}

// parseSet parses main, then every template it includes, from dir (when
// not "") or from the defaults, and checks the set. Only included files
// are read, so other files of the folder do not matter.
func parseSet(main file, dir string, l lang.Lang) (*Template, error) {
	t := &Template{main: main.name, files: map[string]string{}, texts: map[string]string{}, lang: l}
	// The set's root is never executed and no file can have its name: a
	// clone would replace the file's template by the empty root.
	t.t = template.New(" root ").Option("missingkey=error").Funcs(builtinFuncs).Funcs(funcs(nil))
	queue := []file{main}
	h := sha256.New()
	for len(queue) > 0 {
		f := queue[0]
		queue = queue[1:]
		if f.text == "" && f.fsPath != "" {
			b, err := fs.ReadFile(templates.FS, f.fsPath)
			if err != nil {
				return nil, err
			}
			f.text = string(b)
		}
		fmt.Fprintf(h, "%d:%s%d:%s", len(f.name), f.name, len(f.text), f.text)
		t.files[f.name] = f.path
		t.texts[f.name] = f.text
		tm, err := t.t.New(f.name).Parse(f.text)
		if err != nil {
			return nil, t.wrap(err)
		}
		for _, inc := range includes(tm) {
			if t.t.Lookup(inc) != nil || t.files[inc] != "" || queued(queue, inc) {
				continue
			}
			if next, ok, err := find(dir, inc, l); err != nil {
				return nil, err
			} else if ok {
				queue = append(queue, next)
			}
		}
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	if err := t.try(); err != nil {
		return nil, err
	}
	t.digest = hex.EncodeToString(h.Sum(nil))
	return t, nil
}

// try runs the template set on the trial reports (see trial), for both
// targets, so that an unknown field or a failing function in a branch
// that the period at hand would skip is found now, with its file and
// line, and not in the first period that takes the branch.
func (t *Template) try() error {
	for _, tr := range trials() {
		r := *tr.r // the trial in the template's language
		r.Lang = t.lang
		v, err := NewView(&r)
		if err != nil {
			return err
		}
		for _, target := range []Target{PDF, Markdown} {
			if _, err := t.ExecuteView(v, target); err != nil {
				if e, ok := err.(*Error); ok {
					e.Msg += " (found by a trial run on " + tr.what + ")"
				}
				return err
			}
		}
	}
	return nil
}

func queued(q []file, name string) bool {
	for _, f := range q {
		if f.name == name {
			return true
		}
	}
	return false
}

// find looks for an included template: a file of dir, else a default.
func find(dir, name string, l lang.Lang) (file, bool, error) {
	if dir != "" && filepath.Base(name) == name {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		switch {
		case err == nil:
			return file{name: name, path: p, text: string(b)}, true, nil
		case !errors.Is(err, fs.ErrNotExist):
			return file{}, false, fmt.Errorf("template %s: %w", p, err)
		}
	}
	if b := builtin(l, name); filepath.Base(name) == name {
		if _, err := fs.Stat(templates.FS, b.fsPath); err == nil {
			return b, true, nil
		}
	}
	return file{}, false, nil
}

// includes lists the templates tm and the templates it defines include.
func includes(tm *template.Template) []string {
	var out []string
	for _, d := range tm.Templates() {
		if d.Tree == nil {
			continue
		}
		walk(d.Tree.Root, func(n parse.Node) {
			if n, ok := n.(*parse.TemplateNode); ok {
				out = append(out, n.Name)
			}
		})
	}
	sort.Strings(out)
	return out
}

// check walks every template of the set: it names unknown tables, charts
// and included templates, and makes every action that prints escape what
// it prints (see Escape), unless it prints Markdown.
func (t *Template) check() error {
	list := t.t.Templates()
	sort.Slice(list, func(i, j int) bool { return list[i].Name() < list[j].Name() })
	for _, tm := range list {
		if tm.Tree == nil || tm.Tree.Root == nil {
			continue
		}
		var err error
		walk(tm.Tree.Root, func(n parse.Node) {
			if err != nil {
				return
			}
			switch n := n.(type) {
			case *parse.TemplateNode:
				if t.t.Lookup(n.Name) == nil {
					err = t.nodeError(tm, n, fmt.Sprintf("there is no template %q to include", n.Name))
				}
			case *parse.CommandNode:
				if len(n.Args) < 2 {
					return
				}
				id, ok := n.Args[0].(*parse.IdentifierNode)
				s, isString := n.Args[1].(*parse.StringNode)
				if !ok || !isString {
					return
				}
				switch {
				case id.Ident == "table" && !known(Tables, s.Text):
					err = t.nodeError(tm, n, fmt.Sprintf("there is no table %q; the tables are %s", s.Text, strings.Join(Tables, ", ")))
				case id.Ident == "chart" && !known(Charts, s.Text):
					err = t.nodeError(tm, n, fmt.Sprintf("there is no chart %q; the charts are %s", s.Text, strings.Join(Charts, ", ")))
				}
			}
		})
		if err != nil {
			return err
		}
		escapeActions(tm.Tree.Root)
	}
	return nil
}

func (t *Template) nodeError(tm *template.Template, n parse.Node, msg string) error {
	loc, _ := tm.Tree.ErrorContext(n)
	e := &Error{Msg: msg}
	name, line, col := splitLocation(loc)
	e.File, e.Line, e.Col = t.path(name), line, col
	if a, ok := actionAt(t.texts[name], line, col); ok {
		e.Msg = a.text(t.texts[name]) + ": " + msg
	}
	return e
}

// splitLocation splits "NAME:LINE:COL".
func splitLocation(loc string) (name string, line, col int) {
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return loc, 0, 0
	}
	line, _ = strconv.Atoi(parts[len(parts)-2])
	col, _ = strconv.Atoi(parts[len(parts)-1])
	return strings.Join(parts[:len(parts)-2], ":"), line, col
}

func (t *Template) path(name string) string {
	if p, ok := t.files[name]; ok {
		return p
	}
	return name
}

// walk calls f for n and every node below it, pipelines and arguments
// included.
func walk(n parse.Node, f func(parse.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, f)
		}
	case *parse.ActionNode:
		walk(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, f)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, f)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walk(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	walk(b.Pipe, f)
	if b.List != nil {
		walk(b.List, f)
	}
	if b.ElseList != nil {
		walk(b.ElseList, f)
	}
}

// escapeActions appends the escaper to every action of list (and of the
// lists inside it) that prints, as html/template does with its escapers.
func escapeActions(list *parse.ListNode) {
	if list == nil {
		return
	}
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if p := n.Pipe; p != nil && len(p.Decl) == 0 {
				id := parse.NewIdentifier(escapeFunc).SetPos(p.Position())
				p.Cmds = append(p.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: p.Position(), Args: []parse.Node{id}})
			}
		case *parse.IfNode:
			escapeActions(n.List)
			escapeActions(n.ElseList)
		case *parse.RangeNode:
			escapeActions(n.List)
			escapeActions(n.ElseList)
		case *parse.WithNode:
			escapeActions(n.List)
			escapeActions(n.ElseList)
		}
	}
}

// wrap turns text/template's "template: NAME:LINE[:COL]: message" into an
// *Error naming the file.
func (t *Template) wrap(err error) error {
	msg := err.Error()
	names := make([]string, 0, len(t.files))
	for n := range t.files {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	for _, n := range names {
		rest, ok := strings.CutPrefix(msg, "template: "+n+":")
		if !ok {
			continue
		}
		e := &Error{File: t.files[n], Err: err}
		var nums []int
		for len(nums) < 2 {
			i := 0
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			if i == 0 || i == len(rest) || rest[i] != ':' {
				break
			}
			v, _ := strconv.Atoi(rest[:i])
			nums = append(nums, v)
			rest = rest[i+1:]
		}
		if len(nums) == 0 {
			continue
		}
		e.Line = nums[0]
		if len(nums) > 1 {
			e.Col = nums[1]
		}
		rest = strings.TrimSpace(rest)
		src := t.texts[n]
		// "executing "NAME" at <.Field>: …": the context text/template
		// gives is cut at 20 characters; the action is taken whole from
		// the text instead.
		if i := strings.Index(rest, "\" at <"); strings.HasPrefix(rest, "executing \"") && i > 0 {
			msg := rest[i+len("\" at <"):]
			if j := strings.Index(msg, ">: "); j >= 0 {
				msg = msg[j+len(">: "):]
			}
			act := ""
			if a, ok := actionAt(src, e.Line, e.Col); ok {
				act = a.text(src)
			}
			e.Msg = explainExec(act, msg, err)
			return e
		}
		e.Line, e.Msg = explainParse(src, e.Line, rest)
		return e
	}
	return fmt.Errorf("template %s: %w", t.path(t.main), err)
}

// Locate finds text written in the templates of the set, outside their
// actions, for a message about something the templates wrote: the file
// (as errors name it) and the line of its first place, the main template
// searched first.
func (t *Template) Locate(text string) (file string, line int, ok bool) {
	if text == "" {
		return "", 0, false
	}
	names := make([]string, 0, len(t.texts))
	for n := range t.texts {
		if n != t.main {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range append([]string{t.main}, names...) {
		src := t.texts[n]
		acts := actions(src)
		for from := 0; ; {
			i := strings.Index(src[from:], text)
			if i < 0 {
				break
			}
			at := from + i
			inAction := false
			for _, a := range acts {
				inAction = inAction || (a.start <= at && at < a.end)
			}
			if !inAction {
				return t.path(n), 1 + strings.Count(src[:at], "\n"), true
			}
			from = at + 1
		}
	}
	return "", 0, false
}

// Execute writes the report r as Markdown for target. It runs the template
// into a buffer, so nothing is returned unless the whole report was
// written; an unknown field or a failing function gives an *Error naming
// the template file and line. Runs of blank lines are collapsed to one.
func (t *Template) Execute(r *pipeline.Report, target Target) ([]byte, error) {
	if r == nil {
		return nil, errors.New("no report to write")
	}
	v, err := NewView(r)
	if err != nil {
		return nil, err
	}
	return t.ExecuteView(v, target)
}

// ExecuteView is Execute on a view made already: a run makes the view of
// its report once, for the PDF and for the Markdown.
func (t *Template) ExecuteView(v *View, target Target) ([]byte, error) {
	c, err := t.t.Clone()
	if err != nil {
		return nil, err
	}
	x := &execution{v: v, target: target}
	c.Funcs(template.FuncMap{"table": x.table, "chart": x.chart, "count": x.count, "pasting": x.pasting, "paste": x.paste})
	c.Funcs(langFuncs(v.Lang))
	var buf bytes.Buffer
	if err := c.ExecuteTemplate(&buf, t.main, x.v); err != nil {
		return nil, t.wrap(err)
	}
	return tidy(endStops(buf.Bytes(), v.Lang)), nil
}

// yearStop is a Russian date or year ending a sentence: its abbreviation's
// point ("2015 г.") and the sentence's.
var yearStop = regexp.MustCompile(`(\d гг?\.)\.`)

// endStops writes one full stop where a Russian date or year ends a
// sentence ("подписано 18 января 2013 г."), however the template puts it.
func endStops(b []byte, l lang.Lang) []byte {
	if l != lang.Russian {
		return b
	}
	return yearStop.ReplaceAll(b, []byte("$1"))
}

// tidy collapses runs of blank lines (templates leave them around their
// actions) into one, trims the spaces lines end with, and ends the text
// with one line break. Two spaces or more at the end of a line followed by
// another line of its paragraph are Markdown's hard line break: they are
// kept (as two).
func tidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := true // no blank lines at the start
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		hard := strings.HasSuffix(l, "  ") && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != ""
		l = strings.TrimRight(l, " \t")
		if hard {
			l += "  "
		}
		out = append(out, l)
		blank = false
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// WriteDefaults writes the default template files into dir (creating it)
// for a report writer to edit; run with --template DIR/report.md.tmpl. It
// refuses to overwrite: if any of the files exists, it writes none and
// returns an *ExistsError naming every one that exists.
func WriteDefaults(dir string) error { return WriteDefaultsIn(dir, lang.English) }

// WriteDefaultsIn is WriteDefaults for the templates of language l.
func WriteDefaultsIn(dir string, l lang.Lang) error {
	names, err := fs.Glob(templates.FS, path.Join(templates.Dir(l.Code()), "*.tmpl"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	exists := &ExistsError{Dir: dir}
	for i, n := range names {
		names[i] = path.Base(n)
	}
	for _, n := range names {
		p := filepath.Join(dir, n)
		if _, err := os.Lstat(p); err == nil {
			exists.Files = append(exists.Files, n)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exists.Files) > 0 {
		return exists
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, n := range names {
		text, err := fs.ReadFile(templates.FS, path.Join(templates.Dir(l.Code()), n))
		if err != nil {
			return err
		}
		p := filepath.Join(dir, n)
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("writing %s: %w", p, err)
		}
		_, err = f.Write(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", p, err)
		}
	}
	return nil
}

// ExistsError is WriteDefaults refusing a folder that holds template
// files of the same names already: it wrote nothing. Error() names the
// folder and the files; it does not say what to do, which is the
// command's to say.
type ExistsError struct {
	Dir   string
	Files []string // base names, sorted
}

func (e *ExistsError) Error() string {
	return e.Dir + " already holds " + list(e.Files)
}
