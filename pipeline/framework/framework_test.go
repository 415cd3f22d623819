package framework

import (
	"errors"
	"strings"
	"testing"

	"coopreport/pipeline"
)

func TestDefault(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var areas []string
	for _, g := range f.Goals {
		for _, a := range g.Areas {
			areas = append(areas, a.ID)
		}
	}
	if len(f.Goals) != 4 || strings.Join(areas, " ") != "1.1 1.2 1.3 1.4 2.1 2.2 2.3 3.1 3.2 4.1 4.2" {
		t.Errorf("%d goals, areas %v; want the framework's 4 goals and 11 areas", len(f.Goals), areas)
	}
	if len(f.Domains) != 8 || len(f.Entities) != 3 {
		t.Errorf("%d domains, %d entities", len(f.Domains), len(f.Entities))
	}
}

func TestLookup(t *testing.T) {
	f := MustDefault()
	goals := map[string]int{
		"2": 2, "Goal 2": 2, "goal 3": 3, "GOAL 4: Promote human rights": 4, "1.": 1,
		"Support sustainable systems of governance for culture": 1,
		"promote human rights and fundamental freedoms":         4,
		"Human rights": 4,
	}
	for in, want := range goals {
		if got, err := f.Goal(in); err != nil || got != want {
			t.Errorf("Goal(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	areas := map[string]string{
		"2.3": "Treaties and agreements", "treaties & agreements": "Treaties and agreements",
		"Mobility of artists and cultural professionals":            "Mobility of artists and cultural professionals",
		"3.2 International cooperation for sustainable development": "International cooperation for sustainable development",
		"digital": "Digital environment",
	}
	for in, want := range areas {
		if got, err := f.Area(in); err != nil || got.Name != want {
			t.Errorf("Area(%q) = %+v, %v; want %s", in, got, err, want)
		}
	}
	for in, want := range map[string]string{"music": "Music", "Multi-domain": "Multi-domain", "multidomain": "Multi-domain", "Film": "Audiovisual arts"} {
		if got, err := f.Domain(in); err != nil || got != want {
			t.Errorf("Domain(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
	for in, want := range map[string]string{"public sector": "Public sector", "NGO": "Civil society", "private": "Private sector",
		"ТББ": "Civil society", "НКО": "Civil society", "Хувийн хэвшил": "Private sector", "Государственный сектор": "Public sector"} {
		if got, err := f.Entity(in); err != nil || got != want {
			t.Errorf("Entity(%q) = %q, %v; want %s", in, got, err, want)
		}
	}
}

func TestUnknownWords(t *testing.T) {
	f := MustDefault()
	for _, c := range []struct {
		err  error
		want string
	}{
		{errOf(f.Goal("5")), `"5" is not a goal of the 2005 Convention; write the goal's number, 1 (Support sustainable systems`},
		{errOf(f.Goal("Goal 5")), `"Goal 5" is not a goal of the 2005 Convention; write the goal's number`},
		{errOf(f.Area("2.7")), `"2.7" is not an area of monitoring; write the area's number or name`},
		{errOf(f.Area("Area 2.7")), `"Area 2.7" is not an area of monitoring; write the area's number or name`},
		{errOf(f.Area("Gender equalty")), `"Gender equalty" is not an area of monitoring; did you mean 4.1 Gender equality?`},
		{errOf(f.Domain("Musik")), `"Musik" is not a cultural domain; did you mean Music? Write one of Audiovisual arts, Design,`},
		{errOf(f.Domain("Cooking")), `"Cooking" is not a cultural domain; write one of`},
		{errOf(f.Entity("Pubic sector")), `did you mean Public sector?`},
	} {
		if c.err == nil || !errors.Is(c.err, pipeline.ErrBadChoice) || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("error %v; want ErrBadChoice saying %q", c.err, c.want)
		}
	}
}

func errOf[T any](_ T, err error) error { return err }

func TestParseRejectsAmbiguousWords(t *testing.T) {
	_, err := Parse([]byte(`
[[goal]]
name = "A"
  [[goal.area]]
  name = "X"
  also = ["shared"]
  [[goal.area]]
  name = "Y"
  also = ["shared"]
[[domain]]
name = "D"
[[entity]]
name = "E"
`))
	if err == nil || !strings.Contains(err.Error(), `"shared" names both 1.1 and 1.2`) {
		t.Errorf("err %v", err)
	}
}

// A number and words that name different items are a contradiction, not
// the number; "2.3" is an area, not goal 2; a number alone after "Area"
// or "цель" reads.
func TestNumberAndWords(t *testing.T) {
	f := MustDefault()
	if _, err := f.Area("2.3: Gender equality"); err == nil || !strings.Contains(err.Error(), "names two different things: 2.3 Treaties and agreements by its number and 4.1 Gender equality by its words") {
		t.Errorf("Area(2.3: Gender equality): %v", err)
	}
	if _, err := f.Goal("Goal 2: Promote human rights"); err == nil || !strings.Contains(err.Error(), "names two different things") {
		t.Errorf("Goal(Goal 2: Promote human rights): %v", err)
	}
	if g, err := f.Goal("2.3"); err == nil {
		t.Errorf("Goal(2.3) = %d; an area is not a goal", g)
	}
	for in, want := range map[string]int{"цель 2": 2, "Goal 4": 4, "2: Achieve a balanced flow of cultural goods and services and increase the mobility of artists and cultural professionals": 2} {
		if g, err := f.Goal(in); err != nil || g != want {
			t.Errorf("Goal(%q) = %d, %v; want %d", in, g, err, want)
		}
	}
	if a, err := f.Area("Area 2.3"); err != nil || a.ID != "2.3" {
		t.Errorf("Area(Area 2.3) = %+v, %v", a, err)
	}
}
