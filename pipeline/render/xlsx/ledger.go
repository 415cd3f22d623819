package xlsx

import (
	"fmt"
	"iter"

	"coopreport/pipeline"
)

// cursor reads a ledger by index for writers that ask for rows in
// increasing order, as a worksheet is written: asking for an earlier row
// starts the ledger again. The ledger may be on disk; the cursor holds
// one activity at a time.
type cursor struct {
	l    pipeline.Ledger
	next func() (pipeline.Activity, bool)
	stop func()
	i    int // index of the activity next returns
	cur  pipeline.Activity
	err  error
}

func newCursor(l pipeline.Ledger) *cursor { return &cursor{l: l, i: -1} }

func (c *cursor) restart() {
	if c.stop != nil {
		c.stop()
	}
	c.err = nil
	seq := func(yield func(pipeline.Activity) bool) {
		stop := fmt.Errorf("stop")
		err := c.l.Each(func(a *pipeline.Activity) error {
			if !yield(*a) {
				return stop
			}
			return nil
		})
		if err != nil && err != stop {
			c.err = err
		}
	}
	c.next, c.stop = iter.Pull(iter.Seq[pipeline.Activity](seq))
	c.i = 0
}

// at returns activity i of the ledger.
func (c *cursor) at(i int) (*pipeline.Activity, error) {
	if c.next == nil || i < c.i-1 || c.i < 0 {
		c.restart()
	}
	for c.i <= i {
		a, ok := c.next()
		if !ok {
			if c.err != nil {
				return nil, c.err
			}
			return nil, fmt.Errorf("the ledger ends before activity %d of %d", i+1, c.l.Len())
		}
		c.cur = a
		c.i++
	}
	return &c.cur, nil
}

// close ends the ledger's reading.
func (c *cursor) close() {
	if c.stop != nil {
		c.stop()
		c.stop = nil
	}
}
