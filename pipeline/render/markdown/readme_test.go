package markdown

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// readmeBlock is the README's section on templates.
func readmeBlock(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, "<!-- templates:begin -->"), strings.Index(s, "<!-- templates:end -->")
	if i < 0 || j < i {
		t.Fatal("README.md has no templates:begin … templates:end block")
	}
	return s[i:j]
}

// The README shows every example of example_test.go, the template calls
// and their output, so the two cannot drift apart; and every function has
// an example.
func TestReadmeExamples(t *testing.T) {
	block := readmeBlock(t)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example_test.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string]bool{}
	for _, ex := range doc.Examples(f) {
		examples[strings.TrimPrefix(ex.Name, "_")] = true
		t.Run(ex.Name, func(t *testing.T) {
			calls := 0
			ast.Inspect(ex.Code, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); !ok || (id.Name != "show" && id.Name != "showFor" && id.Name != "showIn") {
					return true
				}
				lit, ok := call.Args[len(call.Args)-1].(*ast.BasicLit)
				if !ok {
					t.Errorf("a %s call without a literal template", ex.Name)
					return true
				}
				text, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				calls++
				if !strings.Contains(block, text) {
					t.Errorf("the README does not show the template %s", text)
				}
				return true
			})
			if calls == 0 {
				t.Error("no template call found")
			}
			for _, line := range strings.Split(ex.Output, "\n") {
				if strings.TrimSpace(line) != "" && !strings.Contains(block, "\n"+line+"\n") {
					t.Errorf("the README does not show the output line %q", line)
				}
			}
		})
	}
	for name := range funcs(nil) {
		if name == escapeFunc {
			continue
		}
		if !examples[name] {
			t.Errorf("function %s has no example (Example_%s)", name, name)
		}
		if !strings.Contains(block, "**`"+name+"`**") {
			t.Errorf("the README does not document the function %s", name)
		}
	}
}

// Every field of the view, and every table and chart, is documented.
func TestReadmeDocumentsTheView(t *testing.T) {
	block := readmeBlock(t)
	for _, v := range []any{View{}, Period{}, Bucket{}, Country{}, Partner{}, Totals{}, Money{}, Row{}, Agreement{}, Activity{}, Meeting{}, Measure{}, Field{},
		ProblemList{}, Problem{}, Goal{}, Area{}, AlsoListed{}, GoalRef{}, AreaRef{}, PartnerEngaged{}, USDMoney{}, USDCurrency{},
		Changes{}, RowChanges{}, RowChange{}, FigureChanges{}, FigureChange{}, Comparison{}} {
		typ := reflect.TypeOf(v)
		for i := 0; i < typ.NumField(); i++ {
			fl := typ.Field(i)
			if !fl.IsExported() || fl.Anonymous {
				continue
			}
			if !strings.Contains(block, "`."+fl.Name+"`") {
				t.Errorf("the README does not document %s.%s", typ.Name(), fl.Name)
			}
		}
	}
	for _, m := range []string{"ISO", "Year", "IsZero"} {
		if !strings.Contains(block, "`."+m+"`") {
			t.Errorf("the README does not document Date.%s", m)
		}
	}
	for _, n := range append(append([]string(nil), Tables...), Charts...) {
		if !strings.Contains(block, "| `"+n+"` |") {
			t.Errorf("the README does not list %s", n)
		}
	}
}
