// Package html writes the periodic report as one self-contained web page,
// report-<period>.html, from the same Markdown text the PDF is drawn from
// (the dialect is in markdown.go), with its charts as inline SVG.
package html
