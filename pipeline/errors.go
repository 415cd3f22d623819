package pipeline

import (
	"errors"
	"fmt"
)

// Reasons a value or a row is rejected. RowError wraps one of them, so
// callers and tests use errors.Is; the wrapping error adds the words a user
// needs (the value expected, a suggestion).
var (
	ErrMissing          = errors.New("a required value is empty")
	ErrBadDate          = errors.New("not a date")
	ErrAmbiguousDate    = errors.New("date contradicts the configured date order")
	ErrBadAmount        = errors.New("not an amount")
	ErrBadCurrency      = errors.New("not a currency")
	ErrBadNumber        = errors.New("not a whole number")
	ErrBadChoice        = errors.New("not one of the allowed values")
	ErrUnknownCountry   = errors.New("unknown country")
	ErrDuplicateID      = errors.New("duplicate id")
	ErrUnknownReference = errors.New("unknown reference")
	ErrNoEndDate        = errors.New("terminated or suspended without an end date")
	ErrEndBeforeStart   = errors.New("end date before start date")
	ErrBadAlias         = errors.New("bad alias")
	ErrBadRate          = errors.New("bad exchange rate")
	ErrFormulaError     = errors.New("a formula's error, not a value")
)

// Pos is where a record came from: the file (its name inside the input
// folder), the sheet (empty for CSV) and the row number the spreadsheet
// program shows, counting from 1 and including title and header rows.
type Pos struct {
	File  string
	Sheet string
	Row   int
}

func (p Pos) String() string {
	if p.Sheet != "" {
		return fmt.Sprintf("%s, sheet %q, row %d", p.File, p.Sheet, p.Row)
	}
	return fmt.Sprintf("%s, row %d", p.File, p.Row)
}

// RowError is a rejected row: where, which column, the value as written,
// and why. Err wraps one of the sentinels above; its message is a plain
// sentence for the person who fixes the data.
type RowError struct {
	Pos
	Column string
	Value  string
	Err    error
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%s: %v", e.Pos, e.Err)
	}
	return fmt.Sprintf("%s, column %s: %q: %v", e.Pos, e.Column, e.Value, e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }

// Reason is the user-facing sentence of the error, without the position.
func (e *RowError) Reason() string { return e.Err.Error() }

// FileError is a file that cannot be read at all: the run fails with it.
type FileError struct {
	File  string
	Sheet string
	Err   error
}

func (e *FileError) Error() string {
	if e.Sheet != "" {
		return fmt.Sprintf("%s, sheet %q: %v", e.File, e.Sheet, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }
