package html

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// elem is an element of a page read back with encoding/xml: a test that
// reads the page as a strict XML parser does proves it well-formed.
type elem struct {
	name  xml.Name
	attr  map[string]string
	kids  []any // *elem or string, in document order
	up    *elem
	depth int
}

// parseXML reads a page strictly (no HTML entities, no auto-closing).
func parseXML(t *testing.T, page []byte) *elem {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	doc := &elem{}
	cur := doc
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the page is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := &elem{name: tk.Name, attr: map[string]string{}, up: cur, depth: cur.depth + 1}
			for _, a := range tk.Attr {
				key := a.Name.Local
				if a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
					key = "xml:" + key
				}
				e.attr[key] = a.Value
			}
			cur.kids = append(cur.kids, e)
			cur = e
		case xml.EndElement:
			cur = cur.up
		case xml.CharData:
			cur.kids = append(cur.kids, string(tk))
		}
	}
	if len(doc.elems()) != 1 {
		t.Fatalf("the page has %d root elements", len(doc.elems()))
	}
	return doc.elems()[0]
}

func (e *elem) elems() []*elem {
	var out []*elem
	for _, k := range e.kids {
		if c, ok := k.(*elem); ok {
			out = append(out, c)
		}
	}
	return out
}

// all returns the elements below e named name ("" for any) whose class
// list has class ("" for any), in document order.
func (e *elem) all(name, class string) []*elem {
	var out []*elem
	var walk func(e *elem)
	walk = func(e *elem) {
		for _, c := range e.elems() {
			if (name == "" || c.name.Local == name) && (class == "" || c.hasClass(class)) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(e)
	return out
}

func (e *elem) one(t *testing.T, name, class string) *elem {
	t.Helper()
	all := e.all(name, class)
	if len(all) != 1 {
		t.Fatalf("%d <%s class=%q> in <%s>, want 1", len(all), name, class, e.name.Local)
	}
	return all[0]
}

func (e *elem) hasClass(c string) bool {
	for _, f := range strings.Fields(e.attr["class"]) {
		if f == c {
			return true
		}
	}
	return false
}

// text is the text of e and its descendants, its spaces collapsed.
func (e *elem) text() string {
	var b strings.Builder
	var walk func(e *elem)
	walk = func(e *elem) {
		for _, k := range e.kids {
			switch k := k.(type) {
			case string:
				b.WriteString(k)
			case *elem:
				walk(k)
			}
		}
	}
	walk(e)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (e *elem) inside(name, class string) bool {
	for p := e.up; p != nil; p = p.up {
		if p.name.Local == name && (class == "" || p.hasClass(class)) {
			return true
		}
	}
	return false
}
