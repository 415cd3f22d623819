// Package chartdraw lays out and draws the report's charts, made from
// package chartdata, on a Canvas: the PDF's (package pdf adapts fpdf),
// SVG for the web version and PNG for the Word version, so that the three
// show the same chart laid out the same way.
package chartdraw
