package pdf

import (
	"reflect"
	"testing"
)

// TestRawHTML: HTML in the report's text is not drawn, and the document
// lists it with its line, so that the run can warn; comments, page breaks
// and the table of contents are not listed.
func TestRawHTML(t *testing.T) {
	tests := []struct {
		name, md string
		want     []HTML
	}{
		{"none", "# Title\n\n<!-- page-break -->\n\n<!-- toc -->\n\nText <!-- a note --> end.\n\n<!-- a comment -->\n", nil},
		{"inline", "# Title\n\nFirst line<br>second line.\n", []HTML{{"<br>", 3}}},
		{"block and inline", "# Title\n\n<div class=\"box\">\nboxed\n</div>\n\nText\nwith <b>bold</b>.\n\n| a |\n|---|\n| x<br/>y |\n",
			[]HTML{{`<div class="box"> …`, 3}, {"<b>", 8}, {"</b>", 8}, {"<br/>", 12}}},
		{"long", "<p style=\"font-family: DejaVu Sans; color: #333333; margin: 0 0 1em 0\">x</p>\n",
			[]HTML{{`<p style="font-family: DejaVu Sans; color: #333333; margi…`, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Render([]byte(tt.md), sampleReport(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(doc.HTML, tt.want) {
				t.Errorf("HTML %+v, want %+v", doc.HTML, tt.want)
			}
		})
	}
}
