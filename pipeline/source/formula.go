package source

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Bounds on computing formulas whose results a workbook does not store
// (programs such as openpyxl write formulas and no results). excelize
// computes a formula by loading its whole sheet into memory, at many
// times the size of the sheet's XML, so formulas are computed only in
// workbooks whose sheets together unpack to at most calcSheetLimit; and a
// workbook with more than maxUncomputed such cells fails: saving it in a
// spreadsheet program stores every result at once.
const maxUncomputed = 10000

// calcSheetLimit is a variable so that tests can lower it.
var calcSheetLimit uint64 = 32 << 20

// calc computes the formulas without stored results of one workbook.
type calc struct {
	xf      *excelize.File
	file    string // the workbook's name, for errors
	allowed bool   // the sheets are small enough to load for computing
	count   int    // formula cells without results met so far
}

// compute returns the value of the formula cell ci of row in sheet. A
// cell it cannot compute is a *CellProblem error; too many such cells in
// the workbook is a *pipeline.FileError.
func (c *calc) compute(sheet string, row int, ci cellInfo) (val string, err error) {
	c.count++
	if c.count > maxUncomputed {
		return "", fileError(c.file, sheet, ErrNoResult,
			"the workbook holds more than %d formulas whose results it does not store (the program that wrote it does not compute formulas); open it in Excel or LibreOffice and save it, so that the results are stored",
			maxUncomputed)
	}
	ref := cellName(ci.col+1, row)
	problem := func(why string) error {
		f := ci.formula
		if f == "" {
			f = "(a copy of a shared formula)"
		} else {
			f = "=" + clip([]byte(f), 200)
		}
		return &reasonError{reason: ErrNoResult, msg: fmt.Sprintf(
			"the cell %s holds the formula %s but the file does not store its result, and %s; open the workbook in Excel or LibreOffice and save it, so that the formula's result is stored",
			ref, f, why)}
	}
	if fn := volatile(ci.formula); fn != "" {
		return "", problem(fmt.Sprintf("its result depends on when it is computed (%s)", fn))
	}
	if !c.allowed {
		return "", problem(fmt.Sprintf("the workbook is too large (over %s of sheets unpacked) to compute it here", byteSize(calcSheetLimit)))
	}
	defer func() {
		if r := recover(); r != nil {
			val, err = "", problem(fmt.Sprintf("it cannot be computed here (%v)", r))
		}
	}()
	v, err := c.xf.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return "", problem(fmt.Sprintf("it cannot be computed here (%v)", err))
	}
	return v, nil
}

// volatile names the first function in formula f whose result depends on
// the moment it is computed or on chance; "" if there is none. Such a
// result differs from run to run, so it is never computed here.
func volatile(f string) string {
	u := strings.ToUpper(f)
	for _, fn := range []string{"NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY"} {
		for i := 0; ; {
			j := strings.Index(u[i:], fn+"(")
			if j < 0 {
				break
			}
			at := i + j
			if at == 0 || !identByte(u[at-1]) || strings.HasSuffix(u[:at], "_XLFN.") {
				return fn
			}
			i = at + len(fn)
		}
	}
	return ""
}

func identByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}
