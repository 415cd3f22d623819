package normalize

import "fmt"

// valueError is a user-facing sentence that wraps one of the pipeline
// sentinels (pipeline.ErrBadDate, …), so callers test it with errors.Is
// while the person fixing the data reads only the sentence. The caller
// puts the file, row, column and value in front of it (pipeline.RowError),
// so the sentence names the value only where it must.
type valueError struct {
	kind error
	msg  string
	mark bool // an amount the other decimal mark would read: see MarkConflict
}

func (e *valueError) Error() string { return e.msg }
func (e *valueError) Unwrap() error { return e.kind }

func errorf(kind error, format string, args ...any) error {
	return &valueError{kind: kind, msg: fmt.Sprintf(format, args...)}
}
