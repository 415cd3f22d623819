// Package langtest checks the words tables of package lang in the tests of
// the packages that hold them.
package langtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"coopreport/pipeline/lang"
)

// Complete fails t for each text of table that lacks a language, whose
// translation has other formatting verbs than the English, or, for the
// forms of a word ("agreement|agreements", see lang.Table.Form), another
// number of forms than the language takes.
func Complete(t testing.TB, table lang.Table) {
	t.Helper()
	for en, w := range table {
		for _, x := range []struct {
			l lang.Lang
			s string
		}{{lang.French, w.FR}, {lang.Mongolian, w.MN}, {lang.Russian, w.RU}} {
			if x.s == "" {
				t.Errorf("%q has no %s", en, x.l.Name())
			} else if verbs(x.s) != verbs(en) {
				t.Errorf("%q in %s, %q, has other formatting verbs", en, x.l.Name(), x.s)
			} else if strings.Contains(en, "|") && strings.Count(x.s, "|")+1 != x.l.Forms() {
				t.Errorf("%q in %s, %q, gives %d forms of the word; %s takes %d", en, x.l.Name(), x.s,
					strings.Count(x.s, "|")+1, x.l.Name(), x.l.Forms())
			}
		}
	}
}

// verbs counts the formatting verbs of a text.
func verbs(s string) int { return strings.Count(s, "%") - 2*strings.Count(s, "%%") }

// lookups are the names of the functions and methods that look a text up
// in a words table by its English: the tables' own (In, F, Form, Count)
// and the packages' shorthands for them.
var lookups = map[string]bool{"In": true, "F": true, "Form": true, "Count": true,
	"w": true, "f": true, "wf": true, "in": true, "formIn": true, "countIn": true, "countOf": true}

// notTables are packages with functions of the lookups' names.
var notTables = map[string]bool{"strings": true, "bytes": true, "utf8": true, "fmt": true}

// Used fails t for each text the package in dir looks up in table by a
// literal (words.In(l, "Agreements"), v.w("Total")…) that table does not
// hold: such a text would be written in English whatever the language.
// Texts put together at run time ("… in any " + by) are not seen here;
// the tests of each language find them in the outputs.
func Used(t testing.TB, dir string, table lang.Table) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var name string
				switch fn := call.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					if x, ok := fn.X.(*ast.Ident); ok && notTables[x.Name] {
						return true // strings.Count and the like
					}
					name = fn.Sel.Name
				}
				if !lookups[name] {
					return true
				}
				for _, a := range call.Args {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					s, err := strconv.Unquote(lit.Value)
					if err != nil || s == "" {
						continue
					}
					if _, ok := table[s]; !ok {
						t.Errorf("%s: %s(…%q…) is not in the words table", fset.Position(lit.Pos()), name, s)
					}
					break // the first text argument is the key
				}
				return true
			})
		}
	}
}
