// Package framework is the monitoring framework of the 2005 Convention as
// the current periodic report form (Form B) lays it out: four goals, each
// with its areas of monitoring, the cultural domains, and the types of
// entity a partner may be. The words come from templates/framework.toml, a
// data file, so that a wording UNESCO changes is corrected there.
//
// Lookups read a register's words: a goal by its number ("2", "Goal 2",
// "goal 2: achieve …") or its name, an area by its number ("2.3") or
// name, a domain or a type of entity by its name or another word the
// data file gives, without regard to case, spaces, hyphens or
// punctuation. A word that matches nothing is an error wrapping
// pipeline.ErrBadChoice that lists the allowed values and, when one is
// close, suggests it.
package framework

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/BurntSushi/toml"

	"coopreport/pipeline"
	"coopreport/pipeline/suggest"
	"coopreport/templates"
)

// Framework is the goals, areas, domains and types of entity, in the
// form's order.
type Framework struct {
	Goals    []Goal
	Domains  []Item
	Entities []Item

	keys map[string]map[string]string // kind → key → canonical value
}

// Goal is a goal of the Convention and its areas of monitoring.
type Goal struct {
	Number int    // 1 to 4
	Name   string // "Support sustainable systems of governance for culture"
	Areas  []Area
}

// Area is an area of monitoring.
type Area struct {
	ID   string // "2.3": the goal's number, then the area's
	Goal int
	Name string // "Treaties and agreements"
}

// Item is a cultural domain or a type of entity.
type Item struct {
	Name string
	Also []string
}

type file struct {
	Goal []struct {
		Name string
		Also []string
		Area []Item
	}
	Domain []Item
	Entity []Item
}

var (
	once    sync.Once
	builtin *Framework
	loadErr error
)

// Default is the framework of templates/framework.toml.
func Default() (*Framework, error) {
	once.Do(func() { builtin, loadErr = Parse(templates.Framework) })
	return builtin, loadErr
}

// MustDefault is Default for callers that cannot go on without it; the
// data file is embedded and tested, so it fails only on a broken build.
func MustDefault() *Framework {
	f, err := Default()
	if err != nil {
		panic(err)
	}
	return f
}

// Parse reads a framework data file.
func Parse(data []byte) (*Framework, error) {
	var raw file
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("framework.toml: %w", err)
	}
	f := &Framework{keys: map[string]map[string]string{}}
	add := func(kind, value string, words ...string) error {
		m := f.keys[kind]
		if m == nil {
			m = map[string]string{}
			f.keys[kind] = m
		}
		for _, w := range words {
			k := key(w)
			if old, ok := m[k]; ok && old != value {
				return fmt.Errorf("framework.toml: %q names both %s and %s", w, old, value)
			}
			m[k] = value
		}
		return nil
	}
	for i, g := range raw.Goal {
		goal := Goal{Number: i + 1, Name: g.Name}
		n := strconv.Itoa(goal.Number)
		if err := add("goal", n, append([]string{g.Name, n, "goal " + n}, g.Also...)...); err != nil {
			return nil, err
		}
		for j, a := range g.Area {
			area := Area{ID: fmt.Sprintf("%d.%d", goal.Number, j+1), Goal: goal.Number, Name: a.Name}
			if err := add("area", area.ID, append([]string{a.Name, area.ID}, a.Also...)...); err != nil {
				return nil, err
			}
			goal.Areas = append(goal.Areas, area)
		}
		f.Goals = append(f.Goals, goal)
	}
	for _, d := range raw.Domain {
		if err := add("domain", d.Name, append([]string{d.Name}, d.Also...)...); err != nil {
			return nil, err
		}
		f.Domains = append(f.Domains, d)
	}
	for _, e := range raw.Entity {
		if err := add("entity", e.Name, append([]string{e.Name}, e.Also...)...); err != nil {
			return nil, err
		}
		f.Entities = append(f.Entities, e)
	}
	if len(f.Goals) == 0 || len(f.Domains) == 0 || len(f.Entities) == 0 {
		return nil, errors.New("framework.toml: it needs goals, domains and entities")
	}
	return f, nil
}

// key folds a word for matching: lower case, letters and digits only,
// "&" read as "and".
func key(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "&", " and ")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' {
			b.WriteRune(r)
		}
	}
	return strings.Trim(b.String(), ".")
}

// numbered reads "Goal 2: Achieve …" and "2.3 Treaties and agreements" as
// their numbers.
var numbered = regexp.MustCompile(`^\s*(?i:goal|area|цель|зорилго)?\s*(\d(?:\.\d+)?)(?:\s*[:.)–-](?:\D|$)|\s|$)`)

// numberOnly is a key that is a number alone, with the word goal or area.
var numberOnly = regexp.MustCompile(`^(?:goal|area|цель|зорилго)?[\d.]+$`)

// Goal returns the number of the goal s names.
func (f *Framework) Goal(s string) (int, error) {
	v, err := f.lookup("goal", s)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(v)
}

// Area returns the area of monitoring s names.
func (f *Framework) Area(s string) (Area, error) {
	v, err := f.lookup("area", s)
	if err != nil {
		return Area{}, err
	}
	return f.AreaByID(v), nil
}

// AreaByID returns the area "2.3"; the zero Area when there is none.
func (f *Framework) AreaByID(id string) Area {
	for _, g := range f.Goals {
		for _, a := range g.Areas {
			if a.ID == id {
				return a
			}
		}
	}
	return Area{}
}

// GoalByNumber returns goal n; the zero Goal when there is none.
func (f *Framework) GoalByNumber(n int) Goal {
	if n < 1 || n > len(f.Goals) {
		return Goal{}
	}
	return f.Goals[n-1]
}

// Domain returns the cultural domain s names, as the form words it.
func (f *Framework) Domain(s string) (string, error) { return f.lookup("domain", s) }

// Entity returns the type of entity s names, as the form words it.
func (f *Framework) Entity(s string) (string, error) { return f.lookup("entity", s) }

var what = map[string]string{"goal": "a goal of the 2005 Convention", "area": "an area of monitoring",
	"domain": "a cultural domain", "entity": "a type of entity"}

func (f *Framework) lookup(kind, s string) (string, error) {
	m := f.keys[kind]
	if v, ok := m[key(s)]; ok {
		return v, nil
	}
	if n := numbered.FindStringSubmatch(s); n != nil {
		if v, ok := m[key(n[1])]; ok {
			// Words after the number must not name another item:
			// "2.3: Gender equality" is a contradiction, not 2.3.
			rest := strings.TrimLeft(s[len(n[0]):], " :.)–-")
			if w, ok := f.named(kind, rest); ok && w != v {
				return "", fmt.Errorf("%w: %q names two different things: %s by its number and %s by its words; keep the one meant",
					pipeline.ErrBadChoice, strings.TrimSpace(s), f.describe(kind, v), f.describe(kind, w))
			}
			return v, nil
		}
	}
	msg := fmt.Sprintf("%q is not %s; write %s", strings.TrimSpace(s), what[kind], f.allowed(kind))
	if near := f.nearest(kind, s); near != "" {
		msg = fmt.Sprintf("%q is not %s; did you mean %s? Write %s", strings.TrimSpace(s), what[kind], near, f.allowed(kind))
	}
	return "", fmt.Errorf("%w: %s", pipeline.ErrBadChoice, msg)
}

// named returns the item the words s begin the name (or another word) of,
// when they begin those of one item only: "Promote human rights" names
// goal 4. Short or no words name nothing.
func (f *Framework) named(kind, s string) (string, bool) {
	k := key(s)
	if len([]rune(k)) < 4 {
		return "", false
	}
	found := ""
	for word, v := range f.keys[kind] {
		if strings.HasPrefix(word, k) {
			if found != "" && found != v {
				return "", false
			}
			found = v
		}
	}
	return found, found != ""
}

// describe names a value of kind in words: "goal 2 (Achieve …)", "2.3
// Treaties and agreements", "Music".
func (f *Framework) describe(kind, v string) string {
	switch kind {
	case "goal":
		n, _ := strconv.Atoi(v)
		return fmt.Sprintf("goal %d (%s)", n, f.GoalByNumber(n).Name)
	case "area":
		return v + " " + f.AreaByID(v).Name
	}
	return v
}

// allowed lists the values of a kind in words.
func (f *Framework) allowed(kind string) string {
	var names []string
	switch kind {
	case "goal":
		for _, g := range f.Goals {
			names = append(names, fmt.Sprintf("%d (%s)", g.Number, g.Name))
		}
		return "the goal's number, " + strings.Join(names, ", ")
	case "area":
		for _, g := range f.Goals {
			for _, a := range g.Areas {
				names = append(names, a.ID+" "+a.Name)
			}
		}
		return "the area's number or name: " + strings.Join(names, ", ")
	case "domain":
		for _, d := range f.Domains {
			names = append(names, d.Name)
		}
	case "entity":
		for _, e := range f.Entities {
			names = append(names, e.Name)
		}
	}
	return "one of " + strings.Join(names, ", ")
}

// nearest is the value whose word is closest to s, when close enough to
// be a slip of the pen.
func (f *Framework) nearest(kind, s string) string {
	// A number that names nothing ("Goal 5", "2.7") is no slip of the pen
	// for another number.
	if numberOnly.MatchString(key(s)) {
		return ""
	}
	k := []rune(key(s))
	if len(k) < 3 {
		return ""
	}
	best, bestD := "", len(k)/3+1
	var d suggest.Distance
	for word, v := range f.keys[kind] {
		if n := d.Between(k, []rune(word), bestD); n < bestD || n == bestD && best != "" && v < best {
			best, bestD = v, n
		}
	}
	if best == "" {
		return ""
	}
	switch kind {
	case "goal":
		n, _ := strconv.Atoi(best)
		return fmt.Sprintf("goal %d (%s)", n, f.GoalByNumber(n).Name)
	case "area":
		return best + " " + f.AreaByID(best).Name
	}
	return best
}
