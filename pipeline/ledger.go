package pipeline

// Ledger is the activities of a report's period, in date order (rows of
// one day in input order). A ledger may hold a million rows and live on
// disk: it is read through Each, one activity at a time, never all at
// once, so that memory does not grow with the rows.
type Ledger interface {
	// Len is the number of activities.
	Len() int
	// Each calls fn with every activity in order; the *Activity is valid
	// during the call only. It stops at the first error fn returns and
	// returns it.
	Each(fn func(a *Activity) error) error
}

// Activities is a Ledger held in memory, for small reports and tests:
// the activities are used in the order given.
type Activities []Activity

func (as Activities) Len() int { return len(as) }

func (as Activities) Each(fn func(a *Activity) error) error {
	for i := range as {
		if err := fn(&as[i]); err != nil {
			return err
		}
	}
	return nil
}

// First returns up to n activities of l, in order, copied.
func First(l Ledger, n int) []Activity {
	if l == nil || n <= 0 {
		return nil
	}
	out := make([]Activity, 0, min(n, l.Len()))
	stop := errStop{}
	l.Each(func(a *Activity) error {
		out = append(out, *a)
		if len(out) == n {
			return stop
		}
		return nil
	})
	return out
}

type errStop struct{}

func (errStop) Error() string { return "stop" }
