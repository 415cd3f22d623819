package markdown

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"coopreport/pipeline/suggest"
)

// text/template's messages are written for Go programmers: "unexpected
// EOF" for a missing {{end}}, "can't evaluate field Tittle in type
// markdown.Agreement", "error calling plural: strconv.ParseInt: parsing
// "x": invalid syntax". Report writers read these instead, in words, with
// the action as they wrote it and a way out; the Go error stays in
// Error.Err for whoever debugs coopreport.

// action is one {{…}} of a template's text.
type action struct {
	start, end int    // byte offsets of "{{" and after "}}" (or the end of the text)
	line       int    // the line "{{" is on, from 1
	word       string // the keyword it starts with (if, range, end, …), or ""
	closed     bool   // it ends with "}}"
	comment    bool
}

// text is the action as written, shortened to a line.
func (a action) text(src string) string {
	s := src[a.start:a.end]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

// actions finds the actions of src as text/template's lexer does: "{{",
// an optional "- " trim marker, a comment /* … */ or words, strings ("…",
// `…`, '…') that may hold braces, up to "}}". An action without "}}"
// runs to the end of the text.
func actions(src string) []action {
	var out []action
	line, at := 1, 0 // line is the line of src[at]
	lineAt := func(off int) int {
		line += strings.Count(src[at:off], "\n")
		at = off
		return line
	}
	for i := 0; ; {
		j := strings.Index(src[i:], "{{")
		if j < 0 {
			return out
		}
		a := action{start: i + j, line: lineAt(i + j)}
		k := a.start + 2
		if strings.HasPrefix(src[k:], "-") && k+1 < len(src) && strings.ContainsRune(" \t\r\n", rune(src[k+1])) {
			k++
		}
		for k < len(src) && strings.ContainsRune(" \t\r\n", rune(src[k])) {
			k++
		}
		if strings.HasPrefix(src[k:], "/*") {
			a.comment = true
			if e := strings.Index(src[k+2:], "*/"); e >= 0 {
				k += 2 + e + 2
			} else {
				k = len(src)
			}
		} else {
			w := k
			for w < len(src) && (src[w] >= 'a' && src[w] <= 'z') {
				w++
			}
			a.word = src[k:w]
		}
		k = actionEnd(src, k)
		a.end, a.closed = k, strings.HasSuffix(src[:k], "}}")
		out = append(out, a)
		i = k
	}
}

// actionEnd returns the offset after the "}}" that ends an action whose
// words start at k, skipping strings; len(src) when there is none.
func actionEnd(src string, k int) int {
	for k < len(src) {
		switch c := src[k]; c {
		case '}':
			if strings.HasPrefix(src[k:], "}}") {
				return k + 2
			}
			k++
		case '"', '\'':
			k++
			for k < len(src) && src[k] != c && src[k] != '\n' {
				if src[k] == '\\' {
					k++
				}
				k++
			}
			k++
		case '`':
			if e := strings.IndexByte(src[k+1:], '`'); e >= 0 {
				k += e + 2
			} else {
				k = len(src)
			}
		default:
			k++
		}
	}
	return len(src)
}

// opens says what each kind of block holds, for the message of one left
// open.
var opens = map[string]string{
	"if":     "where the text shown only when its condition holds should end",
	"range":  "where the text repeated for each item should end",
	"with":   "where the text that uses its value should end",
	"block":  "at the end of the block",
	"define": "at the end of the definition",
}

// unclosed explains a template text/template found to end inside a
// block ("unexpected EOF"): the line and action of the innermost block
// left open, by counting blocks and {{end}}s as text/template does. A
// block that has others inside it may really be fine, with its {{end}}
// taken by one of them that lacks its own: the message says so then.
func unclosed(src string) (line int, msg string, ok bool) {
	type open struct {
		a     action
		inner bool // a block inside it was closed
	}
	var stack []open
	for _, a := range actions(src) {
		switch {
		case a.word == "end" && len(stack) > 0:
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				stack[len(stack)-1].inner = true
			}
		case opens[a.word] != "":
			stack = append(stack, open{a: a})
		}
	}
	if len(stack) == 0 {
		return 0, "", false
	}
	o := stack[len(stack)-1]
	msg = fmt.Sprintf("%s is never closed: add {{end}} %s", o.a.text(src), opens[o.a.word])
	if o.inner {
		msg += " (or, if it has one, an {{if}}, {{range}} or {{with}} after it lacks its own)"
	}
	return o.a.line, msg, true
}

// unterminated finds an action that never reaches its "}}": the parser
// reads on into the text after it and blames a word there.
func unterminated(src string) (action, bool) {
	for _, a := range actions(src) {
		if !a.closed {
			return a, true
		}
	}
	return action{}, false
}

// actionAt returns the action that holds line:col of src, col being a
// byte offset in the line from 0, as text/template counts.
func actionAt(src string, line, col int) (action, bool) {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return action{}, false
		}
		off += i + 1
	}
	off += col
	for _, a := range actions(src) {
		if a.start <= off && off < a.end {
			return a, true
		}
	}
	return action{}, false
}

// onLine returns the action on line that holds word (any when word is ""),
// if exactly one does.
func onLine(src string, line int, word string) (action, bool) {
	var found []action
	for _, a := range actions(src) {
		if a.line == line && (word == "" || strings.Contains(src[a.start:a.end], word)) {
			found = append(found, a)
		}
	}
	if len(found) != 1 {
		return action{}, false
	}
	return found[0], true
}

var (
	notDefinedRE = regexp.MustCompile(`^function "([^"]+)" not defined$`)
	undefVarRE   = regexp.MustCompile(`^undefined variable "([^"]+)"$`)
	unexpectedRE = regexp.MustCompile(`^unexpected (.+?) in (.+)$`)
	badCharRE    = regexp.MustCompile(`^bad character U\+[0-9A-F]+ '(.+)'$`)
	badNumberRE  = regexp.MustCompile(`^bad number syntax: "(.*)"$`)
)

// explainParse turns a parse error of text/template, at line of src, into
// the line to name and words.
func explainParse(src string, line int, msg string) (int, string) {
	if a, ok := unterminated(src); ok && a.line <= line {
		end := "}}"
		if a.comment {
			end = "*/}}"
		}
		return a.line, fmt.Sprintf("%s is not closed: end it with %s", a.text(src), end)
	}
	quote := func(word string) string {
		if a, ok := onLine(src, line, word); ok {
			return a.text(src) + ": "
		}
		return ""
	}
	switch m := msg; {
	case m == "unexpected EOF":
		if l, s, ok := unclosed(src); ok {
			return l, s
		}
		return line, "the template ends inside an {{if}}, {{range}} or {{with}}: each needs its {{end}}"
	case m == "unexpected {{end}}":
		return line, "this {{end}} closes nothing: remove it, or add before it the {{if}}, {{range}} or {{with}} it should close"
	case m == "unexpected {{else}}":
		return line, "this {{else}} is outside any {{if}}, {{range}} or {{with}}: remove it, or add the {{if …}} it belongs to"
	case m == "expected end; found {{else}}":
		return line, "a second {{else}} in the same {{if}}: write {{else if …}} for a second condition"
	case notDefinedRE.MatchString(m):
		name := notDefinedRE.FindStringSubmatch(m)[1]
		s := quote(name) + fmt.Sprintf("there is no function %q", name)
		if near := nearest(name, funcNames()); near != "" {
			s += fmt.Sprintf("; did you mean %s?", near)
		}
		return line, s + " (the README lists the functions, under Templates)"
	case undefVarRE.MatchString(m):
		v := undefVarRE.FindStringSubmatch(m)[1]
		return line, quote(v) + fmt.Sprintf("%s is used before it is set: set it first with {{%s := …}} (a variable set inside {{if}}, {{range}} or {{with}} is known only until its {{end}})", v, v)
	case strings.HasPrefix(m, "missing value for "):
		what := strings.TrimPrefix(m, "missing value for ")
		return line, fmt.Sprintf("{{%s}} needs a value to test, e.g. {{%s .Party}}", what, what)
	case m == "unterminated quoted string", m == "unterminated raw quoted string":
		return line, quote("") + "a text in quotes is not closed: add the closing quote"
	case m == "unclosed comment":
		return line, "a comment {{/* is not closed: end it with */}}"
	case m == "comment ends before closing delimiter":
		return line, quote("/*") + "a comment must end with */}}, with nothing between */ and }}"
	case m == "unclosed left paren":
		return line, quote("(") + "a ( is not closed: add the )"
	case m == "unexpected right paren":
		return line, quote(")") + "a ) closes no ("
	case badCharRE.MatchString(m):
		c := badCharRE.FindStringSubmatch(m)[1]
		if c == "}" {
			return line, quote("}") + "an action ends with two braces, }}"
		}
		return line, quote(c) + fmt.Sprintf("%s cannot stand inside {{ }} outside quotes", c)
	case badNumberRE.MatchString(m):
		n := badNumberRE.FindStringSubmatch(m)[1]
		return line, quote(n) + fmt.Sprintf("%s is not a number", n)
	case unexpectedRE.MatchString(m):
		sm := unexpectedRE.FindStringSubmatch(m)
		return line, quote("") + fmt.Sprintf("%s is out of place here; see the README, under Templates, for how actions are written", sm[1])
	}
	return line, quote("") + msg
}

// The exec errors of text/template, after "executing "NAME" at <…>: ".
var (
	fieldRE      = regexp.MustCompile(`^can't evaluate field (\S+) in type (\S+)$`)
	callingRE    = regexp.MustCompile(`^error calling (\S+): (.*)$`)
	wrongTypeRE  = regexp.MustCompile(`^wrong type for value; expected (\S+); got (\S+)$`)
	expectedRE   = regexp.MustCompile(`^expected (bool|string|integer|unsigned integer|float|complex); found (.+)$`)
	argsRE       = regexp.MustCompile(`^wrong number of args for (\S+): want (at least )?(\d+) got (\d+)$`)
	nilPtrRE     = regexp.MustCompile(`^nil pointer evaluating (\S+)\.(\S+)$`)
	rangeOverRE  = regexp.MustCompile(`^range can't iterate over (.*)$`)
	comparisonRE = regexp.MustCompile(`^incompatible types for comparison: (\S+) and (\S+)$`)
	nonFuncRE    = regexp.MustCompile(`^(?:can't give argument to non-function (\S+)|(\S+) is not a method but has arguments|(\S+) has arguments but cannot be invoked as function)$`)
	sliceIndexRE = regexp.MustCompile(`^invalid slice index: (\d+) > (\d+)$`)
	lenOfRE      = regexp.MustCompile(`^len of (?:type (\S+)|nil pointer)$`)
	strconvRE    = regexp.MustCompile(`strconv\.Parse\w+: parsing "(.*)": (invalid syntax|value out of range)`)
	goTypeRE     = regexp.MustCompile(`\*?\[?\]?(markdown|pipeline)\.[A-Z]\w*`)
)

// explainExec turns an execution error of text/template into words; act
// is the action as written ("" when it cannot be found), err the error
// text/template returned.
func explainExec(act, msg string, err error) string {
	at := ""
	if act != "" {
		at = act + ": "
	}
	if re := (*rangeError)(nil); errors.As(err, &re) {
		return at + re.explain(act)
	}
	switch m := msg; {
	case fieldRE.MatchString(m):
		sm := fieldRE.FindStringSubmatch(m)
		field, typ := sm[1], sm[2]
		t, ok := viewTypes()[strings.TrimPrefix(typ, "*")]
		if !ok {
			return at + fmt.Sprintf("%s has no fields, so .%s cannot be taken from it (inside {{range}} or {{with}}, the dot is the item itself)", capital(typeWords(typ)), field)
		}
		s := fmt.Sprintf("%s has no field %s", capital(typeWords(typ)), field)
		names := fieldNames(t)
		switch near := nearest(field, names); {
		case near != "":
			s += fmt.Sprintf("; did you mean .%s?", near)
		case len(names) <= 12:
			s += "; its fields are " + list(names)
		default:
			s += "; the README lists the fields, under Templates"
		}
		return at + s
	case wrongTypeRE.MatchString(m):
		sm := wrongTypeRE.FindStringSubmatch(m)
		return at + fmt.Sprintf("a function is given %s where it needs %s", typeWords(sm[2]), typeWords(sm[1]))
	case expectedRE.MatchString(m):
		sm := expectedRE.FindStringSubmatch(m)
		want := map[string]string{"bool": "true or false", "string": "a text", "integer": "a whole number",
			"unsigned integer": "a whole number", "float": "a number", "complex": "a number"}[sm[1]]
		return at + fmt.Sprintf("%s is given where a function needs %s", sm[2], want)
	case argsRE.MatchString(m):
		sm := argsRE.FindStringSubmatch(m)
		return at + fmt.Sprintf("%s takes %s%s, and is given %s here", sm[1], sm[2], plurals(sm[3], "value"), sm[4])
	case nilPtrRE.MatchString(m):
		sm := nilPtrRE.FindStringSubmatch(m)
		return at + fmt.Sprintf("there is no %s here to take .%s from: test it first, with {{with …}}", strings.TrimPrefix(typeWords(sm[1]), "a "), sm[2])
	case rangeOverRE.MatchString(m):
		v := rangeOverRE.FindStringSubmatch(m)[1]
		if len(v) > 40 {
			v = v[:37] + "…"
		}
		return at + fmt.Sprintf("range goes through a list, and what it is given is not one (%s)", v)
	case comparisonRE.MatchString(m):
		sm := comparisonRE.FindStringSubmatch(m)
		return at + fmt.Sprintf("%s cannot be compared with %s", typeWords(sm[1]), typeWords(sm[2]))
	case nonFuncRE.MatchString(m):
		sm := nonFuncRE.FindStringSubmatch(m)
		name := sm[1] + sm[2] + sm[3]
		if !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "$") {
			name = "." + name
		}
		return at + fmt.Sprintf("%s is a value, not a function: it takes nothing after it (put it in parentheses to give it to a function)", name)
	case strings.HasPrefix(m, "exceeded maximum template depth"):
		return at + "the templates include one another without end"
	case callingRE.MatchString(m):
		sm := callingRE.FindStringSubmatch(m)
		fn, inner := sm[1], strings.TrimPrefix(sm[2], sm[1]+": ")
		switch {
		case comparisonRE.MatchString(inner):
			sm := comparisonRE.FindStringSubmatch(inner)
			return at + fmt.Sprintf("%s cannot compare %s with %s", fn, typeWords(sm[1]), typeWords(sm[2]))
		case sliceIndexRE.MatchString(inner):
			sm := sliceIndexRE.FindStringSubmatch(inner)
			return at + fmt.Sprintf("slice cannot cut from %s to %s: the first index must not be larger than the second", sm[1], sm[2])
		case lenOfRE.MatchString(inner):
			return at + fmt.Sprintf("len counts the items of a list or the bytes of a text, and is given %s", typeWords(lenOfRE.FindStringSubmatch(inner)[1]))
		}
		return at + fmt.Sprintf("%s cannot use what it is given: %s", fn, plain(inner))
	}
	return at + plain(msg)
}

// plain rewrites what is left of Go in a message: strconv's parse errors
// into words, Go type names into the view's; a message that still speaks
// Go (a panic, reflect) is not repeated.
func plain(msg string) string {
	msg = strconvRE.ReplaceAllStringFunc(msg, func(s string) string {
		sm := strconvRE.FindStringSubmatch(s)
		if sm[2] == "value out of range" {
			return fmt.Sprintf("%s is too large", sm[1])
		}
		return fmt.Sprintf("%q is not a number", sm[1])
	})
	msg = goTypeRE.ReplaceAllStringFunc(msg, typeWords)
	for _, goish := range []string{"reflect", "runtime error", "strconv.", "panic", "interface {}", "nil pointer"} {
		if strings.Contains(msg, goish) {
			return "it failed on this report's data; simplify the action, or test its values first with {{if}} or {{with}}"
		}
	}
	return msg
}

// explain says, for the action act, which index does not exist and what
// to do.
func (e *rangeError) explain(act string) string {
	what := "the " + e.kind
	switch arg := firstArg(act, e.fn); arg {
	case "":
	case ".":
		what = "the dot (the " + e.kind + " at hand)"
	default:
		what = arg
	}
	has := fmt.Sprintf("%s is empty", what)
	if e.len > 0 {
		has = fmt.Sprintf("%s has %s, numbered 0 to %d", what, plurals(strconv.Itoa(e.len), map[string]string{"list": "item", "text": "byte"}[e.kind]), e.len-1)
	}
	if e.index < 0 {
		return fmt.Sprintf("%s; a negative index such as %d does not exist", has, e.index)
	}
	list := firstArg(act, e.fn)
	if list == "" {
		list = "LIST"
	}
	if e.fn == "slice" {
		return fmt.Sprintf("%s, so it cannot be cut at %d: test its length first, e.g. {{if ge (len %s) %d}}…{{end}}", has, e.index, list, e.index)
	}
	s := fmt.Sprintf("%s, so there is no item %d: test its length first, e.g. {{if gt (len %s) %d}}…{{end}}", has, e.index, list, e.index)
	if e.kind == "list" {
		s += fmt.Sprintf(", or go through it with {{range %s}}", list)
	}
	return s
}

// firstArg returns the argument after fn in act when it is a field or a
// variable (".Countries", "$m.Agencies", "."), else "".
func firstArg(act, fn string) string {
	i := strings.Index(act, fn+" ")
	if i < 0 {
		return ""
	}
	f := strings.Fields(act[i+len(fn):])
	if len(f) == 0 || !strings.ContainsAny(f[0][:1], ".$") {
		return ""
	}
	return strings.TrimRight(f[0], ")}")
}

func plurals(n, noun string) string {
	if n == "1" {
		return "1 " + noun
	}
	return n + " " + noun + "s"
}

// typeWords names a Go type of the view as a writer knows it.
func typeWords(typ string) string {
	typ = strings.TrimPrefix(typ, "*")
	if w, ok := map[string]string{
		"markdown.View": "the report", "markdown.Period": "the period", "markdown.Bucket": "a bucket",
		"markdown.Date": "a date", "markdown.Country": "a country", "markdown.Partner": "a partner",
		"markdown.Totals": "the totals", "markdown.Money": "a sum of money", "markdown.Row": "a row",
		"markdown.Agreement": "an agreement", "markdown.Activity": "an activity",
		"markdown.ActivityList": "a list of activities", "markdown.MeetingList": "a list of meetings",
		"markdown.Meeting": "a meeting", "markdown.Measure": "a measure", "markdown.Field": "an extra column",
		"markdown.Raw": "Markdown text", "pipeline.Decimal": "an amount", "time.Time": "a time",
		"string": "a text", "int": "a whole number", "int64": "a whole number", "bool": "true or false",
		"float64": "a number", "interface {}": "a value", "reflect.Value": "a value", "<nil>": "nothing", "": "nothing",
	}[typ]; ok {
		return w
	}
	if elem, ok := strings.CutPrefix(typ, "[]"); ok {
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(typeWords(elem), "a "), "an ") + "s"
	}
	if _, name, ok := strings.Cut(typ, "."); ok {
		return name
	}
	return typ
}

// viewTypes are the types a template's dot may be, by Go name.
func viewTypes() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for _, v := range []any{&View{}, Period{}, Bucket{}, Date{}, Country{}, Partner{}, Totals{}, Money{}, Row{},
		Agreement{}, Activity{}, ActivityList{}, MeetingList{}, Meeting{}, Measure{}, Field{}} {
		t := reflect.TypeOf(v)
		m[strings.TrimPrefix(t.String(), "*")] = t
	}
	return m
}

// fieldNames are the fields and methods a template may take from t.
func fieldNames(t reflect.Type) []string {
	var out []string
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	for _, f := range reflect.VisibleFields(st) {
		if f.IsExported() && !f.Anonymous {
			out = append(out, f.Name)
		}
	}
	for i := 0; i < t.NumMethod(); i++ {
		if m := t.Method(i).Name; m != "String" {
			out = append(out, m)
		}
	}
	return out
}

func funcNames() []string {
	var out []string
	for n := range funcs(nil) {
		if n != escapeFunc {
			out = append(out, n)
		}
	}
	return append(out, "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge", "call", "html", "js", "urlquery")
}

// nearest returns the name of names closest to name: the same but for
// case, or one or two edits away; "" when none is.
func nearest(name string, names []string) string {
	names = slices.Sorted(slices.Values(names))
	best, bestD := "", 3
	limit := 2
	if len([]rune(name)) <= 4 {
		limit = 1
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return n
		}
		if d := suggest.Between([]rune(strings.ToLower(name)), []rune(strings.ToLower(n)), limit); d <= limit && d < bestD {
			best, bestD = n, d
		}
	}
	return best
}
