// Package chartdraw lays out and draws the report's charts, made from
// package chartdata, on a Canvas (package pdf adapts fpdf to it).
package chartdraw
