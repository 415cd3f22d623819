package docx

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// xw writes XML: element and attribute names are the code's own
// constants; every value and every text goes through escape, so no data
// can open or close an element.
type xw struct{ bytes.Buffer }

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// escape writes s as XML character data (or an attribute value). Runes
// XML cannot hold (most control characters) become U+FFFD.
func (x *xw) escape(s string) {
	_ = xml.EscapeText(&x.Buffer, []byte(s)) // a bytes.Buffer does not fail
}

// attrs writes name="value" pairs.
func (x *xw) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		x.WriteByte(' ')
		x.WriteString(kv[i])
		x.WriteString(`="`)
		x.escape(kv[i+1])
		x.WriteByte('"')
	}
}

// start opens element name with attributes given as name, value pairs.
func (x *xw) start(name string, kv ...string) {
	x.WriteByte('<')
	x.WriteString(name)
	x.attrs(kv)
	x.WriteByte('>')
}

// empty writes an element without content.
func (x *xw) empty(name string, kv ...string) {
	x.WriteByte('<')
	x.WriteString(name)
	x.attrs(kv)
	x.WriteString("/>")
}

func (x *xw) end(name string) {
	x.WriteString("</")
	x.WriteString(name)
	x.WriteByte('>')
}

// elem writes <name attrs>text</name>.
func (x *xw) elem(name, text string, kv ...string) {
	x.start(name, kv...)
	x.escape(text)
	x.end(name)
}

// val writes <name w:val="v"/>, WordprocessingML's usual property.
func (x *xw) val(name, v string) { x.empty(name, "w:val", v) }

// t writes a w:t of text, keeping its spaces where Word would drop them.
func (x *xw) t(text string) {
	if text != strings.TrimSpace(text) || strings.Contains(text, "  ") {
		x.elem("w:t", text, "xml:space", "preserve")
		return
	}
	x.elem("w:t", text)
}
