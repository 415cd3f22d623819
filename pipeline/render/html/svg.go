package html

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const svgNS = "http://www.w3.org/2000/svg"

// checkSVG makes sure a chart can be put into the page as it is: one
// well-formed <svg> element of the SVG namespace, no XML declaration or
// doctype, nothing that runs or is fetched (scripts, foreign objects,
// links other than to "#id" in the page, styles that load a url).
// The charts are our own, but the page promises to be self-contained and
// well-formed whatever a chart writer does.
func checkSVG(svg []byte) error {
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("the chart's SVG is not well-formed: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if t.Name.Space != svgNS || t.Name.Local != "svg" {
					return fmt.Errorf("the chart is a <%s> element, not an <svg> of the namespace %s", t.Name.Local, svgNS)
				}
			}
			switch strings.ToLower(t.Name.Local) {
			case "script", "foreignobject", "iframe", "object", "embed":
				return fmt.Errorf("the chart's SVG holds a <%s> element", t.Name.Local)
			}
			for _, a := range t.Attr {
				name, v := strings.ToLower(a.Name.Local), strings.TrimSpace(a.Value)
				switch {
				case strings.HasPrefix(name, "on"):
					return fmt.Errorf("the chart's SVG has an event handler (%s)", a.Name.Local)
				case name == "href" || name == "src":
					if !strings.HasPrefix(v, "#") {
						return fmt.Errorf("the chart's SVG refers to %q, outside the page", v)
					}
				case strings.Contains(strings.ToLower(v), "url(") && !strings.Contains(strings.ReplaceAll(v, " ", ""), "url(#"):
					return fmt.Errorf("the chart's SVG refers to %q, outside the page", v)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.ProcInst:
			return errors.New("the chart's SVG starts with an XML declaration; the page wants the <svg> element alone")
		case xml.Directive:
			return errors.New("the chart's SVG has a doctype or other directive; the page wants the <svg> element alone")
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return errors.New("the chart's SVG has text outside its <svg> element")
			}
		}
	}
	if roots != 1 {
		return fmt.Errorf("the chart's SVG has %d root elements, want one <svg>", roots)
	}
	return nil
}
