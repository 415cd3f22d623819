package markdown

import (
	"fmt"
	"reflect"
	"text/template"
)

// text/template's index and slice say "index out of range: 99", or let
// reflect's panic through ("reflect: slice index out of range") for the
// index just past the end, and never how long the list is. These do what
// they do (the same arguments, the same results), but a bad index is a
// *rangeError that knows the length, so that the writer reads how many
// items there are (see explainCall). They replace the built-in functions
// of the same names; they are not functions of ours, so funcs does not
// list them.
var builtinFuncs = template.FuncMap{"index": index, "slice": slice}

// rangeError is an index a list, text or table does not have.
type rangeError struct {
	fn    string // "index" or "slice"
	index int64
	len   int    // the length of what was indexed
	kind  string // "list" or "text"
}

func (e *rangeError) Error() string {
	return fmt.Sprintf("index %d out of range: the %s has %d", e.index, e.kind, e.len)
}

// indirect is text/template's: through pointers and interfaces, and
// whether it met a nil pointer.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface || v.IsNil() {
		return v
	}
	return v.Elem()
}

// indexArg converts an index to int; max is the first index that is out
// of range.
func indexArg(fn string, index reflect.Value, item reflect.Value, max int) (int, error) {
	var x int64
	switch index.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x = index.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x = int64(index.Uint())
	case reflect.Invalid:
		return 0, fmt.Errorf("cannot index slice/array with nil")
	default:
		return 0, fmt.Errorf("cannot index slice/array with type %s", index.Type())
	}
	if x < 0 || x >= int64(max) {
		kind := "list"
		if item.Kind() == reflect.String {
			kind = "text"
		}
		return 0, &rangeError{fn: fn, index: x, len: item.Len(), kind: kind}
	}
	return int(x), nil
}

// index is text/template's index: "index x 1 2" is x[1][2]; a missing
// key of a map gives the zero value.
func index(item reflect.Value, indexes ...reflect.Value) (reflect.Value, error) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, fmt.Errorf("index of untyped nil")
	}
	for _, ix := range indexes {
		ix = indirectInterface(ix)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, fmt.Errorf("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			x, err := indexArg("index", ix, item, item.Len())
			if err != nil {
				return reflect.Value{}, err
			}
			item = item.Index(x)
		case reflect.Map:
			key, kt := ix, item.Type().Key()
			switch {
			case !key.IsValid():
				return reflect.Value{}, fmt.Errorf("value is nil; should be of type %s", kt)
			case key.Type().AssignableTo(kt):
			case intLike(key.Kind()) && intLike(kt.Kind()) && key.Type().ConvertibleTo(kt):
				key = key.Convert(kt)
			default:
				return reflect.Value{}, fmt.Errorf("value has type %s; should be %s", key.Type(), kt)
			}
			if x := item.MapIndex(key); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, fmt.Errorf("can't index item of type %s", item.Type())
		}
	}
	return item, nil
}

func intLike(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// slice is text/template's slice: "slice x 1 2" is x[1:2], "slice x 1"
// x[1:], "slice x 1 2 3" x[1:2:3].
func slice(item reflect.Value, indexes ...reflect.Value) (reflect.Value, error) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, fmt.Errorf("slice of untyped nil")
	}
	var isNil bool
	if item, isNil = indirect(item); isNil {
		return reflect.Value{}, fmt.Errorf("slice of nil pointer")
	}
	if len(indexes) > 3 {
		return reflect.Value{}, fmt.Errorf("too many slice indexes: %d", len(indexes))
	}
	var cap int
	switch item.Kind() {
	case reflect.String:
		if len(indexes) == 3 {
			return reflect.Value{}, fmt.Errorf("cannot 3-index slice a string")
		}
		cap = item.Len()
	case reflect.Array, reflect.Slice:
		// text/template lets an index run to the capacity, which a
		// template cannot know of: up to the length only.
		cap = item.Len()
	default:
		return reflect.Value{}, fmt.Errorf("can't slice item of type %s", item.Type())
	}
	idx := [3]int{0, item.Len()}
	for i, ix := range indexes {
		x, err := indexArg("slice", indirectInterface(ix), item, cap+1)
		if err != nil {
			return reflect.Value{}, err
		}
		idx[i] = x
	}
	if idx[0] > idx[1] {
		return reflect.Value{}, fmt.Errorf("invalid slice index: %d > %d", idx[0], idx[1])
	}
	if len(indexes) < 3 {
		return item.Slice(idx[0], idx[1]), nil
	}
	if idx[1] > idx[2] {
		return reflect.Value{}, fmt.Errorf("invalid slice index: %d > %d", idx[1], idx[2])
	}
	return item.Slice3(idx[0], idx[1], idx[2]), nil
}
