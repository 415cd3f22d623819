// Package normalize turns one raw cell (text as a user typed it, or an XLSX raw value) into a typed value, or into an error that wraps a pipeline sentinel and says in plain words what was expected.
package normalize
