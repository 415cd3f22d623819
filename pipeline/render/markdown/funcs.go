package markdown

import (
	"errors"
	"fmt"
	"reflect"
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
	return template.FuncMap{
		escapeFunc:   escapeValue,
		"list":       list,
		"suchAs":     suchAs,
		"the":        theFunc,
		"plural":     plural,
		"number":     number,
		"money":      moneyFunc,
		"date":       date,
		"ordinal":    ordinal,
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
// so that each stays readable as one.
func list(args ...any) string {
	xs := items(args)
	sep, last := ", ", " and "
	for _, s := range xs {
		if strings.Contains(s, ",") {
			sep, last = "; ", "; and "
			break
		}
	}
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	case 2:
		return xs[0] + " and " + xs[1]
	}
	return strings.Join(xs[:len(xs)-1], sep) + last + xs[len(xs)-1]
}

// suchAs names the n largest of countries, by the number of agreements in
// force plus activities in the period, then by activities, then by name;
// each formal name with "the" where English needs it, joined by list.
func suchAs(n int, countries []Country) string {
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
	return list(names)
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
func theFunc(v any) any {
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

// plural writes a count with its noun: "1 country", "26 countries",
// "1,250 participants".
func plural(n any, one, many string) (string, error) {
	i, err := toInt64(n)
	if err != nil {
		return "", err
	}
	if i == 1 {
		return "1 " + one, nil
	}
	return pipeline.GroupDigits(strconv.FormatInt(i, 10)) + " " + many, nil
}

// number writes a whole number with thousands grouped: "12,345".
func number(n any) (string, error) {
	i, err := toInt64(n)
	if err != nil {
		return "", err
	}
	return pipeline.GroupDigits(strconv.FormatInt(i, 10)), nil
}

// moneyFunc writes an amount with thousands grouped and its currency's
// ISO 4217 minor units, then the code: "12,500,000.00 MNT", "1,200,000
// JPY". Digits given beyond the minor units are kept, never rounded away,
// so that the report shows what the CSV files hold. The amount is a
// Decimal from the view or a plain number written as text ("12500000").
func moneyFunc(amount any, currency string) (string, error) {
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
	s := pipeline.Grouped(d, currency)
	if currency == "" {
		return s, nil
	}
	return s + " " + currency, nil
}

// date writes a date out: "23 September 2015". It takes a view Date, a
// time (its calendar date where it is) or an ISO date as text.
func date(v any) (string, error) {
	switch d := v.(type) {
	case Date:
		return d.String(), nil
	case pipeline.Date:
		return d.Long(), nil
	case time.Time:
		return pipeline.DateOf(d).Long(), nil
	case string:
		if strings.TrimSpace(d) == "" {
			return "", nil
		}
		t, err := time.Parse("2006-01-02", strings.TrimSpace(d))
		if err != nil {
			return "", fmt.Errorf("date: %q is not a date written as 2015-09-23", d)
		}
		return pipeline.DateOf(t).Long(), nil
	}
	return "", fmt.Errorf("date: %v (%T) is not a date", v, v)
}

// ordinal writes 1 as "1st", 2 as "2nd", 11 as "11th", 23 as "23rd".
func ordinal(n any) (string, error) {
	i, err := toInt64(n)
	if err != nil {
		return "", err
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
