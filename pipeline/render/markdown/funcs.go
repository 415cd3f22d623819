package markdown

import (
	"coopreport/pipeline/lang"
	"maps"

	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"coopreport/pipeline"
)

// funcs returns the template functions. table and chart need the report
// being executed: at Load they are placeholders (so that parsing knows
// their names), and Execute binds them to the report.
func funcs(x *execution) template.FuncMap {
	m := template.FuncMap{
		escapeFunc:   escapeValue,
		"add":        add,
		"upper":      strings.ToUpper,
		"lower":      strings.ToLower,
		"capital":    capital,
		"paragraphs": paragraphs,
		"raw":        raw,
		"table":      x.table,
		"chart":      x.chart,
		"count":      x.count,
		"pasting":    x.pasting,
		"paste":      x.paste,
	}
	maps.Copy(m, langFuncs(lang.English))
	return m
}

// langFuncs are the functions that write in the report's language: Execute
// binds them to the view's.
func langFuncs(l lang.Lang) template.FuncMap {
	return template.FuncMap{
		"list":    func(args ...any) string { return l.List(items(args)) },
		"suchAs":  func(n int, cs []Country) string { return suchAs(l, n, cs) },
		"the":     func(v any) any { return theFunc(l, v) },
		"plural":  func(n any, forms ...string) (string, error) { return plural(l, n, forms) },
		"form":    func(n any, forms ...string) (string, error) { return form(l, n, forms) },
		"number":  func(n any) (string, error) { return number(l, n) },
		"money":   func(amount any, currency string) (string, error) { return moneyFunc(l, amount, currency) },
		"date":    func(v any) (string, error) { return date(l, v) },
		"ordinal": func(n any) (string, error) { return ordinal(l, n) },
		"suffix":  suffix,
	}
}

// terms are the names of a framework's terms (areas of monitoring,
// cultural domains) as a list in a sentence takes them: in French,
// Mongolian and Russian, only the first keeps its capital ("Musique et arts
// de la scène"); English names keep theirs. A name whose second letter is
// a capital too (an abbreviation: ЮНЕСКО) is left as it is.
func terms(l lang.Lang, xs []string) []string {
	if l == lang.English || l == "" {
		return xs
	}
	out := slices.Clone(xs)
	for i := 1; i < len(out); i++ {
		r := []rune(out[i])
		if len(r) > 1 && unicode.IsUpper(r[1]) {
			continue
		}
		if len(r) > 0 {
			r[0] = unicode.ToLower(r[0])
			out[i] = string(r)
		}
	}
	return out
}

// items flattens the arguments of list: strings, values printed with fmt,
// and slices of either, element by element.
func items(args []any) []string {
	var out []string
	for _, a := range args {
		rv := reflect.ValueOf(a)
		if a != nil && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) {
			if b, ok := a.([]byte); ok {
				out = append(out, string(b))
				continue
			}
			for i := 0; i < rv.Len(); i++ {
				out = append(out, fmt.Sprint(rv.Index(i).Interface()))
			}
			continue
		}
		out = append(out, fmt.Sprint(a))
	}
	kept := out[:0]
	for _, s := range out {
		if s = strings.TrimSpace(s); s != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

// list joins items in English: "A", "A and B", "A, B and C". Items that
// hold a comma themselves are joined with semicolons ("A; B, C; and D"),
// so that each stays readable as one. The template function list joins
// them in the report's language (lang.List).
func list(args ...any) string { return lang.English.List(items(args)) }

// suchAs names the n largest of countries, by the number of agreements in
// force plus activities in the period, then by activities, then by name;
// each formal name with "the" where English needs it, joined by list.
func suchAs(l lang.Lang, n int, countries []Country) string {
	cs := append([]Country(nil), countries...)
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i].InForce+cs[i].Activities, cs[j].InForce+cs[j].Activities
		if a != b {
			return a > b
		}
		if cs[i].Activities != cs[j].Activities {
			return cs[i].Activities > cs[j].Activities
		}
		return cs[i].Name < cs[j].Name
	})
	if n < len(cs) {
		cs = cs[:max(n, 0)]
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.The
	}
	return l.List(names)
}

// theStart are first words of names that take "the"; theWords are words
// that make a name take it wherever they are; theNames are whole names.
var (
	theStart = set("Republic", "Russian", "People's", "People’s", "United", "Democratic", "Kingdom", "Lao",
		"Islamic", "Federal", "Plurinational", "Bolivarian", "Syrian", "Czech", "Philippines", "Netherlands",
		"Socialist", "Holy", "Gambia", "Bahamas", "Congo", "State")
	theWords = set("Republic", "Federation", "Kingdom", "States", "State", "Confederation", "Emirates", "Islands",
		"Union", "Commonwealth", "Principality", "Sultanate", "Duchy",
		"Government", "Ministry", "Embassy", "Theatre", "Theater", "Museum", "University", "Academy", "Council",
		"Agency", "Institute", "Library", "Commission", "Committee", "Association", "Society", "Foundation",
		"Centre", "Center", "Organization", "Organisation", "Office", "Department", "Orchestra", "Ensemble",
		"Conservatory", "Gallery", "Secretariat",
		"Treaty", "Convention", "Protocol", "Charter", "Covenant", "Memorandum", "Programme", "Declaration")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// the puts "the" before a name when English needs it: when its first word
// is one of theStart ("Russian Federation", "Lao People's Democratic
// Republic", "Philippines"), or when it holds one of theWords, such as
// "Republic", "Kingdom", "Islands" or, for institutions, "Government",
// "Ministry", "Theatre" ("Government of Mongolia", "Tianjin Grand
// Theatre") and, for documents, "Treaty" or "Convention". Words in parentheses do not count ("Bolivia (Plurinational
// State of)" stays as it is), nor does a name that already starts with
// "the".
func the(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	check := name
	if i := strings.IndexByte(check, '('); i >= 0 {
		check = check[:i]
	}
	words := strings.FieldsFunc(check, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '-' })
	if len(words) == 0 || strings.EqualFold(words[0], "the") {
		return name
	}
	needs := theStart[words[0]]
	for _, w := range words {
		needs = needs || theWords[w]
	}
	if needs {
		return "the " + name
	}
	return name
}

// theFunc is the template function the: one name, or each name of a list
// (Country and Partner values use their formal names).
// In other languages than English, it is the formal name alone.
func theFunc(l lang.Lang, v any) any {
	the := the
	if l != "" && l != lang.English {
		the = strings.TrimSpace
	}
	rv := reflect.ValueOf(v)
	if v != nil && rv.Kind() == reflect.Slice {
		out := make([]string, rv.Len())
		for i := range out {
			out[i] = the(formalName(rv.Index(i).Interface()))
		}
		return out
	}
	return the(formalName(v))
}

func formalName(v any) string {
	switch v := v.(type) {
	case Country:
		return v.LongName
	case Partner:
		return v.Name
	}
	return fmt.Sprint(v)
}

// toInt64 accepts the numbers a template may hold.
func toInt64(v any) (int64, error) {
	switch n := v.(type) {
	case int:
		return int64(n), nil
	case int64:
		return n, nil
	case int32:
		return int64(n), nil
	case uint:
		return int64(n), nil
	case string:
		i, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64)
		switch {
		case errors.Is(err, strconv.ErrRange):
			return 0, fmt.Errorf("%s is too large a number", strings.TrimSpace(n))
		case err != nil:
			// strconv's message names strconv: the writer reads this.
			return 0, fmt.Errorf("%q is not a whole number", n)
		}
		return i, nil
	}
	return 0, fmt.Errorf("%v (%s) is not a whole number", v, typeWords(fmt.Sprintf("%T", v)))
}

// plural writes a count with its noun in the form the number takes in
// language l (CLDR's plural rules): "1 country", "26 countries", "1,250
// participants"; in Russian from three forms, "21 страна", "22 страны",
// "25 стран".
func plural(l lang.Lang, n any, forms []string) (string, error) {
	i, err := toInt64(n)
	if err != nil {
		return "", err
	}
	return l.Count(i, forms...)
}

// form is plural without the number: the word alone, for sentences that
// write the number elsewhere.
func form(l lang.Lang, n any, forms []string) (string, error) {
	i, err := toInt64(n)
	if err != nil {
		return "", err
	}
	return l.Form(i, forms...)
}

// number writes a whole number with thousands grouped as language l
// does: "12,345", "12 345".
func number(l lang.Lang, n any) (string, error) {
	i, err := toInt64(n)
	if err != nil {
		return "", err
	}
	return l.Int(i), nil
}

// suffix attaches a Mongolian case suffix to the last word of a text in
// the form its vowels take ({{suffix "тай" "Япон"}} is "Японтой",
// {{suffix "тай" "ОХУ"}} "ОХУ-тай"): see lang.Suffix.
func suffix(s string, text any) string { return lang.Suffix(fmt.Sprint(text), s) }

// moneyFunc writes an amount with thousands grouped and its currency's
// ISO 4217 minor units, then the code: "12,500,000.00 MNT", "1,200,000
// JPY". Digits given beyond the minor units are kept, never rounded away,
// so that the report shows what the CSV files hold. The amount is a
// Decimal from the view or a plain number written as text ("12500000").
func moneyFunc(l lang.Lang, amount any, currency string) (string, error) {
	var d pipeline.Decimal
	switch a := amount.(type) {
	case pipeline.Decimal:
		d = a
	case *pipeline.Decimal:
		if a == nil {
			return "", nil
		}
		d = *a
	case string:
		var err error
		if d, err = pipeline.ParseDecimal(strings.TrimSpace(a)); err != nil {
			return "", fmt.Errorf("money: %q is not a plain number such as 1250000.50", a)
		}
	case int, int64:
		i, _ := toInt64(a)
		d = pipeline.NewDecimal(i, 0)
	default:
		return "", fmt.Errorf("money: %v (%T) is not an amount", amount, amount)
	}
	s := l.Digits(pipeline.Plain(d, currency))
	if currency == "" {
		return s, nil
	}
	return s + " " + currency, nil
}

// date writes a date out: "23 September 2015". It takes a view Date, a
// time (its calendar date where it is) or an ISO date as text.
func date(l lang.Lang, v any) (string, error) {
	d, err := toDate("date", v)
	return l.Date(d.Year, d.Month, d.Day), err
}

// toDate reads a template's argument as a date; "" is the zero date.
func toDate(fn string, v any) (pipeline.Date, error) {
	switch d := v.(type) {
	case Date:
		return d.d, nil
	case pipeline.Date:
		return d, nil
	case time.Time:
		return pipeline.DateOf(d), nil
	case string:
		if strings.TrimSpace(d) == "" {
			return pipeline.Date{}, nil
		}
		t, err := time.Parse("2006-01-02", strings.TrimSpace(d))
		if err != nil {
			return pipeline.Date{}, fmt.Errorf("%s: %q is not a date written as 2015-09-23", fn, d)
		}
		return pipeline.DateOf(t), nil
	}
	return pipeline.Date{}, fmt.Errorf("%s: %v (%T) is not a date", fn, v, v)
}

// ordinal writes 1 as "1st", 2 as "2nd", 11 as "11th", 23 as "23rd";
// in French "1er", "2e"; in Russian "1-й"; in Mongolian "1-р".
func ordinal(l lang.Lang, n any) (string, error) {
	i, err := toInt64(n)
	if err != nil {
		return "", err
	}
	switch l {
	case lang.French:
		if i == 1 {
			return "1er", nil
		}
		return strconv.FormatInt(i, 10) + "e", nil
	case lang.Russian:
		return strconv.FormatInt(i, 10) + "-й", nil
	case lang.Mongolian:
		return strconv.FormatInt(i, 10) + "-р", nil
	}
	suffix := "th"
	if m := abs(i) % 100; m < 11 || m > 13 {
		switch abs(i) % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.FormatInt(i, 10) + suffix, nil
}

func abs(i int64) int64 {
	if i < 0 {
		return -i
	}
	return i
}

// add adds whole numbers: {{$n = add $n 1}} counts in a template.
func add(a, b any) (int64, error) {
	x, err := toInt64(a)
	if err != nil {
		return 0, err
	}
	y, err := toInt64(b)
	if err != nil {
		return 0, err
	}
	return x + y, nil
}

// capital makes the first letter upper case: "the Government" → "The
// Government".
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// paragraphs writes a text that may hold line breaks as Markdown
// paragraphs, one for each non-blank line, each escaped.
func paragraphs(s any) Raw {
	var out []string
	for _, line := range strings.Split(fmt.Sprint(s), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, Escape(line))
		}
	}
	return Raw(strings.Join(out, "\n\n"))
}

// raw inserts a text unescaped: for texts written in Markdown in the input.
func raw(s any) Raw { return Raw(fmt.Sprint(s)) }
